import { describe, expect, it } from 'vitest'
import { updateFeed } from '../../../src/core/settings/updateFeed'

describe('updateFeed (where updates come from)', () => {
  it('is off until configured', () => {
    expect(updateFeed(null)).toEqual({ ok: true, url: null })
    expect(updateFeed('  ')).toEqual({ ok: true, url: null })
  })
  it('takes a web address or a shared folder on any platform', () => {
    expect(updateFeed('https://intranet.example.com/smo')).toEqual({ ok: true, url: 'https://intranet.example.com/smo/' })
    expect(updateFeed('\\\\filer\\IT\\SMO Desk')).toEqual({ ok: true, url: 'file://filer/IT/SMO%20Desk/' })
    expect(updateFeed('S:\\Software\\SMO Desk\\')).toEqual({ ok: true, url: 'file:///S:/Software/SMO%20Desk/' })
    expect(updateFeed('/Volumes/Team/SMO Desk')).toEqual({ ok: true, url: 'file:///Volumes/Team/SMO%20Desk/' })
  })
  it('refuses what is neither, saying what to write', () => {
    const r = updateFeed('updates/latest')
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.message).toContain('neither a web address')
  })
})
