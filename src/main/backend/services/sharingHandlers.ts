import type { HandlerTable } from '../handlers'
import { currentMember } from '../people/currentMember'
import { commentService } from './commentService'
import { notificationService } from './notificationService'
import { tasksInRange } from './taskQueries'
import { registerTaskRules, taskService } from './taskService'
import { tasksFor } from './tasksFor'

// Task done stamps and the "all tasks done before approval" gate guard every write of their kinds.
registerTaskRules()

/** Comments, workback tasks and notifications (issue #14 items 5–7); spread into handlers.ts. */
export const sharingHandlers: Partial<HandlerTable> = {
  'comment-list': (b, i) => commentService.list(b, i.targetKind, i.targetId),
  'comment-add': (b, i) => commentService.add(b, i),
  'comment-edit': (b, i) => commentService.edit(b, i.id, i.body),
  'comment-resolve': (b, i) => commentService.resolve(b, i.id, i.resolved),
  'comment-delete': (b, i) => commentService.delete(b, i.id),
  'task-template-apply': (b, i) => taskService.apply(b, i.templateId, i.contentId),
  'task-for-item': (b, i) => ({ tasks: taskService.forItem(b, i.contentId) }),
  'task-set-done': (b, i) => taskService.setDone(b, i.id, i.done),
  'task-range': (b, i) => ({ tasks: tasksInRange(b, i.from, i.to) }),
  'task-summary': (b, i) => ({ counts: taskService.summary(b, i.contentIds) }),
  'task-mine': (b) => {
    const me = currentMember(b)
    return { tasks: me ? tasksFor(b, me.id, b.now()) : [] }
  },
  'notification-list': (b, i) => notificationService.list(b, i.unreadOnly === true),
  'notification-mark': (b, i) => notificationService.mark(b, i.ids, i.read),
  'notification-mark-all': (b) => notificationService.markAll(b),
  'notification-prefs-get': (b) => notificationService.prefs(b),
  'notification-prefs-set': (b, i) => notificationService.setPrefs(b, i.kinds)
}
