import type { CalendarFilter } from '../../../../core/calendar/calendarFilter'

export type ViewMode = 'month' | 'week' | 'agenda'
export type ColorBy = 'channel' | 'campaign' | 'pillar' | 'status'
export type DateField = 'planned' | 'due' | 'publish'
export type PlannerState = { filter: CalendarFilter; mode: ViewMode; colorBy: ColorBy; dateField: DateField; cursor: string | null; showInsights: boolean }

export const initialPlanner: PlannerState = { filter: {}, mode: 'month', colorBy: 'channel', dateField: 'planned', cursor: null, showInsights: true }

const HINT_KEY = 'smo.planner'

/**
 * The planner state last read from or written to the settings, kept in this window's storage as a
 * *hint* only: the start (earlyMonth.ts) uses it to ask for the right month before the settings have
 * answered. The settings stay the truth; a stale hint costs one unused request, never a wrong screen.
 */
export function plannerHint(storage: Pick<Storage, 'getItem'> = localStorage): PlannerState {
  try {
    const saved: unknown = JSON.parse(storage.getItem(HINT_KEY) ?? 'null')
    if (saved !== null && typeof saved === 'object' && !Array.isArray(saved)) return { ...initialPlanner, ...(saved as Partial<PlannerState>) }
  } catch {
    // An unreadable hint is the same as none.
  }
  return initialPlanner
}

export function rememberPlannerHint(state: PlannerState, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(HINT_KEY, JSON.stringify(state))
  } catch {
    // Storage full or blocked: the start then guesses the defaults, which is only slower.
  }
}
