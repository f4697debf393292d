import { createContext, useContext } from 'react'
import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import type { ColorKey } from './plannerColors'
import type { DateField } from './usePlannerState'

/** What every chip, cell and card needs from the screen that owns the data and the writes. */
export type Planner = {
  colorOf: (item: CalendarCell) => ColorKey
  selected: ReadonlySet<string>
  clashes: ReadonlyMap<string, string[]>
  dateField: DateField
  zone: string
  names: { member: ReadonlyMap<string, string>; channel: ReadonlyMap<string, string> }
  open: (id: string) => void
  select: (id: string, additive: boolean) => void
  /** Select many at once (the week view's lasso); additive keeps the current selection. */
  selectMany: (ids: readonly string[], additive: boolean) => void
  /** Drop dragged item(s) on a day (and optionally a local time in the viewer's zone); null unplans. */
  drop: (id: string, date: string | null, time?: string) => void
  create: (date: string) => void
  /** Keyboard moves (Alt+arrows): the item, or the selection it belongs to, `days` days later; focus follows it. */
  moveBy: (id: string, days: number) => void
  /** Open "Move to date…" for an item (M). */
  askMove: (id: string) => void
}

export const PlannerContext = createContext<Planner | null>(null)

export function usePlanner(): Planner {
  const p = useContext(PlannerContext)
  if (p === null) throw new Error('usePlanner outside PlannerContext')
  return p
}

export const DRAG_TYPE = 'application/x-smo-item'
