/**
 * Date arithmetic for the demo on whole UTC day numbers (days since 1970-01-01): integers are cheap
 * to compare and add, which keeps a 100k-item workspace fast, and they cannot drift with a zone.
 */
const DAY_MS = 86_400_000

export type Quarter = { label: string; start: number; end: number }

/** Offsets are cached per zone and day: Intl is the slow part, and days repeat a lot. */
const offsetCache = new Map<string, Map<number, number>>()
const formatters = new Map<string, Intl.DateTimeFormat>()

function parseDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (m === null) throw new Error(`Not a date like 2026-11-23: ${date}`)
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new Error(`Not a real calendar date: ${date}`)
  return ms / DAY_MS
}

/** Day strings repeat constantly (a 100k-item demo has ~2,000 distinct days): formatting each once saves most of the time. */
const dayStrings = new Map<number, string>()

function dayString(day: number): string {
  let s = dayStrings.get(day)
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10)
    dayStrings.set(day, s)
  }
  return s
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** UTC instant as the schemas want it: seconds precision, trailing Z. */
function instantString(ms: number): string {
  const day = Math.floor(ms / DAY_MS)
  const secs = Math.floor((ms - day * DAY_MS) / 1000)
  return `${dayString(day)}T${two(Math.floor(secs / 3600))}:${two(Math.floor(secs / 60) % 60)}:${two(secs % 60)}Z`
}

function quarterOf(day: number): Quarter {
  const d = new Date(day * DAY_MS)
  const year = d.getUTCFullYear()
  const q = Math.floor(d.getUTCMonth() / 3)
  const start = Date.UTC(year, q * 3, 1) / DAY_MS
  const end = Date.UTC(year, q * 3 + 3, 1) / DAY_MS - 1
  return { label: `${year}-Q${q + 1}`, start, end }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric'
    })
    formatters.set(zone, f)
  }
  return f
}

/** Minutes the zone is ahead of UTC on that day, measured at noon UTC (DST switches happen at night). */
function zoneOffsetMinutes(zone: string, day: number): number {
  let byDay = offsetCache.get(zone)
  if (byDay === undefined) {
    byDay = new Map()
    offsetCache.set(zone, byDay)
  }
  const cached = byDay.get(day)
  if (cached !== undefined) return cached
  const noon = day * DAY_MS + 12 * 3_600_000
  const parts: Record<string, number> = {}
  for (const p of formatterFor(zone).formatToParts(new Date(noon))) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  const local = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0)
  const offset = Math.round((local - noon) / 60_000)
  byDay.set(day, offset)
  return offset
}

/** The UTC instant (ms) of a wall-clock time on a local day in a zone. */
function localToMs(day: number, minuteOfDay: number, zone: string): number {
  return day * DAY_MS + minuteOfDay * 60_000 - zoneOffsetMinutes(zone, day) * 60_000
}

export const demoCalendar = { DAY_MS, parseDay, dayString, instantString, quarterOf, localToMs }
