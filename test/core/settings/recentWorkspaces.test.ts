import { describe, expect, it } from 'vitest'
import { addRecent, MAX_RECENT, pruneRecent } from '../../../src/core/settings/recentWorkspaces'
import { settingsSchema, settingsPatch } from '../../../src/core/settings/settingsSchema'

describe('recent workspaces', () => {
  it('the opened one moves to the front once; the list stays within the limit the schema allows', () => {
    expect(addRecent(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c'])
    const many = Array.from({ length: 12 }, (_, i) => `/w${i}`).reduce<string[]>((l, d) => addRecent(l, d), [])
    expect(many).toHaveLength(MAX_RECENT)
    expect(many[0]).toBe('/w11')
    expect(settingsSchema.parse({ recentWorkspaces: many }).recentWorkspaces).toEqual(many)
    // A patch of only the recent list leaves the other settings alone.
    expect(settingsPatch.parse({ recentWorkspaces: ['/x'] })).toEqual({ recentWorkspaces: ['/x'] })
  })

  it('missing folders are pruned with a note naming them', () => {
    const r = pruneRecent(['/a', '/gone', '/b', '/lost'], (d) => !d.startsWith('/g') && !d.startsWith('/l'))
    expect(r.kept).toEqual(['/a', '/b'])
    expect(r.note).toBe('Removed from Open recent because the folder is no longer there: /gone, /lost.')
    expect(pruneRecent(['/a'], () => true)).toEqual({ kept: ['/a'], note: null })
  })
})
