import { describe, expect, it } from 'vitest'
import { strictDateTime } from '../../../src/core/domain/strictDateTime'

// parseZone remembers its verdicts by name (issue #17): the memo must never change a verdict, also for
// names that differ only in case, and must stay right after it has been emptied.
describe('strictDateTime.parseZone', () => {
  it('gives the same verdicts the first time and afterwards', () => {
    for (let round = 0; round < 2; round++) {
      expect(strictDateTime.parseZone('Europe/Berlin')).toEqual({ ok: true, value: 'Europe/Berlin' })
      expect(strictDateTime.parseZone('europe/berlin')).toEqual({ ok: false, message: 'Write the time zone as Europe/Berlin' })
      expect(strictDateTime.parseZone('+01:00').ok).toBe(false)
      expect(strictDateTime.parseZone('Mars/Olympus')).toEqual({ ok: false, message: 'Unknown time zone "Mars/Olympus"; use an IANA name like Europe/Berlin' })
      expect(strictDateTime.parseZone('')).toEqual({ ok: false, message: 'Choose a time zone' })
    }
  })

  it('stays right when many different bad names pass through', () => {
    for (let i = 0; i < 600; i++) expect(strictDateTime.parseZone(`Nowhere/Place${i}`).ok).toBe(false)
    expect(strictDateTime.parseZone('America/New_York').ok).toBe(true)
    expect(strictDateTime.parseZone('america/new_york').ok).toBe(false)
  })
})
