import { calendarDates } from '../calendar/calendarDates'
import { zonedTime } from '../calendar/zonedTime'

export type DatedItem = { plannedDate: string | null; publishAt: string | null; publishZone: string | null }
export type DueTask = { offsetDays: number; done: boolean; doneDueDate: string | null }

/**
 * The day a workback plan counts back from: the publish time's day in the zone it was planned in,
 * else the planned day. Null when the item has no date yet (its tasks have no due date either).
 */
export function publishDay(item: DatedItem): string | null {
  if (item.publishAt !== null && item.publishZone !== null && zonedTime.isZone(item.publishZone)) return zonedTime.toWallClock(item.publishAt, item.publishZone).date
  return item.plannedDate
}

/** A task's due date: frozen once done, otherwise its item's publish day plus its offset. */
export function taskDue(task: DueTask, item: DatedItem): string | null {
  if (task.done && task.doneDueDate !== null) return task.doneDueDate
  const day = publishDay(item)
  return day === null ? null : calendarDates.addDays(day, task.offsetDays)
}
