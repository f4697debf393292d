import type { KeyboardEvent } from 'react'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import type { ViewMode } from './usePlannerState'

/**
 * The calendar's keyboard model, after the WAI-ARIA Authoring Practices grid pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/grid/): the month and week views are one `role="grid"`
 * with a roving tabindex, so the whole grid is one Tab stop and the arrow keys move between cells.
 *
 * Cell mode (a day, or in the week view a day × hour slot, has focus):
 *   ←/→ a day; ↑/↓ a week (month) or an hour row (week); Home/End the first/last day of the row;
 *   Ctrl+Home/End the first/last day of the month (month) or the first/last cell (week);
 *   PageUp/PageDown a month (month; Shift: a year) or a week (week view). N (the screen's key) plans
 *   a new item on the focused day.
 *   Enter or F2 goes into the cell: focus moves to its first item ("interaction mode" in the APG).
 * Item mode (an item inside a cell has focus):
 *   ↑/↓ the previous/next item of the cell, Home/End the first/last; Enter or Space opens it in the
 *   side panel; Alt+←/→ moves it a day and Alt+↑/↓ a week (the same write as a drag, one undo step);
 *   M asks for a date to move it to; Escape closes the side panel if open, else goes back to the cell.
 * Tab always leaves the grid, so there is no trap.
 */
export const ITEM_SELECTOR = '[data-testid="cal-item"], .day-more'

export type GridKeyActions = {
  mode: ViewMode
  focus: string
  /** Week view: the focused row, -1 for "all day", else the hour. */
  row: number
  hours: readonly number[]
  days: readonly string[]
  cursor: string
  moveTo: (date: string, row?: number) => void
  moveItem: (id: string, days: number) => void
  askMove: (id: string) => void
  empty: (date: string) => void
  /** The side panel is open: Escape closes it (the screen's key) before it leaves an item. */
  panelOpen: boolean
}

export function gridKeys(e: KeyboardEvent, a: GridKeyActions): void {
  if (!(e.target instanceof HTMLElement)) return
  const t = e.target
  const cell = t.closest<HTMLElement>('[role="gridcell"]')
  if (cell === null) return
  const chip = t.closest<HTMLElement>(ITEM_SELECTOR)
  if (chip !== null) return itemKeys(e, chip, cell, a)
  if (t === cell) cellKeys(e, cell, a)
}

function itemKeys(e: KeyboardEvent, chip: HTMLElement, cell: HTMLElement, a: GridKeyActions): void {
  const list = [...cell.querySelectorAll<HTMLElement>(ITEM_SELECTOR)]
  const i = list.indexOf(chip)
  const id = chip.dataset.id
  const to = (n: number) => {
    e.preventDefault()
    list[Math.max(0, Math.min(list.length - 1, n))]?.focus()
  }
  if (e.altKey && id !== undefined && e.key.startsWith('Arrow')) {
    e.preventDefault()
    const by = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[e.key]
    if (by !== undefined) a.moveItem(id, by)
    return
  }
  if (e.key === 'ArrowUp') to(i - 1)
  else if (e.key === 'ArrowDown') to(i + 1)
  else if (e.key === 'Home') to(0)
  else if (e.key === 'End') to(list.length - 1)
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') e.preventDefault()
  else if (e.key === 'Escape' && !a.panelOpen) {
    e.preventDefault()
    e.stopPropagation()
    cell.focus()
  } else if ((e.key === 'm' || e.key === 'M') && id !== undefined && !e.ctrlKey && !e.metaKey) {
    e.preventDefault()
    e.stopPropagation()
    a.askMove(id)
  }
}

function cellKeys(e: KeyboardEvent, cell: HTMLElement, a: GridKeyActions): void {
  const { focus, mode } = a
  const go = (date: string, row = a.row) => {
    e.preventDefault()
    a.moveTo(date, row)
  }
  const rowAt = (n: number) => a.hours[Math.max(0, Math.min(a.hours.length - 1, n))] ?? -1
  const rowIndex = a.row === -1 ? -1 : a.hours.indexOf(a.row)
  const idx = a.days.indexOf(focus)
  const weekFirst = a.days[Math.floor(Math.max(0, idx) / 7) * 7] ?? focus
  if (e.altKey) return
  switch (e.key) {
    case 'ArrowLeft':
      return go(calendarDates.addDays(focus, -1))
    case 'ArrowRight':
      return go(calendarDates.addDays(focus, 1))
    case 'ArrowUp':
      return mode === 'week' ? go(focus, rowIndex <= 0 ? -1 : rowAt(rowIndex - 1)) : go(calendarDates.addDays(focus, -7))
    case 'ArrowDown':
      return mode === 'week' ? go(focus, rowAt(rowIndex + 1)) : go(calendarDates.addDays(focus, 7))
    case 'Home':
      if (e.ctrlKey || e.metaKey) return mode === 'week' ? go(a.days[0] ?? focus, -1) : go(`${a.cursor.slice(0, 7)}-01`)
      return go(weekFirst)
    case 'End':
      if (e.ctrlKey || e.metaKey) return mode === 'week' ? go(a.days[6] ?? focus, rowAt(a.hours.length - 1)) : go(calendarDates.addDays(calendarDates.addMonths(a.cursor, 1), -1))
      return go(calendarDates.addDays(weekFirst, 6))
    case 'PageUp':
    case 'PageDown': {
      const sign = e.key === 'PageUp' ? -1 : 1
      return mode === 'week' ? go(calendarDates.addDays(focus, 7 * sign)) : go(sameDayMonthsAway(focus, (e.shiftKey ? 12 : 1) * sign))
    }
    case 'Enter':
    case 'F2': {
      e.preventDefault()
      const first = cell.querySelector<HTMLElement>(ITEM_SELECTOR)
      if (first) first.focus()
      else a.empty(cell.dataset.date ?? focus)
      return
    }
  }
}

/** The same day of the month `n` months away, or that month's last day (31 Jan → 28 Feb), as date pickers do. */
export function sameDayMonthsAway(date: string, n: number): string {
  const first = calendarDates.addMonths(date, n)
  const day = Math.min(Number(date.slice(8, 10)), calendarDates.daysInMonth(first))
  return `${first.slice(0, 8)}${String(day).padStart(2, '0')}`
}
