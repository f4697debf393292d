import { demoCalendar as cal, type Quarter } from './demoCalendar'
import type { DemoOptions } from './demoData'
import { seededRandom, type Rng } from './seededRandom'

/** What every part of the generator needs to know about "now" and the span it fills. */
export type DemoContext = {
  seed: number
  /** Day numbers (days since 1970-01-01 UTC). */
  today: number
  current: Quarter
  previous: Quarter
  /** Every quarter from the first one the demo fills up to the current one, oldest first. */
  quarters: Quarter[]
  /** First day anything dated is spread over. */
  spanStart: number
  /** Last day planned content may fall on: the quarter end, or a few weeks ahead when that is sooner. */
  horizonEnd: number
  /** Content items asked for by a benchmark scale; null = as many as the channels' cadences make. */
  contentItems: number | null
  rng: (salt: string) => Rng
}

/** Past quarters the default demo fills with plans and results, so backtests and curves have history. */
export const HISTORY_QUARTERS = 6

export function demoContext(options: DemoOptions): DemoContext {
  const today = cal.parseDay(options.today)
  const current = cal.quarterOf(today)
  const previous = cal.quarterOf(current.start - 1)
  let historyStart = current.start
  for (let i = 0; i < HISTORY_QUARTERS; i++) historyStart = cal.quarterOf(historyStart - 1).start
  const years = options.scale?.years
  // The default demo covers six past quarters and the current one; a benchmark scale may reach further back.
  const spanStart =
    years !== undefined && years > 0 ? Math.min(historyStart, cal.quarterOf(today - Math.round(years * 365.25)).start) : historyStart
  const quarters: Quarter[] = []
  for (let q = cal.quarterOf(spanStart); q.start <= current.start; q = cal.quarterOf(q.end + 1)) quarters.push(q)
  const asked = options.scale?.contentItems
  const seed = options.seed
  return {
    seed,
    today,
    current,
    previous,
    quarters,
    spanStart,
    // Always leave a few weeks ahead so "coming up" statuses exist even on the last day of a quarter.
    horizonEnd: Math.max(current.end, today + 42),
    contentItems: asked === undefined ? null : Math.max(0, Math.floor(asked)),
    rng: (salt) => seededRandom(seed, salt)
  }
}
