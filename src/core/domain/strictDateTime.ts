import { DateTime, IANAZone } from 'luxon'

/**
 * The one strict reader of dates, times of day, UTC instants and time zones. Every entry point — the
 * record schemas (so the API, JSON import and the forms' own check), CSV cells, CLI options, the
 * planner's wall-clock conversions — goes through it, so a value is either what the person meant or
 * refused with a sentence saying why. Nothing is rolled over (31 Feb is not 3 Mar), clamped or shifted.
 */
// Read-only: verdicts are memoised and shared between callers.
export type Parsed = Readonly<{ ok: true; value: string } | { ok: false; message: string }>

/** The calendar the workspace supports, defined once: every date, instant and series end lies inside it. */
export const calendarRange = { min: '1970-01-01', max: '2199-12-31', label: '1 Jan 1970 – 31 Dec 2199' } as const

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const ok = (value: string): Parsed => ({ ok: true, value })
const no = (message: string): Parsed => ({ ok: false, message })

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** "31 Feb 2026": how a date reads to a person, also for dates that do not exist. */
function spoken(year: number, month: number, day: number): string {
  return `${day} ${MONTHS[month - 1] ?? `month ${month}`} ${year}`
}

/**
 * `read`, remembering its verdict per text (a verdict never changes within a process), in a memo that
 * is emptied when it holds `limit` texts, so a file of many bad values cannot grow it without end.
 */
function remembered(read: (text: string) => Parsed, limit: number): (text: string) => Parsed {
  const verdicts = new Map<string, Parsed>()
  return (text) => {
    const known = verdicts.get(text)
    if (known) return known
    const verdict = read(text)
    if (verdicts.size >= limit) verdicts.clear()
    verdicts.set(text, verdict)
    return verdict
  }
}

/**
 * A calendar date. An import checks each row's dates two or three times (the cell, the schema, a
 * rule), and many rows share a day.
 */
const parseDate = remembered(readDate, 4096)

function readDate(text: string): Parsed {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return no('Use a date like 2026-11-23')
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12) return no(`${text} is not a date: there is no month ${m[2]}`)
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) return no(`${spoken(year, month, day)} is not a date (${MONTH_NAMES[month - 1]} ${year} has ${days} days)`)
  if (text < calendarRange.min || text > calendarRange.max) return no(`${spoken(year, month, day)} is outside the calendar (${calendarRange.label})`)
  return ok(text)
}

/** `HH:mm` or `HH:mm:ss`, 00:00–23:59:59. No 24:00 and no leap second: both would roll into another minute or day. */
function parseTime(text: string): Parsed {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text)
  if (!m) return no('Use a time like 09:30')
  if (Number(m[1]) > 23) return no(`${text} is not a time of day (hours run 00–23)`)
  if (Number(m[2]) > 59) return no(`${text} is not a time of day (minutes run 00–59)`)
  if (m[3] !== undefined && Number(m[3]) > 59) return no(`${text} is not a time of day (seconds run 00–59)`)
  return ok(text)
}

/**
 * An IANA zone name, written as the database writes it. Intl also takes offsets ("+01:00"), which
 * follow no daylight-saving rules, and any letter case ("europe/berlin"), which would be stored as
 * typed and then compared as another zone: both are refused with the name to use. Remembered:
 * building an Intl.DateTimeFormat per value was the larger part of reading a month's records (every
 * post's zone is checked by its schema: ~150 ms of the first calendar load on a cold start, issue
 * #17). A workspace uses a handful of zones, but a pasted CSV could bring many bad names: a small memo.
 */
const parseZone = remembered(readZone, 256)

function readZone(text: string): Parsed {
  if (text === '') return no('Choose a time zone')
  if (/^[+-]/.test(text) || text.length > 64 || !IANAZone.isValidZone(text)) return no(`Unknown time zone "${text}"; use an IANA name like Europe/Berlin`)
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone
  if (resolved !== text && resolved.toLowerCase() === text.toLowerCase()) return no(`Write the time zone as ${resolved}`)
  return ok(text)
}

/** A stored instant: UTC, `2026-11-23T09:30Z`, seconds and up to milliseconds optional; its date and time must exist. */
function parseInstant(text: string): Parsed {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,3})?)?Z$/.exec(text)
  if (!m) return no('Use a UTC time like 2026-11-23T09:30:00Z')
  const d = parseDate(m[1] ?? '')
  if (!d.ok) return d
  const t = parseTime(m[3] === undefined ? (m[2] ?? '') : `${m[2]}:${m[3]}`)
  return t.ok ? ok(text) : t
}

export type ZonedParsed = { ok: true; instant: string } | { ok: false; field: 'date' | 'time' | 'zone'; message: string }

/**
 * A wall-clock date and time in a zone → the UTC instant (`…:ssZ`). A time the zone skips (02:30 on
 * the spring-forward night in Europe/Berlin) is refused, never moved to 03:30. A time the zone has
 * twice (02:30 on the fall-back night) is the first of the two, as RFC 5545 reads it.
 */
function zonedToInstant(date: string, time: string, zone: string): ZonedParsed {
  const z = parseZone(zone)
  if (!z.ok) return { ok: false, field: 'zone', message: z.message }
  const d = parseDate(date)
  if (!d.ok) return { ok: false, field: 'date', message: d.message }
  const t = parseTime(time)
  if (!t.ok) return { ok: false, field: 'time', message: t.message }
  const [year, month, day] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
  const [hour, minute, second] = [Number(time.slice(0, 2)), Number(time.slice(3, 5)), time.length > 5 ? Number(time.slice(6, 8)) : 0]
  const dt = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone })
  const same = (x: DateTime): boolean => x.day === day && x.hour === hour && x.minute === minute
  if (!dt.isValid) return { ok: false, field: 'time', message: `${time} on ${spoken(year, month, day)} cannot be read in ${zone}` }
  const before = dt.minus({ hours: 12 }).offset
  if (!same(dt)) {
    const skipped = dt.offset - before
    const size = skipped === 60 ? 'an hour' : `${skipped} minutes`
    return { ok: false, field: 'time', message: `${time} on ${spoken(year, month, day)} does not exist in ${zone}: the clocks go forward ${size} that night. Choose another time` }
  }
  // On a fall-back night luxon reads the later of the two; the first is earlier by the offset change.
  const earlier = before > dt.offset ? dt.minus({ minutes: before - dt.offset }) : dt
  const first = same(earlier) ? earlier : dt
  return { ok: true, instant: first.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'") }
}

export const strictDateTime = { parseDate, parseTime, parseZone, parseInstant, zonedToInstant, spoken }
