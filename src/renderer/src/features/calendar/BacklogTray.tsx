import type { CalendarFilter } from '../../../../core/calendar/calendarFilter'
import { useQuery } from '../../api/useQuery'
import { ItemChip } from './ItemChip'
import { usePlanner } from './plannerContext'
import { useDropTarget } from './useDropTarget'

/** Ideas and drafts without a date. Drag one onto a day to plan it; drag a dated one here to unplan it. */
export function BacklogTray({ filter }: { filter: CalendarFilter }) {
  const p = usePlanner()
  const { data } = useQuery('calendar-backlog', { filter })
  const drop = useDropTarget((id) => p.drop(id, null))
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
      <p className="subtle small">Unplanned ideas and drafts. Drag onto a day to plan.</p>
      <div className="backlog-items">
        {(data?.items ?? []).map((it) => (
          <ItemChip key={it.id} item={it} />
        ))}
      </div>
    </aside>
  )
}
