import { memo, useState } from 'react'
import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { ItemChip } from './ItemChip'
import { DayTasks } from '../sharing/TaskMarks'
import { usePlanner } from './plannerContext'
import { useDropTarget } from './useDropTarget'

type Props = { date: string; items: CalendarCell[]; outside: boolean; today: boolean; focused: boolean; max: number; onFocus: (d: string) => void }

/** A day of the month grid: a drop target, click-to-create, and "+N more" beyond what fits. */
export const DayCell = memo(function DayCell({ date, items, outside, today, focused, max, onFocus }: Props) {
  const p = usePlanner()
  const drop = useDropTarget((id) => p.drop(id, date))
  const [all, setAll] = useState(false)
  const shown = all ? items : items.slice(0, max)
  return (
    <div
      role="gridcell"
      tabIndex={focused ? 0 : -1}
      aria-label={`${date}, ${items.length} item${items.length === 1 ? '' : 's'}`}
      aria-selected={focused}
      data-date={date}
      data-testid="cal-day"
      className={`day${outside ? ' day-outside' : ''}${today ? ' day-today' : ''}${drop.over ? ' day-over' : ''}${focused ? ' day-focused' : ''}`}
      // Only the cell's own focus moves the keyboard cursor; a chip taking focus on mousedown must not
      // re-render the grid under a starting drag.
      onFocus={(e) => e.target === e.currentTarget && onFocus(date)}
      onClick={(e) => e.target === e.currentTarget && onFocus(date)}
      onDoubleClick={() => p.create(date)}
      {...drop.handlers}
    >
      <div className="day-head">
        <span className="day-num">{Number(date.slice(8, 10))}</span>
        <button type="button" className="day-add" aria-label={`New item on ${date}`} tabIndex={-1} onClick={(e) => (e.stopPropagation(), p.create(date))}>
          +
        </button>
      </div>
      <div className="day-items">
        {shown.map((it) => (
          <ItemChip key={it.id} item={it} compact />
        ))}
        {items.length > shown.length && (
          <button type="button" className="day-more" onClick={(e) => (e.stopPropagation(), setAll(true))}>
            +{items.length - shown.length} more
          </button>
        )}
      </div>
      <DayTasks date={date} />
    </div>
  )
})

