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
  contentItems: number
  rng: (salt: string) => Rng
}

export const DEFAULT_CONTENT_ITEMS = 330

export function demoContext(options: DemoOptions): DemoContext {
  const today = cal.parseDay(options.today)
  const current = cal.quarterOf(today)
  const previous = cal.quarterOf(current.start - 1)
  const years = options.scale?.years
  // The default demo covers the previous and current quarter; a benchmark scale reaches further back.
  const spanStart =
    years !== undefined && years > 0 ? Math.min(previous.start, cal.quarterOf(today - Math.round(years * 365.25)).start) : previous.start
  const quarters: Quarter[] = []
  for (let q = cal.quarterOf(spanStart); q.start <= current.start; q = cal.quarterOf(q.end + 1)) quarters.push(q)
  const contentItems = Math.max(0, Math.floor(options.scale?.contentItems ?? DEFAULT_CONTENT_ITEMS))
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
    contentItems,
    rng: (salt) => seededRandom(seed, salt)
  }
}
