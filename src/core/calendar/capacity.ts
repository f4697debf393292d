import { calendarDates, type IsoDate } from './calendarDates'

export type LoadState = 'free' | 'ok' | 'full' | 'over'
export type LoadCell = { week: IsoDate; hours: number; capacity: number; state: LoadState }
export type EffortItem = { ownerId: string | null; plannedDate: IsoDate | null; effortHours: number; status: string }

/** Statuses whose effort is still ahead of the team (published and cancelled work is done or dropped). */
export const OPEN_STATUSES: readonly string[] = ['idea', 'draft', 'in_review', 'approved', 'scheduled']

/** A member's planned hours against the week's capacity; 90–100 % is "full", above 100 % "over". */
export function loadState(hours: number, capacity: number): LoadState {
  if (hours <= 0) return 'free'
  if (capacity <= 0) return 'over'
  const ratio = hours / capacity
  if (ratio > 1 + 1e-9) return 'over'
  if (ratio >= 0.9) return 'full'
  return 'ok'
}

/** Planned effort per member per week (items with an owner, a planned date and an open status). */
export function capacityCells(
  items: readonly EffortItem[],
  capacities: ReadonlyMap<string, number>,
  from: IsoDate,
  to: IsoDate,
  weekStart: number
): Map<string, LoadCell[]> {
  const weeks = calendarDates.weeksBetween(from, to, weekStart)
  const index = new Map(weeks.map((w, i) => [w, i]))
  const hours = new Map<string, number[]>()
  for (const id of capacities.keys()) hours.set(id, weeks.map(() => 0))
  for (const it of items) {
    if (it.ownerId === null || it.plannedDate === null || !OPEN_STATUSES.includes(it.status)) continue
    const i = index.get(calendarDates.startOfWeek(it.plannedDate, weekStart))
    const row = hours.get(it.ownerId)
    if (i === undefined || row === undefined) continue
    row[i] = (row[i] ?? 0) + it.effortHours
  }
  const out = new Map<string, LoadCell[]>()
  for (const [id, row] of hours) {
    const capacity = capacities.get(id) ?? 0
    out.set(id, weeks.map((week, i) => ({ week, hours: round(row[i] ?? 0), capacity, state: loadState(row[i] ?? 0, capacity) })))
  }
  return out
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
