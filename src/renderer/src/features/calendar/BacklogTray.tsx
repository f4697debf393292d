import { useDeferredValue, useState, type KeyboardEvent } from 'react'
import type { CalendarFilter } from '../../../../core/calendar/calendarFilter'
import { useQuery } from '../../api/useQuery'
import { ItemChip } from './ItemChip'
import { usePlanner } from './plannerContext'
import { useDropTarget } from './useDropTarget'

/**
 * Ideas and drafts without a date. Drag one onto a day to plan it; drag a dated one here to unplan it.
 * From the keyboard the list is one Tab stop: ↑/↓, Home/End move, Enter opens, M plans it on a date.
 */
const noItems: never[] = []

export function BacklogTray({ filter }: { filter: CalendarFilter }) {
  const p = usePlanner()
  const { data } = useQuery('calendar-backlog', { filter })
  const drop = useDropTarget((id) => p.drop(id, null))
  const [active, setActive] = useState<string | null>(null)
  // Drawn after the month: its ~160 chips (on the demo) drawn in the same pass held the month's own
  // first paint by ~60 ms (issue #17). A deferred value lets React paint the days first and fill the
  // tray in the next, interruptible pass; the count above says how many are coming. Empty at first
  // even when the data is already here (the browser host's boot answers), for the same reason.
  const items = useDeferredValue(data?.items ?? noItems, noItems)
  const current = items.some((i) => i.id === active) ? active : (items[0]?.id ?? null)
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLElement)) return
    const id = e.target.dataset.id
    const i = items.findIndex((it) => it.id === id)
    if (id === undefined || i < 0) return
    const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key]
    if ((e.key === 'm' || e.key === 'M') && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      e.stopPropagation()
      return p.askMove(id)
    }
    if (next === undefined) return
    e.preventDefault()
    e.stopPropagation()
    const to = items[Math.max(0, Math.min(items.length - 1, next))]
    if (to === undefined) return
    setActive(to.id)
    e.currentTarget.querySelector<HTMLElement>(`[data-id="${to.id}"]`)?.focus()
  }
  return (
    <aside
      className={`backlog${drop.over ? ' day-over' : ''}`}
      aria-label="Backlog"
      data-testid="backlog"
      {...drop.handlers}
    >
      <h2>
        Backlog <span className="count">{data?.total ?? '…'}</span>
      </h2>
      <p className="subtle small">Unplanned ideas and drafts. Drag onto a day to plan, or press M on one.</p>
      <div className="backlog-items" onKeyDown={onKey} onFocus={(e) => { const id = (e.target as HTMLElement).dataset.id; if (id !== undefined) setActive(id) }}>
        {items.map((it) => (
          <ItemChip key={it.id} item={it} tabIndex={it.id === current ? 0 : -1} />
        ))}
      </div>
    </aside>
  )
}
