import { ApiError } from '../../../core/api/apiError'
import type { TaskView } from '../../../core/api/methods/sharingMethods'
import { entersApproval } from '../../../core/calendar/approval'
import { recordKinds } from '../../../core/domain/recordKinds'
import type { TaskTemplate } from '../../../core/domain/taskTemplate'
import { taskDue } from '../../../core/sharing/taskDue'
import { tasksFromTemplate, type RoleMember } from '../../../core/sharing/tasksFromTemplate'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { currentMember } from '../people/currentMember'
import { recordRepo } from '../repo/recordRepo'
import { calendarPolicy } from './calendarPolicy'
import { registerKindRule, type KindRule } from './kindRules'
import { fieldsOf, recordService, validateRecord } from './recordService'
import { byDue, taskViews } from './taskQueries'

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/**
 * Ticking a task off stamps when, by whom, and the due date it had then; from that moment the task
 * no longer moves with its item. Opening it again clears all three, so it follows the item again.
 */
export const taskDoneRule: KindRule = (b, before, after) => {
  const wasDone = before !== null && before.done === true
  if (after.done === wasDone) return { issues: [] }
  if (after.done !== true) return { issues: [], extra: { doneAt: null, doneById: null, doneDueDate: null } }
  const item = recordRepo.get(b.db, 'content', String(after.contentId))
  const due = item ? taskDue({ offsetDays: Number(after.offsetDays), done: false, doneDueDate: null }, { plannedDate: str(item.plannedDate), publishAt: str(item.publishAt), publishZone: str(item.publishZone) }) : null
  const at = new Date(b.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return { issues: [], extra: { doneAt: at, doneById: currentMember(b)?.id ?? null, doneDueDate: due } }
}

/**
 * The workspace policy can require an item's workback tasks done before it is approved. Steps that
 * do not gate (the approval step itself) are left out; the refusal lists what is still open.
 */
export const tasksDoneGate: KindRule = (b, before, after) => {
  if (before === null || !entersApproval(String(before.status), String(after.status))) return { issues: [] }
  if (!calendarPolicy(b).requireTasksDone) return { issues: [] }
  const open = b.db.all<{ title: string }>(
    sql`SELECT title FROM task WHERE content_id = ${String(before.id)} AND deleted_at IS NULL AND done = 0 AND gates_approval = 1 ORDER BY offset_days, created_at, id`
  )
  if (open.length === 0) return { issues: [] }
  const names = open.slice(0, 20).map((t) => t.title).join('; ')
  const more = open.length > 20 ? ` and ${open.length - 20} more` : ''
  return { issues: [{ path: ['status'], message: `${open.length} task${open.length === 1 ? ' is' : 's are'} not done yet (the policy needs every task done before approval): ${names}${more}` }] }
}

let registered = false
export function registerTaskRules(): void {
  if (registered) return
  registered = true
  registerKindRule('task', taskDoneRule)
  registerKindRule('content', tasksDoneGate)
}

function viewOf(b: Backend, id: string): TaskView {
  const v = taskViews(b, sql`t.id = ${id}`)[0]
  if (!v) throw new ApiError('not_found', `No task with id ${id}`, [{ path: ['id'], message: 'Not found' }])
  return v
}

/** Workback tasks: apply a template to an item, tick tasks off, read them with due dates. */
export const taskService = {
  forItem(b: Backend, contentId: string): TaskView[] {
    return taskViews(b, sql`t.content_id = ${contentId}`).sort(byDue)
  },

  setDone(b: Backend, id: string, done: boolean): TaskView {
    recordService.update(b, 'task', { id, done })
    return viewOf(b, id)
  },

  apply(b: Backend, templateId: string, contentId: string): { created: number; tasks: TaskView[] } {
    const template = recordService.get(b, 'taskTemplate', templateId) as TaskTemplate
    const item = recordService.get(b, 'content', contentId)
    const members = b.db
      .all<{ id: string; name: string; role: string; access: string; active: number }>(sql`SELECT id, name, role, access, active FROM member WHERE deleted_at IS NULL`)
      .map((m): RoleMember => ({ ...m, active: m.active === 1 }))
    const existing = b.db.all<{ templateId: string | null; stepKey: string }>(
      sql`SELECT template_id AS templateId, step_key AS stepKey FROM task WHERE content_id = ${contentId} AND deleted_at IS NULL`
    )
    const fresh = tasksFromTemplate(template, { id: contentId, ownerId: typeof item.ownerId === 'string' ? item.ownerId : null }, members, existing)
    // All or nothing: every task is checked before one is written, and a refusal names the step.
    const creates = fresh.map((t) => {
      const { value, issues } = validateRecord(b, 'task', null, { ...recordKinds.task.defaults, ...t })
      if (issues.length) throw new ApiError('invalid_input', `Step "${t.title}" of "${template.name}" cannot become a task: ${issues[0]?.message ?? 'invalid'}`, issues)
      return { op: 'create' as const, kind: 'task' as const, id: b.newId(), values: fieldsOf('task', value) }
    })
    if (creates.length > 0) b.mutate(`apply "${template.name}"`, creates)
    return { created: creates.length, tasks: taskService.forItem(b, contentId) }
  },

  summary(b: Backend, contentIds: readonly string[]): Record<string, { done: number; total: number }> {
    if (contentIds.length === 0) return {}
    const rows = b.db.all<{ id: string; done: number; total: number }>(
      sql`SELECT content_id AS id, sum(done) AS done, count(*) AS total FROM task WHERE deleted_at IS NULL AND content_id IN (${sql.join(contentIds.map((id) => sql`${id}`))}) GROUP BY content_id`
    )
    return Object.fromEntries(rows.map((r) => [r.id, { done: r.done, total: r.total }]))
  }
}
