import { DateTime, IANAZone } from 'luxon'
import type { IsoDate } from './calendarDates'

export type WallClock = { date: IsoDate; time: string }
export type ZonedResult = { ok: true; instant: string } | { ok: false; field: 'publishZone' | 'publishAt'; message: string }

const MIN = '1970-01-01'
const MAX = '2199-12-31'

/** Instants are stored as UTC with seconds (`2026-11-23T09:30:00Z`), the form the schema accepts. */
function iso(dt: DateTime): string {
  return dt.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'")
}

/**
 * A publish time is an instant plus the zone it was planned in. These helpers convert between that
 * and the wall clock people plan with, so a post planned for 09:00 Berlin stays at 09:00 Berlin when
 * it moves across a daylight-saving change (the instant moves by an hour instead).
 */
export const zonedTime = {
  isZone(zone: string): boolean {
    return IANAZone.isValidZone(zone)
  },

  /** Local date and `HH:mm` in `zone` → UTC instant. A time inside a spring-forward gap moves forward. */
  toInstant(date: IsoDate, time: string, zone: string): ZonedResult {
    if (!IANAZone.isValidZone(zone)) return { ok: false, field: 'publishZone', message: `Unknown time zone "${zone}"; use an IANA name like Europe/Berlin` }
    if (!/^\d{2}:\d{2}$/.test(time)) return { ok: false, field: 'publishAt', message: 'Use a time like 09:30' }
    if (date < MIN || date > MAX) return { ok: false, field: 'publishAt', message: 'The publish date must be between 1970 and 2199' }
    const dt = DateTime.fromISO(`${date}T${time}`, { zone })
    if (!dt.isValid) return { ok: false, field: 'publishAt', message: 'Not a real date and time' }
    return { ok: true, instant: iso(dt) }
  },

  /** UTC instant → wall clock in `zone`. */
  toWallClock(instant: string, zone: string): WallClock {
    const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone)
    return { date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm') }
  },

  /** Move an instant by whole days while keeping its wall-clock time in the zone it was planned in. */
  shiftDays(instant: string, zone: string, days: number): string {
    const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).plus({ days })
    return iso(dt)
  },

  /** Put an instant on another calendar day (in its zone), keeping its time of day. */
  moveToDate(instant: string, zone: string, date: IsoDate): string {
    const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone)
    const moved = DateTime.fromISO(`${date}T${local.toFormat('HH:mm:ss')}`, { zone })
    return iso(moved)
  },

  /** The zone's offset name at that instant (e.g. "CET" or "GMT+1"), for the hover text. */
  offsetName(instant: string, zone: string, locale = 'en'): string {
    return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).setLocale(locale).toFormat('ZZZZ')
  }
}
