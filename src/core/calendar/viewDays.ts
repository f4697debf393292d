import { calendarDates } from './calendarDates'

export type ViewMode = 'month' | 'week' | 'agenda'

/** The days a view shows around its cursor: whole weeks of the month, one week, or four weeks ahead. */
export function viewDays(mode: ViewMode, cursor: string, weekStart: number): string[] {
  if (mode === 'week') {
    const s = calendarDates.startOfWeek(cursor, weekStart)
    return Array.from({ length: 7 }, (_, i) => calendarDates.addDays(s, i))
  }
  if (mode === 'agenda') return Array.from({ length: 28 }, (_, i) => calendarDates.addDays(cursor, i))
  return calendarDates.monthGrid(cursor, weekStart)
}

/** The cursor `n` steps (months, weeks or four-week pages) away, as the ‹ and › buttons move it. */
export function stepCursor(mode: ViewMode, cursor: string, n: number): string {
  return mode === 'month' ? calendarDates.addMonths(cursor, n) : calendarDates.addDays(cursor, n * (mode === 'week' ? 7 : 28))
}
