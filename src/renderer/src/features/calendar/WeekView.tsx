import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { zonedTime } from '../../../../core/calendar/zonedTime'
import { fullDayLabel } from './dayLabel'
import { ItemChip } from './ItemChip'
import { useLasso } from './useLasso'
import { usePlanner } from './plannerContext'
import { useDropTarget } from './useDropTarget'

type Props = { describedBy: string; days: string[]; byDay: ReadonlyMap<string, CalendarCell[]>; today: string; focus: string; row: number; onFocus: (d: string, row: number) => void; weekdayNames: string[] }

/** The hour rows of the week view (the viewer's zone); earlier and later items sit in the first and last. */
export const WEEK_HOURS: readonly number[] = Array.from({ length: 17 }, (_, i) => i + 6)

type SlotProps = { date: string; hour: number | null; items: CalendarCell[]; focused: boolean; onFocus: (d: string, row: number) => void }

/** One cell of the week grid: a day's all-day row or one of its hours (roving tabindex, see gridKeys.ts). */
function Slot({ date, hour, items, focused, onFocus }: SlotProps) {
  const p = usePlanner()
  const time = hour === null ? undefined : `${String(hour).padStart(2, '0')}:00`
  const drop = useDropTarget((id) => p.drop(id, date, time))
  return (
    <div
      role="gridcell"
      tabIndex={focused ? 0 : -1}
      className={`slot${hour === null ? ' slot-allday' : ''}${drop.over ? ' day-over' : ''}`}
      data-testid={hour === null ? 'cal-day' : 'cal-slot'}
      data-date={date}
      data-time={time}
      onFocus={(e) => e.target === e.currentTarget && onFocus(date, hour ?? -1)}
      onDoubleClick={() => p.create(date)}
      {...drop.handlers}
    >
      {items.map((it) => (
        <ItemChip key={it.id} item={it} compact={hour !== null} tabIndex={-1} />
      ))}
    </div>
  )
}

/**
 * A week: an all-day row for items with only a date, and hour rows (in the viewer's zone) for items
 * with a publish time. Dropping on an hour sets the publish time; on the all-day row moves the day.
 */
export function WeekView({ describedBy, days, byDay, today, focus, row, onFocus, weekdayNames }: Props) {
  const p = usePlanner()
  const { box, rect, onPointerDown, onPointerMove, onPointerUp, onPointerCancel } = useLasso(p.selectMany)
  const hourOf = (it: CalendarCell) => (it.publishAt ? Number(zonedTime.toWallClock(it.publishAt, p.zone).time.slice(0, 2)) : null)
  const clampHour = (h: number) => Math.min(22, Math.max(6, h))
  return (
    // Drag a rectangle over empty space to select several items (then move, reassign or re-status them as one step).
    <div className={`week${rect ? ' week-lassoing' : ''}`} role="grid" aria-label={`Week of ${fullDayLabel(days[0] ?? today)}`} aria-describedby={describedBy} data-testid="cal-week" ref={box}
      onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerCancel}>
      {rect && <div className="lasso" data-testid="lasso" style={rect} aria-hidden="true" />}
      <div className="week-grid">
        {/* Rows are `display: contents`, so the cells still sit on the one CSS grid of the week. */}
        <div role="row" className="week-grid-row">
          <span />
          {days.map((d, i) => (
            <span role="columnheader" key={d} className={`week-day-head${d === today ? ' day-today' : ''}${d === focus ? ' day-focused' : ''}`} data-date={d}>
              {weekdayNames[i]} <strong>{Number(d.slice(8, 10))}</strong>
            </span>
          ))}
        </div>
        <div role="row" className="week-grid-row">
          <span role="rowheader" className="hour-label">all day</span>
          {days.map((d) => (
            <Slot key={d} date={d} hour={null} focused={d === focus && row === -1} onFocus={onFocus} items={(byDay.get(d) ?? []).filter((it) => hourOf(it) === null)} />
          ))}
        </div>
        {WEEK_HOURS.map((h) => (
          <div role="row" className="week-grid-row" key={h}>
            <span role="rowheader" className="hour-label">{String(h).padStart(2, '0')}:00</span>
            {days.map((d) => (
              <Slot key={d} date={d} hour={h} focused={d === focus && row === h} onFocus={onFocus} items={(byDay.get(d) ?? []).filter((it) => { const x = hourOf(it); return x !== null && clampHour(x) === h })} />
            ))}
          </div>
        ))}
      </div>
    </div>
  )
}
