import { strictDateTime } from '../domain/strictDateTime'

/**
 * Plain calendar-date arithmetic on `YYYY-MM-DD` strings. Dates here are wall-calendar days, not
 * instants, so the maths runs in UTC where every day has 24 hours and DST cannot shift a day.
 */
const DAY_MS = 86_400_000

export type IsoDate = string

function toMs(d: IsoDate): number {
  return Date.parse(`${d}T00:00:00Z`)
}

function fromMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10)
}

export const calendarDates = {
  addDays(d: IsoDate, n: number): IsoDate {
    return fromMs(toMs(d) + n * DAY_MS)
  },

  /** Whole days from `a` to `b` (negative when b is earlier). */
  daysBetween(a: IsoDate, b: IsoDate): number {
    return Math.round((toMs(b) - toMs(a)) / DAY_MS)
  },

  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday(d: IsoDate): number {
    const w = new Date(toMs(d)).getUTCDay()
    return w === 0 ? 7 : w
  },

  /** The first day of the week holding `d`, for a week starting on ISO weekday `weekStart`. */
  startOfWeek(d: IsoDate, weekStart: number): IsoDate {
    const back = (calendarDates.weekday(d) - weekStart + 7) % 7
    return calendarDates.addDays(d, -back)
  },

  startOfMonth(d: IsoDate): IsoDate {
    return `${d.slice(0, 7)}-01`
  },

  /** First day of the month `n` months after the month of `d`. */
  addMonths(d: IsoDate, n: number): IsoDate {
    const y = Number(d.slice(0, 4))
    const m = Number(d.slice(5, 7)) - 1 + n
    const date = new Date(Date.UTC(y, m, 1))
    return fromMs(date.getTime())
  },

  daysInMonth(d: IsoDate): number {
    const y = Number(d.slice(0, 4))
    const m = Number(d.slice(5, 7))
    return new Date(Date.UTC(y, m, 0)).getUTCDate()
  },

  /**
   * The days a month grid shows: whole weeks from the week holding the 1st to the week holding the
   * last day (4 to 6 rows), so a month never hides its first or last days.
   */
  monthGrid(month: IsoDate, weekStart: number): IsoDate[] {
    const first = calendarDates.startOfMonth(month)
    const last = calendarDates.addDays(first, calendarDates.daysInMonth(first) - 1)
    const start = calendarDates.startOfWeek(first, weekStart)
    const end = calendarDates.addDays(calendarDates.startOfWeek(last, weekStart), 6)
    const out: IsoDate[] = []
    for (let d = start; d <= end; d = calendarDates.addDays(d, 1)) out.push(d)
    return out
  },

  /** Week starts from `from` to `to` inclusive, aligned to `weekStart`. */
  weeksBetween(from: IsoDate, to: IsoDate, weekStart: number): IsoDate[] {
    const out: IsoDate[] = []
    for (let w = calendarDates.startOfWeek(from, weekStart); w <= to; w = calendarDates.addDays(w, 7)) out.push(w)
    return out
  },

  /** Today's calendar date in a time zone, from an instant in ms. */
  todayIn(nowMs: number, zone: string): IsoDate {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(nowMs))
    return parts.slice(0, 10)
  },

  isDate(s: string): boolean {
    return strictDateTime.parseDate(s).ok
  }
}
