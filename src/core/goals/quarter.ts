import { calendarRange } from '../domain/strictDateTime'

/**
 * Calendar quarters ('2026-Q3') as plain data. Dates are 'YYYY-MM-DD' strings in UTC days: a quarter
 * is a span of calendar days, so no time zone enters here (callers turn instants into dates first).
 * Pure: no clock, no Node, no DOM.
 */
export type Quarter = {
  key: string
  year: number
  /** 1–4 */
  q: number
  /** First day, inclusive. */
  start: string
  /** Last day, inclusive. */
  end: string
  /** Number of calendar days (90, 91 or 92). */
  days: number
}

export type QuarterParse = { ok: true; quarter: Quarter } | { ok: false; message: string }

const DAY_MS = 86_400_000
const PATTERN = /^(\d{4})-Q([1-4])$/

function make(year: number, q: number): Quarter {
  const startMs = Date.UTC(year, (q - 1) * 3, 1)
  const nextMs = Date.UTC(year, q * 3, 1)
  return {
    key: `${year}-Q${q}`,
    year,
    q,
    start: isoDay(startMs),
    end: isoDay(nextMs - DAY_MS),
    days: Math.round((nextMs - startMs) / DAY_MS)
  }
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Milliseconds of a 'YYYY-MM-DD' day at 00:00 UTC; NaN when malformed. */
function dayMs(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN
  return Date.parse(`${date}T00:00:00Z`)
}

// The calendar's range, defined once in strictDateTime.
const FIRST_YEAR = Number(calendarRange.min.slice(0, 4))
const LAST_YEAR = Number(calendarRange.max.slice(0, 4))

export const quarter = {
  /**
   * Strict: exactly 'YYYY-Qn' with n in 1–4 and a year the app's dates allow (1970–2199). '2026-Q5',
   * '26Q1' and '2026-q1' are refused with a message a person can act on (the CLI prints it as is).
   */
  parse(text: string): QuarterParse {
    const m = PATTERN.exec(text)
    if (m === null) {
      return { ok: false, message: `Unknown quarter "${text}": use YYYY-Qn with n from 1 to 4, e.g. 2026-Q4` }
    }
    const year = Number(m[1])
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      return { ok: false, message: `Quarter "${text}" is out of range: the year must be between ${FIRST_YEAR} and ${LAST_YEAR}` }
    }
    return { ok: true, quarter: make(year, Number(m[2])) }
  },

  /** Like parse, for keys the caller already validated (stored goals); throws on a bad key. */
  of(key: string): Quarter {
    const r = quarter.parse(key)
    if (!r.ok) throw new RangeError(r.message)
    return r.quarter
  },

  /** The quarter that contains a 'YYYY-MM-DD' date. */
  containing(date: string): Quarter {
    const ms = dayMs(date)
    if (Number.isNaN(ms)) throw new RangeError(`Not a date: "${date}"`)
    const d = new Date(ms)
    return make(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) + 1)
  },

  previous(qr: Quarter): Quarter {
    return qr.q === 1 ? make(qr.year - 1, 4) : make(qr.year, qr.q - 1)
  },

  next(qr: Quarter): Quarter {
    return qr.q === 4 ? make(qr.year + 1, 1) : make(qr.year, qr.q + 1)
  },

  /** True when the day lies within the quarter (both ends inclusive). String order is date order. */
  contains(qr: Quarter, date: string): boolean {
    return date >= qr.start && date <= qr.end
  },

  /** Day offset of a date from the quarter's first day (0 on the first day; may be negative or ≥ days). */
  dayIndex(qr: Quarter, date: string): number {
    return Math.round((dayMs(date) - dayMs(qr.start)) / DAY_MS)
  },

  /** The date `offset` days after the quarter's first day. */
  dayAt(qr: Quarter, offset: number): string {
    return isoDay(dayMs(qr.start) + offset * DAY_MS)
  },

  /**
   * Reporting weeks: week 1 starts on the quarter's first day and each runs 7 days; the 13th week
   * absorbs the 1 extra day of a 92-day quarter, so every quarter has exactly 13 weeks and quarters
   * compare week by week.
   */
  weeks(qr: Quarter): { index: number; start: string; end: string; label: string }[] {
    const out: { index: number; start: string; end: string; label: string }[] = []
    for (let i = 0; i < 13; i++) {
      const endOffset = i === 12 ? qr.days - 1 : i * 7 + 6
      out.push({ index: i, start: quarter.dayAt(qr, i * 7), end: quarter.dayAt(qr, endOffset), label: `W${i + 1}` })
    }
    return out
  },

  /** 0-based reporting week of a day inside the quarter (see weeks). */
  weekIndex(qr: Quarter, date: string): number {
    return Math.min(12, Math.max(0, Math.floor(quarter.dayIndex(qr, date) / 7)))
  },

  /** '1 Jul – 30 Sep 2026', for slide subtitles. */
  label(qr: Quarter): string {
    return `${shortDate(qr.start, false)} – ${shortDate(qr.end, true)}`
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** '30 Sep 2026'; fixed English month names so the deck is byte-identical on every machine. */
export function shortDate(date: string, withYear = true): string {
  const [y, m, d] = date.split('-')
  return `${Number(d)} ${MONTHS[Number(m) - 1]}${withYear ? ` ${y}` : ''}`
}
