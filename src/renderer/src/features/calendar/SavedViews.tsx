import { useRef, useState } from 'react'
import type { CalendarFilter } from '../../../../core/calendar/calendarFilter'
import { api } from '../../api/client'
import { useRecords } from '../../api/useRecords'

type Props = { onOpen: (f: CalendarFilter) => void; onError?: (message: string) => void }

/**
 * The saved views menu: open a view, or delete it (× then "Delete", so one stray click never loses
 * a view). A disclosure rather than a <select> because each row carries two actions.
 */
export function SavedViews({ onOpen, onError }: Props) {
  const views = useRecords('savedView')
  const [confirm, setConfirm] = useState<string | null>(null)
  const menu = useRef<HTMLDetailsElement>(null)
  const mine = views.data?.items ?? []
  const close = () => {
    if (menu.current) menu.current.open = false
    setConfirm(null)
  }
  const remove = async (id: string) => {
    try {
      await api.records('savedView').delete(id)
      setConfirm(null)
    } catch (e) {
      onError?.(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <details ref={menu} className="filter-menu saved-views" data-testid="saved-views" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), close())}>
      <summary className="btn btn-sm">Saved views{mine.length > 0 && <span className="filter-count">{mine.length}</span>}</summary>
      <div className="filter-pop saved-pop" role="group" aria-label="Saved views">
        {mine.length === 0 && <p className="subtle small">No saved views yet: set a filter, then "Save view".</p>}
        <ul>
          {mine.map((v) => (
            <li key={v.id} data-testid="saved-view" data-name={v.name}>
              {confirm === v.id ? (
                <>
                  <span className="saved-name">Delete "{v.name}"?</span>
                  <button type="button" className="btn btn-sm btn-danger" autoFocus onClick={() => void remove(v.id)} data-testid="saved-view-confirm">Delete</button>
                  <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirm(null)}>Keep</button>
                </>
              ) : (
                <>
                  <button type="button" className="saved-open" onClick={() => (onOpen(v.filter), close())} data-testid="saved-view-open">{v.name}</button>
                  <button type="button" className="saved-del" aria-label={`Delete view "${v.name}"`} title="Delete this view" onClick={() => setConfirm(v.id)} data-testid="saved-view-delete">×</button>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
    </details>
  )
}
