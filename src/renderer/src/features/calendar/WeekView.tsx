import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { zonedTime } from '../../../../core/calendar/zonedTime'
import { ItemChip } from './ItemChip'
import { useLasso } from './useLasso'
import { usePlanner } from './plannerContext'
import { useDropTarget } from './useDropTarget'

type Props = { days: string[]; byDay: ReadonlyMap<string, CalendarCell[]>; today: string; focus: string; onFocus: (d: string) => void; weekdayNames: string[] }

const HOURS = Array.from({ length: 17 }, (_, i) => i + 6)

function Slot({ date, hour, items }: { date: string; hour: number | null; items: CalendarCell[] }) {
  const p = usePlanner()
  const time = hour === null ? undefined : `${String(hour).padStart(2, '0')}:00`
  const drop = useDropTarget((id) => p.drop(id, date, time))
  return (
    <div
      className={`slot${hour === null ? ' slot-allday' : ''}${drop.over ? ' day-over' : ''}`}
      data-testid={hour === null ? 'cal-day' : 'cal-slot'}
      data-date={date}
      data-time={time}
      onDoubleClick={() => p.create(date)}
      {...drop.handlers}
    >
      {items.map((it) => (
        <ItemChip key={it.id} item={it} compact={hour !== null} />
      ))}
    </div>
  )
}

/**
 * A week: an all-day row for items with only a date, and hour rows (in the viewer's zone) for items
 * with a publish time. Dropping on an hour sets the publish time; on the all-day row moves the day.
 */
export function WeekView({ days, byDay, today, focus, onFocus, weekdayNames }: Props) {
  const p = usePlanner()
  const { box, rect, onPointerDown, onPointerMove, onPointerUp, onPointerCancel } = useLasso(p.selectMany)
  const hourOf = (it: CalendarCell) => (it.publishAt ? Number(zonedTime.toWallClock(it.publishAt, p.zone).time.slice(0, 2)) : null)
  const clampHour = (h: number) => Math.min(22, Math.max(6, h))
  return (
    // Drag a rectangle over empty space to select several items (then move, reassign or re-status them as one step).
    <div className={`week${rect ? ' week-lassoing' : ''}`} role="grid" aria-label="Week" data-testid="cal-week" ref={box}
      onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerCancel}>
      {rect && <div className="lasso" data-testid="lasso" style={rect} aria-hidden="true" />}
      <div className="week-grid">
        <span />
        {days.map((d, i) => (
          <button type="button" key={d} className={`week-day-head${d === today ? ' day-today' : ''}${d === focus ? ' day-focused' : ''}`} onClick={() => onFocus(d)} tabIndex={d === focus ? 0 : -1} data-date={d}>
            {weekdayNames[i]} <strong>{Number(d.slice(8, 10))}</strong>
          </button>
        ))}
        <span className="hour-label">all day</span>
        {days.map((d) => (
          <Slot key={d} date={d} hour={null} items={(byDay.get(d) ?? []).filter((it) => hourOf(it) === null)} />
        ))}
        {HOURS.map((h) => (
          <div className="hour-row" key={h} style={{ display: 'contents' }}>
            <span className="hour-label">{String(h).padStart(2, '0')}:00</span>
            {days.map((d) => (
              <Slot key={d} date={d} hour={h} items={(byDay.get(d) ?? []).filter((it) => { const x = hourOf(it); return x !== null && clampHour(x) === h })} />
            ))}
          </div>
        ))}
      </div>
    </div>
  )
}
