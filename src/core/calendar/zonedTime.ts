import { DateTime } from 'luxon'
import { strictDateTime } from '../domain/strictDateTime'
import type { IsoDate } from './calendarDates'

export type WallClock = { date: IsoDate; time: string }

/**
 * The engine's own time-zone database read through one formatter per zone (Intl, which luxon itself
 * reads zones with): a chip's time is a few microseconds away, where going through luxon's DateTime
 * cost ~0.1 ms a call (~20–40 ms of the calendar's first paint on the demo, issue #17). Anything it
 * cannot read (an instant luxon accepts that Date does not) goes through luxon as before.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()
function wallClockOf(instant: string, zone: string): WallClock {
  const ms = Date.parse(instant)
  let f = formatters.get(zone)
  if (f === undefined && !Number.isNaN(ms)) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      formatters.set(zone, f)
    } catch {
      f = undefined
    }
  }
  if (f !== undefined && !Number.isNaN(ms)) {
    const p: Record<string, string> = {}
    for (const part of f.formatToParts(ms)) p[part.type] = part.value
    const year = p.year ?? ''
    if (/^\d{4}$/.test(year)) return { date: `${year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` }
  }
  const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone)
  return { date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm') }
}
export type ZonedResult = { ok: true; instant: string } | { ok: false; field: 'publishZone' | 'publishAt'; message: string }

/**
 * A publish time is an instant plus the zone it was planned in. These helpers convert between that
 * and the wall clock people plan with, so a post planned for 09:00 Berlin stays at 09:00 Berlin when
 * it moves across a daylight-saving change (the instant moves by an hour instead).
 */
export const zonedTime = {
  isZone(zone: string): boolean {
    return strictDateTime.parseZone(zone).ok
  },

  /**
   * Local date and `HH:mm` in `zone` → UTC instant, through the one strict reader: an impossible date,
   * a time like 24:30 or a time the zone skips (the spring-forward gap) is refused, never moved.
   */
  toInstant(date: IsoDate, time: string, zone: string): ZonedResult {
    const r = strictDateTime.zonedToInstant(date, time, zone)
    if (r.ok) return r
    return { ok: false, field: r.field === 'zone' ? 'publishZone' : 'publishAt', message: r.message }
  },

  /** UTC instant → wall clock in `zone`. */
  toWallClock(instant: string, zone: string): WallClock {
    return wallClockOf(instant, zone)
  },

  /**
   * Move an instant by whole days while keeping its wall-clock time in the zone it was planned in. A
   * day on which that time does not exist (09:00 never does, 02:30 may) is refused, not shifted.
   */
  shiftDays(instant: string, zone: string, days: number): ZonedResult {
    const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone)
    return zonedTime.toInstant(local.plus({ days }).toFormat('yyyy-MM-dd'), local.toFormat(local.second === 0 ? 'HH:mm' : 'HH:mm:ss'), zone)
  },

  /** Put an instant on another calendar day (in its zone), keeping its time of day; refused like shiftDays. */
  moveToDate(instant: string, zone: string, date: IsoDate): ZonedResult {
    const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone)
    return zonedTime.toInstant(date, local.toFormat(local.second === 0 ? 'HH:mm' : 'HH:mm:ss'), zone)
  },

  /** The zone's offset name at that instant (e.g. "CET" or "GMT+1"), for the hover text. */
  offsetName(instant: string, zone: string, locale = 'en'): string {
    return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).setLocale(locale).toFormat('ZZZZ')
  }
}
