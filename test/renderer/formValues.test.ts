import { describe, expect, it } from 'vitest'
import type { FieldSpec } from '../../src/renderer/src/components/fieldSpec'
import { changedFields, draftIssues, fromDraft, instantToLocal, localToInstant, parseNumber, toDraft } from '../../src/renderer/src/components/formValues'

const fields: FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text' },
  { name: 'reach', label: 'Reach', input: 'number' },
  { name: 'rate', label: 'Rate', input: 'number' },
  { name: 'topics', label: 'Topics', input: 'tags' },
  { name: 'ownerId', label: 'Owner', input: 'ref', refKind: 'member' },
  { name: 'lastContactDate', label: 'Last contact', input: 'date' },
  { name: 'active', label: 'Active', input: 'checkbox' },
  { name: 'publishAt', label: 'Publish', input: 'datetime', zoneField: 'publishZone' }
]
const nullable = (n: string): boolean => ['rate', 'ownerId', 'lastContactDate', 'publishAt', 'publishZone'].includes(n)

describe('form values', () => {
  it('round-trips a record through the draft', () => {
    const rec = {
      name: 'Ada', reach: 12000, rate: null, topics: ['data', 'ops'], ownerId: null, lastContactDate: '2026-11-02', active: true,
      publishAt: '2026-03-29T08:30:00Z', publishZone: 'Europe/Berlin'
    }
    const draft = toDraft(fields, rec)
    expect(draft).toMatchObject({ reach: '12000', rate: '', topics: 'data, ops', ownerId: '', publishAt: '2026-03-29', 'publishAt:time': '10:30', publishZone: 'Europe/Berlin' })
    expect(fromDraft(fields, draft, nullable)).toEqual(rec)
  })

  it('turns empty inputs into null where the field allows it, and keeps bad numbers as NaN for zod to report', () => {
    const out = fromDraft(fields, { name: ' x ', reach: '', rate: '', topics: ' , a,, b ', ownerId: '', lastContactDate: '', active: false, publishAt: '', publishZone: '' }, nullable)
    expect(out).toMatchObject({ name: ' x ', rate: null, topics: ['a', 'b'], ownerId: null, lastContactDate: null, publishAt: null, publishZone: null })
    expect(Number.isNaN(out.reach)).toBe(true)
    expect(Number.isNaN(fromDraft(fields, { reach: 'lots' }, nullable).reach)).toBe(true)
  })

  it('reads thousands separators and decimal commas the way people type them', () => {
    expect(parseNumber('12,000')).toBe(12000)
    expect(parseNumber('1,234.5')).toBe(1234.5)
    expect(parseNumber('3,5')).toBe(3.5)
    expect(parseNumber('0.035')).toBe(0.035)
    expect(parseNumber('')).toBeNaN()
  })

  it('converts local wall time in a zone to a UTC instant across a DST change', () => {
    expect(localToInstant('2026-03-29', '10:30', 'Europe/Berlin')).toEqual({ ok: true, instant: '2026-03-29T08:30:00Z' })
    expect(localToInstant('2026-03-28', '10:30', 'Europe/Berlin')).toEqual({ ok: true, instant: '2026-03-28T09:30:00Z' })
    expect(instantToLocal('2026-11-23T09:30:00Z', 'America/New_York')).toEqual({ date: '2026-11-23', time: '04:30' })
  })

  it('names the field of a date and time that cannot be read, instead of dropping or shifting it', () => {
    const draft = { publishAt: '2026-03-29', 'publishAt:time': '02:30', publishZone: 'Europe/Berlin', lastContactDate: '2026-02-31' }
    expect(draftIssues(fields, draft)).toEqual([{ path: ['publishAt'], message: expect.stringContaining('02:30 on 29 Mar 2026 does not exist in Europe/Berlin') }])
    expect(draftIssues(fields, { ...draft, 'publishAt:time': '24:30' })).toEqual([{ path: ['publishAt'], message: '24:30 is not a time of day (hours run 00–23)' }])
    expect(draftIssues(fields, { ...draft, publishAt: '2026-02-31', 'publishAt:time': '10:00' })).toEqual([{ path: ['publishAt'], message: '31 Feb 2026 is not a date (February 2026 has 28 days)' }])
    expect(draftIssues(fields, { ...draft, 'publishAt:time': '10:00', publishZone: 'Mars/Base' })).toEqual([{ path: ['publishZone'], message: expect.stringContaining('Unknown time zone "Mars/Base"') }])
    expect(draftIssues(fields, { ...draft, 'publishAt:time': '' })).toEqual([{ path: ['publishAt'], message: 'Give a time of day too, like 09:30' }])
    // The date field's own text goes to the schema as typed, which refuses it at that field.
    expect(fromDraft(fields, draft, nullable).lastContactDate).toBe('2026-02-31')
  })

  it('sends only the fields that changed', () => {
    expect(changedFields({ a: 1, b: ['x'], c: null }, { a: 1, b: ['x', 'y'], c: null })).toEqual({ b: ['x'] })
  })
})
