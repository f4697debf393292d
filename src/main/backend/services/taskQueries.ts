import type { TaskView } from '../../../core/api/methods/sharingMethods'
import { calendarDates } from '../../../core/calendar/calendarDates'
import type { Task } from '../../../core/domain/task'
import { taskDue } from '../../../core/sharing/taskDue'
import type { Backend } from '../backend'
import { sql, type Sql } from '../db/sql'
import type { Row } from '../db/db'
import { recordCodec } from '../repo/recordCodec'
import { localDay } from '../localDay'

type Joined = Row & { c_title: string; c_planned: string | null; c_publish: string | null; c_zone: string | null }

export const today = (b: Backend): string => localDay(b.now())

/** Tasks of live items matching `where` (on `t` = task, `c` = content_item), with their due dates. */
export function taskViews(b: Backend, where: Sql, now = today(b)): TaskView[] {
  const codec = recordCodec('task')
  const rows = b.db.all<Joined>(
    sql`SELECT t.*, c.title AS c_title, c.planned_date AS c_planned, c.publish_at AS c_publish, c.publish_zone AS c_zone
        FROM task t JOIN content_item c ON c.id = t.content_id
        WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL AND ${where}`
  )
  return rows.map((r) => {
    const t = codec.fromRow(r) as Task & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
    const due = taskDue(t, { plannedDate: r.c_planned, publishAt: r.c_publish, publishZone: r.c_zone })
    return { ...t, due, overdue: !t.done && due !== null && due < now, contentTitle: r.c_title }
  })
}

/** Earliest due first; undated tasks last; ties by creation so a template keeps its step order. */
export function byDue(a: TaskView, b: TaskView): number {
  return (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
}

/**
 * Tasks due in [from, to]. An open task is due at most a year before its item's publish day, so only
 * items dated up to a year (and a day, for zones) after the range can have one inside it.
 */
export function tasksInRange(b: Backend, from: string, to: string): TaskView[] {
  const lo = calendarDates.addDays(from, -1)
  const hi = calendarDates.addDays(to, 367)
  const day = sql`coalesce(c.planned_date, substr(c.publish_at, 1, 10))`
  const views = taskViews(b, sql`((t.done = 0 AND ${day} BETWEEN ${lo} AND ${hi}) OR (t.done = 1 AND t.done_due_date BETWEEN ${from} AND ${to}))`)
  return views.filter((t) => t.due !== null && t.due >= from && t.due <= to).sort(byDue)
}

/**
 * Open task hours per assignee per week: workback tasks are work too, so the capacity view counts
 * them on the week they are due, beside the owners' content effort.
 */
export function taskHoursByWeek(b: Backend, from: string, to: string, weeks: readonly string[], weekStart: number): Map<string, number[]> {
  const index = new Map(weeks.map((w, i) => [w, i]))
  const out = new Map<string, number[]>()
  for (const t of tasksInRange(b, from, to)) {
    if (t.done || t.assigneeId === null || t.due === null || t.hours <= 0) continue
    const i = index.get(calendarDates.startOfWeek(t.due, weekStart))
    if (i === undefined) continue
    const row = out.get(t.assigneeId) ?? weeks.map(() => 0)
    row[i] = (row[i] ?? 0) + t.hours
    out.set(t.assigneeId, row)
  }
  return out
}
