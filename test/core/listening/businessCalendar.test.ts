import { describe, expect, it } from 'vitest'
import { defaultDeskPolicy, type BusinessWeek } from '../../../src/core/domain/deskPolicy'
import { businessCalendar } from '../../../src/core/listening/businessCalendar'
import { clockState, deskClocks } from '../../../src/core/listening/deskClocks'

const nineToFive = [{ start: '09:00', end: '17:00' }]
const weekdaysOnly: BusinessWeek = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] }
const ms = (iso: string) => Date.parse(iso)
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())
const calOf = (timeZone: string, holidays: { date: string }[] = [], week = weekdaysOnly) =>
  businessCalendar({ timeZone, week, holidays }, ms('2026-01-01T00:00:00Z'), ms('2026-12-31T00:00:00Z'), 60)

describe('business-hours clocks', () => {
  it('carries a target over the weekend: Friday 16:00 Berlin + 4 h is Monday 12:00', () => {
    // 2026-02-06 is a Friday; Berlin is UTC+1 in winter.
    expect(iso(calOf('Europe/Berlin').add(ms('2026-02-06T15:00:00Z'), 4))).toBe('2026-02-09T11:00:00.000Z')
  })

  it('starts counting at opening time when it happened out of hours', () => {
    // Saturday evening → Monday 09:00 + 2 h.
    expect(iso(calOf('Europe/Berlin').add(ms('2026-02-07T19:00:00Z'), 2))).toBe('2026-02-09T10:00:00.000Z')
  })

  it('skips holidays', () => {
    const cal = calOf('Europe/Berlin', [{ date: '2026-02-09' }])
    expect(iso(cal.add(ms('2026-02-06T15:00:00Z'), 4))).toBe('2026-02-10T11:00:00.000Z')
  })

  it('keeps wall-clock hours across the daylight-saving change', () => {
    // Berlin moves to UTC+2 on Sunday 29 March 2026: Friday 16:00 CET + 4 h = Monday 12:00 CEST = 10:00Z.
    expect(iso(calOf('Europe/Berlin').add(ms('2026-03-27T15:00:00Z'), 4))).toBe('2026-03-30T10:00:00.000Z')
    // A desk open all day Sunday has 23 business hours that day.
    const always = { ...weekdaysOnly, sun: [{ start: '00:00', end: '24:00' }] }
    const cal = calOf('Europe/Berlin', [], always)
    expect(cal.between(ms('2026-03-28T23:00:00Z'), ms('2026-03-29T22:00:00Z'))).toBe(23)
  })

  it('reads the hours in the team’s zone', () => {
    const friday4pm = { berlin: ms('2026-02-06T15:00:00Z'), newYork: ms('2026-02-06T21:00:00Z') }
    expect(iso(calOf('America/New_York').add(friday4pm.newYork, 4))).toBe('2026-02-09T17:00:00.000Z')
    // The same instant is already after hours in Berlin (22:00): Monday 09:00 + 4 h.
    expect(iso(calOf('Europe/Berlin').add(friday4pm.newYork, 4))).toBe('2026-02-09T12:00:00.000Z')
  })

  it('counts business hours between instants and steps back from a due time', () => {
    const cal = calOf('Europe/Berlin')
    expect(cal.between(ms('2026-02-06T15:00:00Z'), ms('2026-02-09T11:00:00Z'))).toBe(4)
    expect(iso(cal.subtract(ms('2026-02-09T08:30:00Z'), 1))).toBe('2026-02-06T15:30:00.000Z')
  })

  it('has no due time without any business hours', () => {
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }
    expect(calOf('Europe/Berlin', [], closed).add(ms('2026-02-06T15:00:00Z'), 4)).toBeNull()
  })
})

describe('a conversation’s clocks', () => {
  const policy = { ...defaultDeskPolicy, targets: [{ type: 'complaint' as const, priority: 'high' as const, firstResponseHours: 2, resolutionHours: 8 }], warnHours: 1 }
  const cal = calOf('Europe/Berlin')
  const c = { occurredAt: '2026-02-09T08:00:00Z', type: 'complaint', priority: 'high', state: 'assigned', firstResponseAt: null, resolvedAt: null }

  it('runs the first-response clock, then resolution, and stops when resolved', () => {
    const k = deskClocks(c, policy, cal)
    expect(k).toEqual({ firstResponseDueAt: '2026-02-09T10:00:00.000Z', resolutionDueAt: '2026-02-09T16:00:00.000Z', nextDueAt: '2026-02-09T10:00:00.000Z', warnAt: '2026-02-09T09:00:00.000Z' })
    expect(deskClocks({ ...c, firstResponseAt: '2026-02-09T09:00:00Z' }, policy, cal).nextDueAt).toBe('2026-02-09T16:00:00.000Z')
    expect(deskClocks({ ...c, state: 'resolved' }, policy, cal).nextDueAt).toBeNull()
    expect(deskClocks({ ...c, priority: 'low' }, policy, cal).firstResponseDueAt).toBeNull()
  })

  it('says breached and about to breach at a given moment', () => {
    const k = deskClocks(c, policy, cal)
    expect(clockState(c, k, '2026-02-09T08:30:00.000Z')).toMatchObject({ breached: false, aboutToBreach: false, overdue: false })
    expect(clockState(c, k, '2026-02-09T09:30:00.000Z')).toMatchObject({ breached: false, aboutToBreach: true })
    expect(clockState(c, k, '2026-02-09T10:30:00.000Z')).toMatchObject({ breached: true, firstResponseBreached: true, overdue: true, aboutToBreach: false })
    // Answered late: the target stays missed, but nothing is overdue until the resolution clock runs out.
    const late = { ...c, firstResponseAt: '2026-02-09T11:00:00Z' }
    expect(clockState(late, deskClocks(late, policy, cal), '2026-02-09T12:00:00.000Z')).toMatchObject({ breached: true, overdue: false })
  })
})
