import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'

/**
 * Undo/redo for the calendar and board (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y). The stack lives in the
 * backend session, so a reload of the window keeps it; typing in a field keeps the field's own undo.
 */
export type History = { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean; next: string | undefined; running: 'undo' | 'redo' | null; refetch: () => void }

export function useHistory(onMessage: (text: string, tone: 'ok' | 'error') => void): History {
  const state = useQuery('history-state', {})
  const [running, setRunning] = useState<'undo' | 'redo' | null>(null)
  const run = useCallback(
    async (which: 'undo' | 'redo') => {
      if (running !== null) return
      setRunning(which)
      try {
        const r = await api.call(which === 'undo' ? 'history-undo' : 'history-redo', {})
        onMessage(`${which === 'undo' ? 'Undid' : 'Redid'} ${r.label}`, 'ok')
      } catch (e) {
        onMessage(e instanceof ApiError ? e.message : String(e), 'error')
      } finally {
        setRunning(null)
        state.refetch()
      }
    },
    [running, onMessage, state]
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return
      if (!(e.ctrlKey || e.metaKey)) return
      const k = e.key.toLowerCase()
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault()
        void run('undo')
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault()
        void run('redo')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [run])

  return { undo: () => void run('undo'), redo: () => void run('redo'), canUndo: (state.data?.undo.length ?? 0) > 0, canRedo: (state.data?.redo.length ?? 0) > 0, next: state.data?.undo[0]?.label, running, refetch: state.refetch }
}
