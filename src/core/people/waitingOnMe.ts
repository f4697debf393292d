import type { Mine } from '../api/methods/peopleMethods'

/**
 * How many things wait on *me*: the number beside My work in the navigation, in the browser tab's
 * title and on the desktop app's dock or taskbar badge (issue #17) — one count, so they never disagree.
 */
export function waitingOnMe(m: Pick<Mine, 'overdue' | 'dueThisWeek' | 'approvals' | 'tasks' | 'conversations' | 'mentions'>): number {
  return m.overdue.length + m.dueThisWeek.length + m.approvals.length + m.tasks.length + m.conversations.length + m.mentions.length
}

/** The window or tab title: "(3) SMO Desk — Priya Shah", the count only when something waits. */
export function windowTitle(name: string | undefined, waiting: number): string {
  return `${waiting > 0 ? `(${waiting}) ` : ''}${name ? `SMO Desk — ${name}` : 'SMO Desk'}`
}
