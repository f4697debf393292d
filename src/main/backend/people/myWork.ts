import { ApiError } from '../../../core/api/apiError'
import type { ApiOutput } from '../../../core/api/contract'
import type { CalendarItem } from '../../../core/api/methods/calendarMethods'
import { calendarDates } from '../../../core/calendar/calendarDates'
import { atLeast, type Acting } from '../../../core/people/access'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { COLS, toItem, type ItemRow } from '../services/calendarQueries'
import { currentMember } from './currentMember'
import { mentionsFor } from '../services/mentionsFor'
import { tasksFor } from '../services/tasksFor'
import { myConversations } from '../services/deskMine'
import { localDay } from '../localDay'

type Mine = ApiOutput<'mine-get'>
export type MineContext = { me: Acting; today: string; weekEnd: string }
type SectionKey = Exclude<keyof Mine, 'me' | 'today' | 'weekEnd'>
/** One section of My work: reads its records for "me". Other areas add theirs with `registerMineSection`. */
export type MineSection<K extends SectionKey = SectionKey> = { key: K; read: (b: Backend, ctx: MineContext) => Mine[K] }
/** Any one section, its key and its records' type kept together. */
type AnySection = { [K in SectionKey]: MineSection<K> }[SectionKey]

/** Each section shows at most this many records (the most urgent first); a longer list is a different screen. */
const CAP = 200

const items = (b: Backend, where: ReturnType<typeof sql>, order: ReturnType<typeof sql>) =>
  b.db.all<ItemRow>(sql`SELECT ${COLS} FROM content_item WHERE ${where} ORDER BY ${order} LIMIT ${CAP}`).map(toItem)

// "Due" is the internal deadline, or the planned date for an item without one. Each query starts from
// the owner index (content_owner_planned), so a 100k-item workspace reads only my items.
const due = sql`coalesce(due_date, planned_date)`

// Overdue and due this week are one read of my open items up to the week's end, split here: half the
// work of two queries over the same owner's rows.
const openByCall = new WeakMap<MineContext, CalendarItem[]>()
/**
 * My open items due up to `weekEnd`. The WHERE repeats the partial index content_owner_open_due
 * (m016) word for word, so the read is a range over my open items, not over all I ever owned.
 */
export function myOpenItemsQuery(memberId: string, weekEnd: string): ReturnType<typeof sql> {
  return sql`SELECT ${COLS} FROM content_item WHERE owner_id = ${memberId} AND status IN ('idea', 'draft', 'in_review', 'approved', 'scheduled') AND deleted_at IS NULL AND ${due} <= ${weekEnd} ORDER BY ${due}, id`
}
function myOpen(b: Backend, c: MineContext): CalendarItem[] {
  let hit = openByCall.get(c)
  if (!hit) {
    hit = b.db
      .all<ItemRow>(myOpenItemsQuery(c.me.id, c.weekEnd))
      .map(toItem)
    openByCall.set(c, hit)
  }
  return hit
}
const dueOf = (i: CalendarItem) => i.dueDate ?? i.plannedDate ?? ''

const sections: AnySection[] = [
  { key: 'dueThisWeek', read: (b, c) => myOpen(b, c).filter((i) => dueOf(i) >= c.today).slice(0, CAP) },
  { key: 'overdue', read: (b, c) => myOpen(b, c).filter((i) => dueOf(i) < c.today).slice(0, CAP) },
  {
    key: 'approvals',
    // Waiting on me: in review, not mine (the four-eyes rule), and either asked of me or of no one yet.
    read: (b, c) =>
      atLeast(c.me.access, 'approver')
        ? items(b, sql`status = 'in_review' AND deleted_at IS NULL AND (owner_id IS NULL OR owner_id <> ${c.me.id}) AND (approver_id IS NULL OR approver_id = ${c.me.id})`, sql`coalesce(${due}, '9999'), id`)
        : []
  },
  { key: 'conversations', read: (b, c) => myConversations(b, c.me.id, CAP) },
  {
    key: 'influencers',
    read: (b, c) =>
      b.db.all<{ id: string; name: string; stage: string; next_action: string; next_action_date: string | null }>(
        sql`SELECT id, name, stage, next_action, next_action_date FROM influencer WHERE owner_id = ${c.me.id} AND deleted_at IS NULL AND (next_action <> '' OR next_action_date IS NOT NULL) ORDER BY coalesce(next_action_date, '9999'), name LIMIT ${CAP}`
      ).map((r) => ({ id: r.id, name: r.name, stage: r.stage, nextAction: r.next_action, nextActionDate: r.next_action_date }))
  },
  // My open workback tasks (overdue first) and the comments that mention me (newest first).
  { key: 'tasks', read: (b, c) => tasksFor(b, c.me.id, b.now()).slice(0, CAP) },
  { key: 'mentions', read: (b, c) => mentionsFor(b, c.me.id, CAP) }
]

/** Add or replace a section (the sharing work's tasks and mentions plug in here). */
export function registerMineSection(section: AnySection): void {
  const i = sections.findIndex((s) => s.key === section.key)
  if (i >= 0) sections[i] = section
  else sections.push(section)
}

/** The Sunday ending the ISO week (Monday to Sunday) that holds `today`. */
function weekEndOf(today: string): string {
  return calendarDates.addDays(calendarDates.startOfWeek(today, 1), 6)
}

/** My work for "me" (issue #14, item 4): what I owe this week, what is late, what waits on me. */
export function myWork(b: Backend, input: { today?: string | undefined }): Mine {
  const me = currentMember(b)
  if (me === null) throw new ApiError('forbidden', 'My work is the work of “me”, and nobody is chosen as “me” for this workspace on this computer (pick yourself in the app, or pass --as NAME).')
  const today = input.today ?? localDay(b.now())
  const ctx: MineContext = { me, today, weekEnd: weekEndOf(today) }
  const out: Record<string, unknown> = { me, today, weekEnd: ctx.weekEnd }
  for (const s of sections) out[s.key] = s.read(b, ctx)
  const person = b.db.get<{ role: string }>(sql`SELECT role FROM member WHERE id = ${me.id}`)
  return { ...(out as Omit<Mine, 'me'>), me: { id: me.id, name: me.name, access: me.access, role: person?.role ?? '', active: true } }
}
