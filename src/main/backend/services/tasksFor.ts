import type { TaskView } from '../../../core/api/methods/sharingMethods'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { byDue, taskViews } from './taskQueries'
import { localDay } from '../localDay'

/**
 * A member's open tasks with due dates, overdue ones first, then by due date (My work and
 * `task-mine`). `now` is the instant "overdue" is measured against.
 */
export function tasksFor(b: Backend, memberId: string, now: number): TaskView[] {
  const day = localDay(now)
  const tasks = taskViews(b, sql`t.assignee_id = ${memberId} AND t.done = 0`, day)
  return tasks.sort((x, y) => Number(y.overdue) - Number(x.overdue) || byDue(x, y))
}
