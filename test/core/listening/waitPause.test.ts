import { describe, expect, it } from 'vitest'
import { defaultDeskPolicy, type BusinessWeek } from '../../../src/core/domain/deskPolicy'
import { businessCalendar } from '../../../src/core/listening/businessCalendar'
import { clockState, deskClocks } from '../../../src/core/listening/deskClocks'
import { escalationDueAt } from '../../../src/core/listening/nextEscalation'
import { waitingChange } from '../../../src/core/listening/waitPause'

const nineToFive = [{ start: '09:00', end: '17:00' }]
const weekdaysOnly: BusinessWeek = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] }
const ms = (iso: string) => Date.parse(iso)
const calOf = (holidays: { date: string }[] = []) =>
  businessCalendar({ timeZone: 'Europe/Berlin', week: weekdaysOnly, holidays }, ms('2026-01-01T00:00:00Z'), ms('2026-12-31T00:00:00Z'), 60)
// Complaint, high: 2 business hours to the first response, 8 to resolution.
const policy = { ...defaultDeskPolicy, targets: [{ type: 'complaint' as const, priority: 'high' as const, firstResponseHours: 2, resolutionHours: 8 }], warnHours: 1 }
const base = { type: 'complaint', priority: 'high', resolvedAt: null }

describe('waiting for the author pauses the clocks', () => {
  it('moves the resolution due time out by the business hours waited', () => {
    // Monday 09:00 Berlin; answered at 10:00, waited 10:00–12:00: 1 h counted, 7 h left from 12:00 →
    // 5 h on Monday, 2 on Tuesday → Tuesday 11:00 Berlin (without the wait: Monday 17:00).
    const c = { ...base, occurredAt: '2026-02-09T08:00:00Z', state: 'assigned', firstResponseAt: '2026-02-09T09:00:00Z', waitingSince: null, waits: [{ from: '2026-02-09T09:00:00.000Z', to: '2026-02-09T11:00:00.000Z' }] }
    const k = deskClocks(c, policy, calOf())
    expect(k.resolutionDueAt).toBe('2026-02-10T10:00:00.000Z')
    expect(k.nextDueAt).toBe('2026-02-10T10:00:00.000Z')
    // About to breach when 1 business hour is left: Tuesday 10:00 Berlin.
    expect(k.warnAt).toBe('2026-02-10T09:00:00.000Z')
    // The first response came before its (now later) due time: not breached either way.
    expect(clockState({ ...c, resolvedAt: null }, k, '2026-02-09T17:00:00.000Z')).toMatchObject({ breached: false, overdue: false })
  })

  it('counts no business time on a holiday inside the wait', () => {
    // Friday 14:00 Berlin; waited Friday 16:00 → Tuesday 09:00 over a holiday Monday: 1 business hour waited.
    // 2 h counted on Friday, 6 left from Tuesday 09:00 → Tuesday 15:00 Berlin (without the wait: 14:00).
    const c = { ...base, occurredAt: '2026-02-06T13:00:00Z', state: 'assigned', firstResponseAt: '2026-02-06T13:30:00Z', waitingSince: null, waits: [{ from: '2026-02-06T15:00:00Z', to: '2026-02-10T08:00:00Z' }] }
    const cal = calOf([{ date: '2026-02-09' }])
    expect(deskClocks(c, policy, cal).resolutionDueAt).toBe('2026-02-10T14:00:00.000Z')
    expect(deskClocks({ ...c, waits: [] }, policy, cal).resolutionDueAt).toBe('2026-02-10T13:00:00.000Z')
  })

  it('keeps wall-clock hours when the wait spans the daylight-saving change', () => {
    // Friday 27 March 14:00 CET; waited Friday 15:00 CET → Monday 30 March 10:00 CEST. 1 h counted,
    // 7 h from Monday 10:00 CEST → 17:00 CEST = 15:00Z (without the wait: Monday 14:00 CEST = 12:00Z).
    const c = { ...base, occurredAt: '2026-03-27T13:00:00Z', state: 'assigned', firstResponseAt: '2026-03-27T13:30:00Z', waitingSince: null, waits: [{ from: '2026-03-27T14:00:00Z', to: '2026-03-30T08:00:00Z' }] }
    expect(deskClocks(c, policy, calOf()).resolutionDueAt).toBe('2026-03-30T15:00:00.000Z')
    expect(deskClocks({ ...c, waits: [] }, policy, calOf()).resolutionDueAt).toBe('2026-03-30T12:00:00.000Z')
  })

  it('stops while waiting: no due time, nothing overdue, however long it waits', () => {
    const c = { ...base, occurredAt: '2026-02-09T08:00:00Z', state: 'waiting', firstResponseAt: '2026-02-09T09:00:00Z', waitingSince: '2026-02-09T09:00:00Z', waits: [] }
    const k = deskClocks(c, policy, calOf())
    expect(k).toMatchObject({ resolutionDueAt: null, nextDueAt: null, warnAt: null, firstResponseDueAt: '2026-02-09T10:00:00.000Z' })
    expect(clockState(c, k, '2026-03-01T12:00:00.000Z')).toMatchObject({ breached: false, overdue: false, aboutToBreach: false })
  })

  it('keeps a breach that happened before the wait', () => {
    // Answered after 3 business hours (target 2), then waiting: the first response stays missed.
    const c = { ...base, occurredAt: '2026-02-09T08:00:00Z', state: 'waiting', firstResponseAt: '2026-02-09T11:00:00Z', waitingSince: '2026-02-09T11:00:00Z', waits: [] }
    const k = deskClocks(c, policy, calOf())
    expect(k.firstResponseDueAt).toBe('2026-02-09T10:00:00.000Z')
    expect(clockState(c, k, '2026-02-09T12:00:00.000Z')).toMatchObject({ firstResponseBreached: true, breached: true, overdue: false })
  })

  it('ignores a wait left open by a state a teammate changed at the same time', () => {
    // Sync kept the newest state (assigned) and the other computer's waitingSince: the open wait has no end, so it is not a pause.
    const c = { ...base, occurredAt: '2026-02-09T08:00:00Z', state: 'assigned', firstResponseAt: '2026-02-09T09:00:00Z', waitingSince: '2026-02-09T09:00:00Z', waits: [] }
    expect(deskClocks(c, policy, calOf()).resolutionDueAt).toBe('2026-02-09T16:00:00.000Z')
  })

  it('does not escalate a waiting conversation, and leaves waits out of a level’s time limit', () => {
    const ladder = { type: 'complaint', steps: [{ level: 1, expertId: 'a', afterHours: 2 }, { level: 2, expertId: 'b', afterHours: 2 }] }
    const at1 = { level: 1, at: '2026-02-09T08:00:00.000Z' }
    const subject = { type: 'complaint', state: 'assigned', assigneeId: 'a', escalationLevel: 1, escalations: [at1], nextDueAt: '2026-02-09T07:00:00.000Z' }
    const now = ms('2026-02-09T10:30:00Z')
    expect(escalationDueAt(subject, ladder, now, calOf())?.at).toBe(ms('2026-02-09T10:00:00Z'))
    expect(escalationDueAt({ ...subject, state: 'waiting' }, ladder, now, calOf())).toBeNull()
    // An hour waited at level 1 moves its limit to 11:00Z.
    const waited = { ...subject, waits: [{ from: '2026-02-09T09:00:00.000Z', to: '2026-02-09T10:00:00.000Z' }] }
    expect(escalationDueAt(waited, ladder, now, calOf())).toBeNull()
    expect(escalationDueAt(waited, ladder, ms('2026-02-09T11:30:00Z'), calOf())?.at).toBe(ms('2026-02-09T11:00:00Z'))
  })
})

describe('entering and leaving waiting', () => {
  const c = { occurredAt: '2026-02-09T08:00:00Z', state: 'assigned', waitingSince: null, waits: [] }
  it('opens a wait when it starts waiting and closes it when it stops', () => {
    expect(waitingChange(c, { ...c, state: 'waiting' }, '2026-02-09T09:00:00.000Z')).toEqual({ waitingSince: '2026-02-09T09:00:00.000Z' })
    const waiting = { ...c, state: 'waiting', waitingSince: '2026-02-09T09:00:00.000Z' }
    expect(waitingChange(waiting, { ...waiting, state: 'resolved' }, '2026-02-09T11:00:00.000Z')).toEqual({
      waitingSince: null,
      waits: [{ from: '2026-02-09T09:00:00.000Z', to: '2026-02-09T11:00:00.000Z' }]
    })
    expect(waitingChange(waiting, { ...waiting, summary: 'x' } as typeof waiting, '2026-02-09T11:00:00.000Z')).toEqual({})
    expect(waitingChange(c, { ...c, priority: 'low' } as typeof c, '2026-02-09T11:00:00.000Z')).toEqual({})
  })

  it('never opens a wait before the conversation happened', () => {
    expect(waitingChange(null, { ...c, state: 'waiting' }, '2026-02-01T00:00:00.000Z')).toEqual({ waitingSince: '2026-02-09T08:00:00Z' })
  })
})
