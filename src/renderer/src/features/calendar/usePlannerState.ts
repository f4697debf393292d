import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiInput, ApiOutput } from '../../../../core/api/contract'
import type { CalendarFilter } from '../../../../core/calendar/calendarFilter'
import type { ViewMode } from '../../../../core/calendar/viewDays'
import { api } from '../../api/client'
import { sendOnLeave } from '../../api/sendOnLeave'

export type { ViewMode }
export type ColorBy = 'channel' | 'campaign' | 'pillar' | 'status'
export type DateField = 'planned' | 'due' | 'publish'
export type PlannerState = { filter: CalendarFilter; mode: ViewMode; colorBy: ColorBy; dateField: DateField; cursor: string | null; showInsights: boolean }

const KEY = 'planner'
const initial: PlannerState = { filter: {}, mode: 'month', colorBy: 'channel', dateField: 'planned', cursor: null, showInsights: true }

/** The planner state kept in the settings (`ui.planner`), over the defaults. */
function plannerOf(s: ApiOutput<'settings-get'>): PlannerState {
  const saved = s.ui[KEY]
  return saved !== null && typeof saved === 'object' && !Array.isArray(saved) ? { ...initial, ...(saved as Partial<PlannerState>) } : initial
}

/**
 * The calendar's and board's shared state (filter, view, colouring), kept in the per-machine settings
 * under `ui.planner` so it survives a restart and the board and calendar filter alike. Writes are
 * debounced and set only this key (the backend merges it into `ui`, keeping other screens' keys). A
 * write still waiting when the page goes away (a reload, a closed tab or window) or is hidden is sent
 * at once (sendOnLeave), so nothing typed just before is lost.
 */
export function usePlannerState(): [PlannerState, (patch: Partial<PlannerState>) => void, boolean] {
  // The saved state at once when the browser host's boot already holds the settings (api.ready): the
  // first render is then the saved view, not the default one replaced a moment later.
  const [booted] = useState(() => api.ready('settings-get', {}) as ApiOutput<'settings-get'> | undefined)
  const [state, setState] = useState<PlannerState>(() => (booted === undefined ? initial : plannerOf(booted)))
  const [ready, setReady] = useState(booted !== undefined)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // The state the debounce has not written yet; null once it is sent.
  const pending = useRef<PlannerState | null>(null)

  useEffect(() => {
    if (booted !== undefined) return
    let live = true
    api.call('settings-get', {}).then(
      (s) => {
        if (!live) return
        setState(plannerOf(s))
        setReady(true)
      },
      () => setReady(true)
    )
    return () => {
      live = false
    }
  }, [booted])

  useEffect(() => {
    const flush = (leaving: boolean): void => {
      const next = pending.current
      if (next === null) return
      clearTimeout(timer.current)
      write(next, leaving)
      pending.current = null
    }
    const onLeave = (): void => flush(true)
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush(true)
    }
    // beforeunload comes first: the write leaves before a reload asks for the new page (which reads it
    // back) and, in the desktop window, while the page can still call the main process; pagehide
    // covers the ways out that skip it (a tab discarded, the back-forward cache).
    addEventListener('beforeunload', onLeave)
    addEventListener('pagehide', onLeave)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      removeEventListener('beforeunload', onLeave)
      removeEventListener('pagehide', onLeave)
      document.removeEventListener('visibilitychange', onVisibility)
      // Leaving the calendar for another screen: the page stays, so an ordinary call will do.
      flush(false)
    }
  }, [])

  const update = useCallback((patch: Partial<PlannerState>) => {
    setState((prev) => {
      const next = { ...prev, ...patch }
      pending.current = next
      clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        if (pending.current !== next) return
        pending.current = null
        write(next, false)
      }, 250)
      return next
    })
  }, [])

  return [state, update, ready]
}

function write(state: PlannerState, leaving: boolean): void {
  const input: ApiInput<'settings-ui-set'> = { key: KEY, value: JSON.parse(JSON.stringify(state)) }
  if (leaving) sendOnLeave('settings-ui-set', input)
  else void api.call('settings-ui-set', input).catch(() => undefined)
}
