import { z } from 'zod'
import { comment, commentTarget } from '../../domain/comment'
import { primitives as p } from '../../domain/primitives'
import { systemFields } from '../../domain/recordKind'
import { task } from '../../domain/task'
import { taskTemplate } from '../../domain/taskTemplate'
import { crudMethods } from '../crudMethods'

export const commentRecord = comment.fields.extend(systemFields)
const thread = commentRecord.extend({ replies: z.array(commentRecord) })
const body = comment.fields.shape.body

/** A task as screens show it: the record plus its due date (from its item's publish day) and state. */
export const taskView = task.fields.extend(systemFields).extend({
  due: z.string().nullable(),
  overdue: z.boolean(),
  contentTitle: z.string()
})
export type TaskView = z.infer<typeof taskView>

export const notificationKind = z.enum(['assignment', 'mention', 'approval_requested', 'approval_given', 'approval_refused', 'overdue', 'sync_review', 'escalation'])
export type NotificationKind = z.infer<typeof notificationKind>
export const notification = z.object({
  id: z.string(),
  kind: notificationKind,
  at: z.string(),
  title: z.string(),
  text: z.string(),
  recordKind: z.string().nullable(),
  recordId: z.string().nullable(),
  read: z.boolean()
})
export type Notification = z.infer<typeof notification>
const notificationPrefs = z.object({ kinds: z.record(notificationKind, z.boolean()) })
const unread = z.object({ unread: z.number() })
const range = z
  .object({ from: p.date, to: p.date })
  .refine((r) => r.to >= r.from, { path: ['to'], message: 'The end date is before the start date' })

/**
 * Comments and @mentions, workback tasks and the notification inbox (issue #14 items 5–7). Comments
 * have no generic CRUD: the author is always *me* and mentions are resolved by the backend.
 */
export const sharingMethods = {
  'comment-list': {
    input: z.object({ targetKind: commentTarget, targetId: p.id }),
    output: z.object({ threads: z.array(thread), open: z.number(), me: z.string().nullable() }),
    summary: 'Comment threads on one record, oldest first, each with its replies (and who *me* is, to offer edit on my own)'
  },
  'comment-add': {
    input: z.object({ targetKind: commentTarget, targetId: p.id, parentId: p.id.optional(), body }),
    output: commentRecord,
    summary: 'Comment on a record or reply to a thread as me; @Name mentions notify the named members'
  },
  'comment-edit': { input: z.object({ id: p.id, body }), output: commentRecord, summary: 'Change the text of one of my comments' },
  'comment-resolve': {
    input: z.object({ id: p.id, resolved: z.boolean() }),
    output: commentRecord,
    summary: 'Resolve or reopen the thread a comment belongs to'
  },
  'comment-delete': { input: z.object({ id: p.id }), output: z.object({ id: z.string() }), summary: 'Delete one of my comments (a thread opener takes its replies with it)' },
  ...crudMethods(taskTemplate),
  ...crudMethods(task),
  'task-template-apply': {
    input: z.object({ templateId: p.id, contentId: p.id }),
    output: z.object({ created: z.number(), tasks: z.array(taskView) }),
    summary: "Create a template's tasks on a content item (steps it already has are skipped)"
  },
  'task-for-item': { input: z.object({ contentId: p.id }), output: z.object({ tasks: z.array(taskView) }), summary: "A content item's tasks with due dates, earliest first" },
  'task-set-done': { input: z.object({ id: p.id, done: z.boolean() }), output: taskView, summary: 'Tick a task off (its due date stops moving) or open it again' },
  'task-range': { input: range, output: z.object({ tasks: z.array(taskView) }), summary: 'Tasks due in a date range (calendar markers)' },
  'task-summary': {
    input: z.object({ contentIds: z.array(p.id).max(2000) }),
    output: z.object({ counts: z.record(z.string(), z.object({ done: z.number(), total: z.number() })) }),
    summary: 'Done and total tasks per content item (board cards)'
  },
  'task-mine': { input: z.object({}), output: z.object({ tasks: z.array(taskView) }), summary: 'My open tasks, overdue first' },
  'notification-list': {
    input: z.object({ unreadOnly: z.boolean().optional() }),
    output: z.object({ items: z.array(notification), unread: z.number(), memberId: z.string().nullable() }),
    summary: 'My notifications, newest first: assignments, mentions, approvals, overdue work, sync items to review'
  },
  'notification-mark': { input: z.object({ ids: z.array(z.string().max(300)).max(500), read: z.boolean() }), output: unread, summary: 'Mark notifications read or unread' },
  'notification-mark-all': { input: z.object({}), output: unread, summary: 'Mark every notification read' },
  'notification-prefs-get': { input: z.object({}), output: notificationPrefs, summary: 'Which kinds of notification I get on this computer' },
  'notification-prefs-set': { input: z.object({ kinds: z.partialRecord(notificationKind, z.boolean()) }), output: notificationPrefs, summary: 'Choose which kinds of notification I get' }
}
