import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/**
 * A workback task on a content item. Its due date is not stored while it is open: it is always the
 * item's publish date plus `offsetDays` (core/sharing/taskDue.ts), so a task moves with its item on
 * every path that moves the item (drag, bulk move, import, undo, a teammate's sync) without a
 * second write that could conflict. When it is done the due date is frozen in `doneDueDate`.
 */
export const task = recordKind({
  kind: 'task',
  table: 'task',
  label: 'Task',
  plural: 'Tasks',
  fields: z.object({
    contentId: p.id,
    templateId: p.ref,
    /** The template step it came from ('' for a task added by hand). */
    stepKey: p.text(40),
    title: p.name(120),
    offsetDays: z.number({ error: 'Must be a whole number of days' }).int('Must be a whole number of days').min(-365).max(0, 'A task is due on or before the publish date'),
    hours: p.nonNegative(200),
    assigneeId: p.ref,
    assigneeRole: p.text(80),
    gatesApproval: z.boolean(),
    done: z.boolean(),
    doneAt: p.instant.nullable(),
    doneById: p.ref,
    doneDueDate: p.date.nullable()
  }),
  defaults: { templateId: null, stepKey: '', offsetDays: 0, hours: 0, assigneeId: null, assigneeRole: '', gatesApproval: true, done: false, doneAt: null, doneById: null, doneDueDate: null },
  required: ['contentId', 'title'],
  refs: { contentId: 'content', templateId: 'taskTemplate', assigneeId: 'member', doneById: 'member' },
  search: ['title', 'assigneeRole'],
  title: 'title'
})

export type Task = z.infer<typeof task.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
