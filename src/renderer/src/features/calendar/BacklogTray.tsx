import { useState } from 'react'
import type { CalendarFilter } from '../../../../core/calendar/calendarFilter'
import { useQuery } from '../../api/useQuery'
import { ItemChip } from './ItemChip'
import { DRAG_TYPE, usePlanner } from './plannerContext'

/** Ideas and drafts without a date. Drag one onto a day to plan it; drag a dated one here to unplan it. */
export function BacklogTray({ filter }: { filter: CalendarFilter }) {
  const p = usePlanner()
  const { data } = useQuery('calendar-backlog', { filter })
  const [over, setOver] = useState(false)
  return (
    <aside
      className={`backlog${over ? ' day-over' : ''}`}
      aria-label="Backlog"
      data-testid="backlog"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false)
        const id = e.dataTransfer.getData(DRAG_TYPE)
        if (!id) return
        e.preventDefault()
        p.drop(id, null)
      }}
    >
      <h2>
        Backlog <span className="count">{data?.total ?? '…'}</span>
      </h2>
      <p className="subtle small">Unplanned ideas and drafts. Drag onto a day to plan.</p>
      <div className="backlog-items">
        {(data?.items ?? []).map((it) => (
          <ItemChip key={it.id} item={it} />
        ))}
      </div>
    </aside>
  )
}
