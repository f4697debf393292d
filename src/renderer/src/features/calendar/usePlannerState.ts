import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api/client'
import { initialPlanner as initial, rememberPlannerHint, type PlannerState } from './plannerDefaults'

export type { ColorBy, DateField, PlannerState, ViewMode } from './plannerDefaults'

const KEY = 'planner'

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
        const has = saved !== null && typeof saved === 'object' && !Array.isArray(saved)
        const next = has ? { ...initial, ...(saved as Partial<PlannerState>) } : initial
        if (has) setState(next)
        rememberPlannerHint(next)
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
      rememberPlannerHint(next)
      clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        void api.call('settings-get', {}).then((s) => api.call('settings-update', { ui: { ...s.ui, [KEY]: JSON.parse(JSON.stringify(next)) } }))
      }, 250)
      return next
    })
  }, [])

  return [state, update, ready]
}
