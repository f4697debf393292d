import { nonNegative } from './numeric'
import { parseIsoDay } from './staleness'
import type { ScoringOptions } from './types'

export const DEFAULT_PERIOD_WEEKS = 13
export const DEFAULT_STALE_AFTER_DAYS = 90
/** 52 / 12: months in the inputs (fixed hours, cost) are converted with the calendar average. */
export const WEEKS_PER_MONTH = 52 / 12

export type ResolvedOptions = {
  periodWeeks: number
  blendedHourlyRate: number
  today: string
  /** Midnight UTC of today, NaN when unparsable (every estimate then counts as undated). */
  todayMs: number
  staleAfterDays: number
  monthsPerPeriod: number
}

export function resolveOptions(options: ScoringOptions): ResolvedOptions {
  const weeks = nonNegative(options.periodWeeks)
  const periodWeeks = weeks > 0 ? weeks : DEFAULT_PERIOD_WEEKS
  const stale = nonNegative(options.staleAfterDays)
  return {
    periodWeeks,
    blendedHourlyRate: nonNegative(options.blendedHourlyRate),
    today: options.today,
    todayMs: parseIsoDay(options.today),
    staleAfterDays: stale > 0 ? stale : DEFAULT_STALE_AFTER_DAYS,
    monthsPerPeriod: periodWeeks / WEEKS_PER_MONTH
  }
}
