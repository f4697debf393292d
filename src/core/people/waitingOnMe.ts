import type { Mine } from '../api/methods/peopleMethods'

type Counted = Pick<Mine, 'overdue' | 'dueThisWeek' | 'approvals' | 'tasks' | 'conversations' | 'mentions' | 'influencers' | 'weekEnd'>

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * What waits on *me*, part by part: every section of My work, and of its influencer next actions those
 * dated up to the week's end (one planned for next month is not waiting yet; one dated last week is).
 */
export function waitingParts(m: Counted): { n: number; label: string }[] {
  const influencers = m.influencers.filter((r) => r.nextActionDate !== null && r.nextActionDate <= m.weekEnd).length
  return [
    { n: m.overdue.length, label: `${m.overdue.length} overdue` },
    { n: m.dueThisWeek.length, label: `${m.dueThisWeek.length} due this week` },
    { n: m.approvals.length, label: plural(m.approvals.length, 'approval', 'approvals') },
    { n: m.tasks.length, label: plural(m.tasks.length, 'task', 'tasks') },
    { n: m.conversations.length, label: plural(m.conversations.length, 'conversation', 'conversations') },
    { n: m.mentions.length, label: plural(m.mentions.length, 'mention', 'mentions') },
    { n: influencers, label: plural(influencers, 'influencer action', 'influencer actions') }
  ].filter((p) => p.n > 0)
}

/**
 * How many things wait on *me*: the number beside My work in the navigation, in the browser tab's
 * title and on the desktop app's dock or taskbar badge (issue #17) — one count, so they never disagree.
 */
export function waitingOnMe(m: Counted): number {
  return waitingParts(m).reduce((s, p) => s + p.n, 0)
}

/** The window or tab title: "(3) SMO Desk — Priya Shah", the count only when something waits. */
export function windowTitle(name: string | undefined, waiting: number): string {
  return `${waiting > 0 ? `(${waiting}) ` : ''}${name ? `SMO Desk — ${name}` : 'SMO Desk'}`
}
