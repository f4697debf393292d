import { DateTime } from 'luxon'
import { weekdays, type BusinessWeek } from '../domain/deskPolicy'

const HOUR = 3_600_000
const DAY = 86_400_000

export type BusinessHoursSetup = { timeZone: string; week: BusinessWeek; holidays: readonly { date: string }[] }

/**
 * The team's open business time between two instants, as a sorted list of UTC spans with the business
 * time before each (a prefix sum). Built once per recompute, so adding 100k × 2 targets costs two
 * binary searches each instead of a walk through the days in a time zone.
 *
 * Wall-clock spans are read in the team's zone on each date, so a daylight-saving day keeps 09:00–17:00
 * (it is 7 or 9 hours long only when a span crosses the change itself). Holidays close the whole day.
 */
export type BusinessCalendar = {
  /** The instant `hours` business hours after `fromMs`; null if the calendar has no business time there. */
  add(fromMs: number, hours: number): number | null
  /** The instant `hours` business hours before `toMs` (the about-to-breach moment); null before the calendar. */
  subtract(toMs: number, hours: number): number | null
  /** Business hours from `aMs` to `bMs` (negative when b is before a). */
  between(aMs: number, bMs: number): number
}

/**
 * `fromMs`/`toMs` bound the instants that will be asked about; business time is laid out from a day
 * before `fromMs` to `horizonDays` after `toMs` (long enough for the largest target).
 */
export function businessCalendar(setup: BusinessHoursSetup, fromMs: number, toMs: number, horizonDays = 800): BusinessCalendar {
  const holidays = new Set(setup.holidays.map((h) => h.date))
  const starts: number[] = []
  const ends: number[] = []
  const before: number[] = []
  let total = 0
  let day = DateTime.fromMillis(fromMs - DAY, { zone: setup.timeZone }).startOf('day')
  const last = toMs + horizonDays * DAY
  const anyHours = weekdays.some((d) => setup.week[d].length > 0)
  while (anyHours && day.toMillis() <= last) {
    const iso = day.toISODate() ?? ''
    const spans = holidays.has(iso) ? [] : setup.week[weekdays[day.weekday - 1] ?? 'mon'].toSorted((a, b) => a.start.localeCompare(b.start))
    for (const s of spans) {
      const a = wall(day, s.start)
      const b = wall(day, s.end)
      if (b <= a) continue
      starts.push(a)
      ends.push(b)
      before.push(total)
      total += b - a
    }
    day = day.plus({ days: 1 })
  }

  /** Business ms from the calendar's beginning up to instant t. */
  const cumAt = (t: number): number => {
    // Last span starting at or before t.
    let lo = 0
    let hi = starts.length - 1
    let idx = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if ((starts[mid] ?? 0) <= t) {
        idx = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    if (idx < 0) return 0
    return (before[idx] ?? 0) + Math.min(t, ends[idx] ?? 0) - (starts[idx] ?? 0)
  }

  /** The first instant at which `cum` business ms have passed; null beyond the calendar. */
  const instantAt = (cum: number): number | null => {
    if (cum < 0 || starts.length === 0 || cum > total) return null
    // First span whose end-cumulative reaches cum.
    let lo = 0
    let hi = starts.length - 1
    let idx = starts.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const endCum = (before[mid] ?? 0) + (ends[mid] ?? 0) - (starts[mid] ?? 0)
      if (endCum >= cum) {
        idx = mid
        hi = mid - 1
      } else lo = mid + 1
    }
    return (starts[idx] ?? 0) + cum - (before[idx] ?? 0)
  }

  return {
    add: (fromMs2, hours) => instantAt(cumAt(fromMs2) + hours * HOUR),
    subtract: (toMs2, hours) => {
      const cum = cumAt(toMs2) - hours * HOUR
      return cum <= 0 ? null : instantAt(cum)
    },
    between: (a, b) => (cumAt(b) - cumAt(a)) / HOUR
  }
}

/** `HH:mm` on a local day as a UTC instant; 24:00 is the next midnight. A time the zone skips moves forward. */
function wall(day: DateTime, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  if (h === 24) return day.plus({ days: 1 }).toMillis()
  return day.set({ hour: h ?? 0, minute: m ?? 0 }).toMillis()
}
