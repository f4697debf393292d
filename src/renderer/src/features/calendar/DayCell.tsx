import { memo, useEffect, useRef, useState } from 'react'
import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { fullDayLabel } from './dayLabel'
import { ItemChip } from './ItemChip'
import { DayTasks } from '../sharing/TaskMarks'
import { usePlanner } from './plannerContext'
import { useDropTarget } from './useDropTarget'

type Props = { date: string; items: CalendarCell[]; outside: boolean; today: boolean; focused: boolean; max: number; onFocus: (d: string) => void }

/**
 * A day of the month grid: a drop target, click-to-create, and "+N more" beyond what fits. A grid
 * cell with a roving tabindex (see gridKeys.ts); its name comes from its content — the day number
 * people see, the full date for a screen reader, and the items' titles — never an aria-label that
 * would hide the visible "29" from someone speaking it.
 */
export const DayCell = memo(function DayCell({ date, items, outside, today, focused, max, onFocus }: Props) {
  const p = usePlanner()
  const drop = useDropTarget((id) => p.drop(id, date))
  const [all, setAll] = useState(false)
  const cell = useRef<HTMLDivElement>(null)
  const expanded = useRef(false)
  const shown = all ? items : items.slice(0, max)
  // "+N more" pressed from the keyboard goes away: focus moves on to the first item it revealed.
  useEffect(() => {
    if (!all || !expanded.current) return
    expanded.current = false
    cell.current?.querySelectorAll<HTMLElement>('[data-testid="cal-item"]')[max]?.focus()
  }, [all, max])
  return (
    <div
      ref={cell}
      role="gridcell"
      tabIndex={focused ? 0 : -1}
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
        <span className="cal-sr">
          {` ${fullDayLabel(date)}${today ? ', today' : ''}, ${items.length === 0 ? 'nothing planned' : `${items.length} item${items.length === 1 ? '' : 's'}`}`}
        </span>
        {/* A mouse shortcut only (N and Enter do it from the keyboard), so it is not a second control in the cell. */}
        <span className="day-add" aria-hidden="true" title="New item on this day" onClick={(e) => (e.stopPropagation(), p.create(date))}>
          +
        </span>
      </div>
      <div className="day-items">
        {shown.map((it) => (
          <ItemChip key={it.id} item={it} compact tabIndex={-1} />
        ))}
        {items.length > shown.length && (
          <button type="button" className="day-more" tabIndex={-1} onClick={(e) => (e.stopPropagation(), (expanded.current = e.detail === 0), setAll(true))}>
            +{items.length - shown.length} more
          </button>
        )}
      </div>
      <DayTasks date={date} />
    </div>
  )
})
