import { calendarDates, type IsoDate } from './calendarDates'

export type CadenceState = 'none' | 'under' | 'on' | 'over'
export type CadenceCell = { week: IsoDate; planned: number; target: number; state: CadenceState }

/** Statuses that count toward a channel's rhythm: cancelled items will not go out. */
export const CADENCE_STATUSES = ['idea', 'draft', 'in_review', 'approved', 'scheduled', 'published'] as const

/**
 * Planned posts in a week against the channel's target per week. Within half a post (at least one
 * post for targets of two or more) counts as on target, because a plan of 3 against 3.5 is not a gap
 * anyone would act on, while 1 against 3 is.
 */
export function cadenceState(planned: number, target: number): CadenceState {
  if (target <= 0) return planned > 0 ? 'over' : 'none'
  const slack = target >= 2 ? 1 : 0.5
  if (planned < target - slack) return 'under'
  if (planned > target + slack) return 'over'
  return 'on'
}

/** Count dated items per week for one channel and classify each week. */
export function cadenceCells(dates: readonly IsoDate[], target: number, from: IsoDate, to: IsoDate, weekStart: number): CadenceCell[] {
  const weeks = calendarDates.weeksBetween(from, to, weekStart)
  const counts = new Map<IsoDate, number>(weeks.map((w) => [w, 0]))
  for (const d of dates) {
    const w = calendarDates.startOfWeek(d, weekStart)
    const n = counts.get(w)
    if (n !== undefined) counts.set(w, n + 1)
  }
  return weeks.map((week) => {
    const planned = counts.get(week) ?? 0
    return { week, planned, target, state: cadenceState(planned, target) }
  })
}
