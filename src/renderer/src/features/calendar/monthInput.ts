import type { ApiInput } from '../../../../core/api/contract'
import type { PlannerState } from './plannerDefaults'
import { viewDays } from './viewDays'

export type MonthInput = ApiInput<'calendar-month'>

/**
 * The `calendar-month` input for a view, built in one place: the screen and the start's early request
 * (earlyMonth.ts) must produce the same input, key order included, for the early answer to be used.
 */
export function monthInput(state: Pick<PlannerState, 'mode' | 'dateField' | 'filter'>, cursor: string, weekStart: number): MonthInput {
  const days = viewDays(state.mode, cursor, weekStart)
  return { from: days[0] ?? cursor, to: days[days.length - 1] ?? cursor, dateField: state.dateField, filter: state.filter, weekStart }
}
