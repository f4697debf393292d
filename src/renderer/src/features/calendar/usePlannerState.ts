import { useCallback, useEffect, useRef, useState } from 'react'
import type { CalendarFilter } from '../../../../core/calendar/calendarFilter'
import type { ViewMode } from '../../../../core/calendar/viewDays'
import { api } from '../../api/client'

export type { ViewMode }
export type ColorBy = 'channel' | 'campaign' | 'pillar' | 'status'
export type DateField = 'planned' | 'due' | 'publish'
export type PlannerState = { filter: CalendarFilter; mode: ViewMode; colorBy: ColorBy; dateField: DateField; cursor: string | null; showInsights: boolean }

const KEY = 'planner'
const initial: PlannerState = { filter: {}, mode: 'month', colorBy: 'channel', dateField: 'planned', cursor: null, showInsights: true }

/**
 * The calendar's and board's shared state (filter, view, colouring), kept in the per-machine settings
 * under `ui.planner` so it survives a restart and the board and calendar filter alike. Writes are
 * debounced; the rest of `ui` (other screens' keys) is read back and preserved.
 */
export function usePlannerState(): [PlannerState, (patch: Partial<PlannerState>) => void, boolean] {
  const [state, setState] = useState<PlannerState>(initial)
  const [ready, setReady] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    let live = true
    api.call('settings-get', {}).then(
      (s) => {
        if (!live) return
        const saved = s.ui[KEY]
        if (saved !== null && typeof saved === 'object' && !Array.isArray(saved)) setState({ ...initial, ...(saved as Partial<PlannerState>) })
        setReady(true)
      },
      () => setReady(true)
    )
    return () => {
      live = false
    }
  }, [])

  const update = useCallback((patch: Partial<PlannerState>) => {
    setState((prev) => {
      const next = { ...prev, ...patch }
      clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        void api.call('settings-get', {}).then((s) => api.call('settings-update', { ui: { ...s.ui, [KEY]: JSON.parse(JSON.stringify(next)) } }))
      }, 250)
      return next
    })
  }, [])

  return [state, update, ready]
}
