import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canApprove, entersApproval } from '../../../src/core/calendar/approval'
import { cadenceCells, cadenceState } from '../../../src/core/calendar/cadence'
import { calendarDates } from '../../../src/core/calendar/calendarDates'
import { capacityCells, loadState } from '../../../src/core/calendar/capacity'
import { detectClashes, type ClashItem } from '../../../src/core/calendar/clashes'
import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { icsWriter } from '../../../src/core/calendar/icsWriter'
import { expandRecurrence } from '../../../src/core/calendar/recurrence'
import { weekStart } from '../../../src/core/calendar/weekStart'
import { zonedTime } from '../../../src/core/calendar/zonedTime'
import { defaultPolicy } from '../../../src/core/domain/workspacePolicy'

const octets = (s: string) => Buffer.byteLength(s, 'utf8')

describe('dates and week start', () => {
  it('starts weeks on the locale first day', () => {
    expect(weekStart('en-US')).toBe(7)
    expect(weekStart('de-DE')).toBe(1)
    expect(weekStart('en-GB')).toBe(1)
    expect(weekStart('not a locale!')).toBe(1)
  })
  it('builds whole-week month grids that hold every day of the month', () => {
    fc.assert(fc.property(fc.integer({ min: 1971, max: 2198 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 7 }), (y, m, ws) => {
      const month = `${y}-${String(m).padStart(2, '0')}-01`
      const g = calendarDates.monthGrid(month, ws)
      expect(g.length % 7).toBe(0)
      expect(calendarDates.weekday(g[0] ?? '')).toBe(ws)
      expect(g.filter((d) => d.startsWith(month.slice(0, 7)))).toHaveLength(calendarDates.daysInMonth(month))
    }))
  })
})

describe('cadence and capacity', () => {
  it('classifies weeks against the target with a little slack', () => {
    expect(cadenceState(0, 3)).toBe('under')
    expect(cadenceState(2, 3)).toBe('on')
    expect(cadenceState(5, 3)).toBe('over')
    expect(cadenceState(0, 0)).toBe('none')
    expect(cadenceState(0, 0.25)).toBe('on')
  })
  it('counts dated items per week', () => {
    const cells = cadenceCells(['2026-03-23', '2026-03-29', '2026-03-30'], 2, '2026-03-23', '2026-04-05', 1)
    expect(cells.map((c) => [c.week, c.planned, c.state])).toEqual([['2026-03-23', 2, 'on'], ['2026-03-30', 1, 'on']])
  })
  it('sums open effort per member per week and flags overloads', () => {
    const items = [
      { ownerId: 'a', plannedDate: '2026-03-23', effortHours: 20, status: 'draft' },
      { ownerId: 'a', plannedDate: '2026-03-24', effortHours: 20, status: 'approved' },
      { ownerId: 'a', plannedDate: '2026-03-25', effortHours: 99, status: 'published' },
      { ownerId: null, plannedDate: '2026-03-25', effortHours: 9, status: 'draft' }
    ]
    const cells = capacityCells(items, new Map([['a', 32]]), '2026-03-23', '2026-03-29', 1).get('a')
    expect(cells).toEqual([{ week: '2026-03-23', hours: 40, capacity: 32, state: 'over' }])
    expect(loadState(29, 32)).toBe('full')
    expect(loadState(0, 0)).toBe('free')
  })
})

describe('approval rules', () => {
  const full = Object.fromEntries(defaultPolicy.checklist.map((c) => [c.id, true]))
  it('needs every checklist entry, an approver, and an approver other than the owner', () => {
    expect(canApprove({ ownerId: 'o', approverId: 'a', checklist: full }, defaultPolicy).ok).toBe(true)
    const r = canApprove({ ownerId: 'o', approverId: 'o', checklist: { ...full, disclosure: false } }, defaultPolicy)
    expect(r.failures.map((f) => f.rule)).toEqual(['checklist', 'four_eyes'])
    expect(r.failures[0]?.message).toContain('disclosed')
    expect(canApprove({ ownerId: 'o', approverId: null, checklist: full }, defaultPolicy).failures.map((f) => f.rule)).toEqual(['approver'])
    expect(canApprove({ ownerId: 'o', approverId: 'o', checklist: full }, { ...defaultPolicy, requireOtherApprover: false }).ok).toBe(true)
  })
  it('gates entering the signed-off statuses only', () => {
    expect(entersApproval('in_review', 'approved')).toBe(true)
    expect(entersApproval('draft', 'scheduled')).toBe(true)
    expect(entersApproval('approved', 'scheduled')).toBe(false)
    expect(entersApproval('approved', 'draft')).toBe(false)
  })
})

describe('time zones across DST', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Sao_Paulo', 'UTC']
  it('round-trips wall clock → instant → wall clock exactly, refuses times in a DST gap, and keeps wall clock when shifting days', () => {
    fc.assert(fc.property(
      fc.constantFrom(...zones), fc.integer({ min: 0, max: 365 * 30 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: -400, max: 400 }),
      (zone, dayOffset, h, m, shift) => {
        const date = calendarDates.addDays('2000-01-01', dayOffset)
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
        const r = zonedTime.toInstant(date, time, zone)
        // A time inside a spring-forward gap does not exist: refused with the reason, never moved forward.
        if (!r.ok) {
          expect(r).toMatchObject({ field: 'publishAt', message: expect.stringContaining('does not exist in') })
          return
        }
        expect(zonedTime.toWallClock(r.instant, zone)).toEqual({ date, time })
        const moved = zonedTime.shiftDays(r.instant, zone, shift)
        if (!moved.ok) {
          expect(moved.message).toContain('does not exist in')
          return
        }
        expect(zonedTime.toWallClock(moved.instant, zone)).toEqual({ date: calendarDates.addDays(date, shift), time })
      }
    ), { numRuns: 400 })
  })
  it('reads the same wall clock as luxon for any instant in any zone, daylight-saving edges and odd offsets included', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kolkata', 'UTC', 'Etc/GMT+12', 'Pacific/Kiritimati']
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...zones), fc.boolean(), (ms, zone, withMs) => {
        const instant = withMs ? new Date(ms).toISOString() : new Date(ms).toISOString().replace('.000Z', 'Z').replace(/\.\d{3}Z$/, 'Z')
        const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone)
        expect(zonedTime.toWallClock(instant, zone)).toEqual({ date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm') })
      }),
      { numRuns: 2000 }
    )
    // The hour after midnight reads 00, never 24.
    expect(zonedTime.toWallClock('2026-03-01T23:30:00Z', 'Europe/Berlin')).toEqual({ date: '2026-03-02', time: '00:30' })
  })

  it('refuses 02:30 on the spring-forward night in Berlin and reads 02:30 on the fall-back night as the first of the two', () => {
    expect(zonedTime.toInstant('2026-03-29', '02:30', 'Europe/Berlin')).toEqual({
      ok: false, field: 'publishAt', message: '02:30 on 29 Mar 2026 does not exist in Europe/Berlin: the clocks go forward an hour that night. Choose another time'
    })
    expect(zonedTime.toInstant('2026-10-25', '02:30', 'Europe/Berlin')).toEqual({ ok: true, instant: '2026-10-25T00:30:00Z' })
    expect(zonedTime.shiftDays('2026-03-28T01:30:00Z', 'Europe/Berlin', 1)).toMatchObject({ ok: false, message: expect.stringContaining('02:30 on 29 Mar 2026 does not exist') })
  })
  it('refuses unknown zones and bad times by field', () => {
    expect(zonedTime.toInstant('2026-03-29', '09:00', 'Mars/Base')).toMatchObject({ ok: false, field: 'publishZone' })
    expect(zonedTime.toInstant('2026-03-29', '9am', 'UTC')).toMatchObject({ ok: false, field: 'publishAt' })
    expect(zonedTime.toInstant('2300-01-01', '09:00', 'UTC')).toMatchObject({ ok: false, field: 'publishAt' })
  })
  it('expands weekly and monthly series keeping 09:00 local across the change', () => {
    const r = expandRecurrence({ plannedDate: '2026-03-16', publishAt: '2026-03-16T08:00:00Z', publishZone: 'Europe/Berlin' }, { freq: 'weekly', interval: 1, count: 3 })
    expect(r.ok && r.occurrences.map((o) => o.publishAt)).toEqual(['2026-03-16T08:00:00Z', '2026-03-23T08:00:00Z', '2026-03-30T07:00:00Z'])
    const m = expandRecurrence({ plannedDate: '2026-01-31', publishAt: null, publishZone: null }, { freq: 'monthly', interval: 1, until: '2026-04-30' })
    expect(m.ok && m.occurrences.map((o) => o.plannedDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'])
    expect(expandRecurrence({ plannedDate: '2026-03-16', publishAt: null, publishZone: null }, { freq: 'weekly', interval: 2, until: '2026-03-01' })).toMatchObject({ ok: false, field: 'until' })
  })
})

describe('clashes', () => {
  const base: ClashItem = { id: 'a', title: 'Post', channelId: 'c', plannedDate: '2026-03-23', publishAt: '2026-03-23T09:00:00Z', trackingUrl: '', status: 'draft' }
  it('flags items on one channel within the window, and repeated titles or links within a week', () => {
    const items: ClashItem[] = [
      base,
      { ...base, id: 'b', title: 'Other', publishAt: '2026-03-23T10:30:00Z' },
      { ...base, id: 'c', title: 'Far', publishAt: '2026-03-23T15:00:00Z', trackingUrl: 'https://x.io/a/' },
      { ...base, id: 'd', title: 'post!', channelId: 'z', plannedDate: '2026-03-27', publishAt: null, trackingUrl: 'https://x.io/a' },
      { ...base, id: 'e', title: 'Post', status: 'cancelled' }
    ]
    expect(detectClashes(items, 2).map((c) => `${c.kind}:${c.ids.join('+')}`).sort()).toEqual(['channel_window:a+b', 'same_link:c+d', 'same_title:a+d'])
  })
})

describe('ICS writer', () => {
  it('escapes TEXT and folds at 75 octets without splitting a character; ical.js reads back the same text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
      const text = icsWriter([{ uid: 'p@smo', start: { date: '2026-01-01' }, summary: s, description: s }], { nowMs: 0, calendarName: s })
      for (const phys of text.split('\r\n')) expect(octets(phys)).toBeLessThanOrEqual(75)
      const ev = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')
      // iCalendar TEXT has one kind of line break, so CR LF and CR come back as LF.
      expect(ev?.getFirstPropertyValue('description') ?? '').toBe(s.replace(/\r\n|\r/g, '\n'))
    }))
  })
  it('writes UTC timed events and all-day events that parse back', () => {
    const text = icsWriter(
      [
        { uid: 'x1@smo', start: { instant: '2026-03-29T01:30:00Z' }, summary: '[Blog] Ünïcödé, title; with ✓ marks', description: 'Brief\nOwner: Ana', status: 'CONFIRMED' },
        { uid: 'x2@smo', start: { date: '2026-12-31' }, summary: 'All day', description: '' }
      ],
      { nowMs: Date.parse('2026-03-01T12:00:00Z'), calendarName: 'Plan' }
    )
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.split('\r\n').every((l) => octets(l) <= 75)).toBe(true)
    expect(text).toContain('\r\nDTSTART:20260329T013000Z\r\n')
    expect(text).toContain('\r\nDTSTAMP:20260301T120000Z\r\n')
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261231\r\n')
    expect(text).toContain('\r\nDTEND;VALUE=DATE:20270101\r\n')
    const cal = new ICAL.Component(ICAL.parse(text))
    expect(cal.getFirstPropertyValue('version')).toBe('2.0')
    const [a, b] = cal.getAllSubcomponents('vevent')
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(2)
    expect(a?.getFirstPropertyValue('summary')).toBe('[Blog] Ünïcödé, title; with ✓ marks')
    expect(a?.getFirstPropertyValue('description')).toBe('Brief\nOwner: Ana')
    expect(String(a?.getFirstPropertyValue('dtstart'))).toBe('2026-03-29T01:30:00Z')
    expect(b?.getFirstProperty('dtstart')?.type).toBe('date')
  })
})
