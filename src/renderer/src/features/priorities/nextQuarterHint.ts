import { calendarDates } from '../../../../core/calendar/calendarDates'
import { quarter } from '../../../../core/goals/quarter'

/** How far before a quarter's end Priorities points at planning the next one. */
const HINT_DAYS = 21

/** Days left in the quarter that holds `asOf`, today included. */
export function daysLeftIn(asOf: string): number {
  return calendarDates.daysBetween(asOf, quarter.containing(asOf).end) + 1
}

/**
 * Near the end of the quarter under way, when no later quarter has goals yet: where to set them so
 * the next quarter can be planned ("2026-Q4 ends in 10 days: set 2027-Q1’s goals…"); else null.
 */
export function nextQuarterHint(asOf: string, shown: string, quarters: readonly string[]): string | null {
  const current = quarter.containing(asOf)
  if (quarters.length > 1 || shown !== current.key) return null
  const left = daysLeftIn(asOf)
  if (left > HINT_DAYS) return null
  const next = quarter.containing(calendarDates.addDays(current.end, 1)).key
  return `${shown} ends in ${left} ${left === 1 ? 'day' : 'days'}: set ${next}’s goals (Goals) to plan its hours here.`
}
