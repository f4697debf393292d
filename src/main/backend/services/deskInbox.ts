import { ApiError } from '../../../core/api/apiError'
import type { InboxQuery, InboxRow } from '../../../core/api/methods/deskMethods'
import { enums } from '../../../core/domain/enums'
import type { Backend } from '../backend'
import type { Row } from '../db/db'
import { sql, type Sql } from '../db/sql'
import { currentMember } from '../people/currentMember'
import { recordCodec } from '../repo/recordCodec'
import { refreshClocks } from './deskClockStore'

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const inList = (col: Sql, values: readonly string[]): Sql => sql`${col} IN (${sql.join(values.map((v) => sql`${v}`))})`

/** The expert records of the acting member (a member may answer under one or more). */
export function myExpertIds(b: Backend): string[] {
  const me = currentMember(b)
  if (me === null) return []
  return b.db.all<{ id: string }>(sql`SELECT id FROM expert WHERE member_id = ${me.id} AND deleted_at IS NULL`).map((r) => r.id)
}

/** A conversation row joined with its clocks as the inbox row the contract describes, at `now`. */
export function toInboxRow(row: Row, now: string): InboxRow {
  const rec = recordCodec('conversation').fromRow(row) as Omit<InboxRow, 'firstResponseDueAt' | 'resolutionDueAt' | 'nextDueAt' | 'firstResponseBreached' | 'resolutionBreached' | 'breached' | 'aboutToBreach' | 'assigneeName'>
  const fr = (row.first_response_due_at as string | null) ?? null
  const res = (row.resolution_due_at as string | null) ?? null
  const next = (row.next_due_at as string | null) ?? null
  const warn = (row.warn_at as string | null) ?? null
  // Compared as times, not text: an instant typed as 10:00:00Z and one stored as 10:00:00.000Z are equal.
  const t = (s: string) => Date.parse(s)
  const answeredAt = rec.firstResponseAt ?? (rec.state === 'resolved' ? rec.resolvedAt : null)
  const firstResponseBreached = fr !== null && t(answeredAt ?? now) > t(fr)
  const resolutionBreached = res !== null && t(rec.state === 'resolved' ? (rec.resolvedAt ?? now) : now) > t(res)
  const overdue = next !== null && t(now) > t(next)
  return {
    ...rec,
    firstResponseDueAt: fr,
    resolutionDueAt: res,
    nextDueAt: next,
    firstResponseBreached,
    resolutionBreached,
    breached: firstResponseBreached || resolutionBreached,
    aboutToBreach: !overdue && next !== null && warn !== null && t(now) >= t(warn),
    assigneeName: (row.assignee_name as string | null) ?? null
  }
}

const SELECT = sql`SELECT c.*, k.first_response_due_at, k.resolution_due_at, k.next_due_at, k.warn_at, e.name AS assignee_name
  FROM conversation c JOIN conversation_clock k ON k.id = c.id LEFT JOIN expert e ON e.id = c.assignee_id`

const PRIORITY_RANK = sql`CASE c.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`

/**
 * The inbox: conversations with their clocks, filtered and sorted in SQL on the derived clock table
 * (indexed), so it stays fast at 100k. `overdue` means a running clock is past due now; `breached` on
 * a row also counts a target missed earlier (answered late).
 */
export function inboxList(b: Backend, q: InboxQuery) {
  refreshClocks(b)
  const now = new Date(q.now === undefined ? b.now() : Date.parse(q.now)).toISOString()
  const where: Sql[] = [sql`c.deleted_at IS NULL`]
  const states = list(q.state)
  if (states.length > 0) where.push(inList(sql`c.state`, states))
  const types = list(q.type)
  if (types.length > 0) where.push(inList(sql`c.type`, types))
  const priorities = list(q.priority)
  if (priorities.length > 0) where.push(inList(sql`c.priority`, priorities))
  if (q.assigneeId === 'none') where.push(sql`c.assignee_id IS NULL`)
  else if (q.assigneeId !== undefined) where.push(sql`c.assignee_id = ${q.assigneeId}`)
  if (q.mine === true) {
    const mine = myExpertIds(b)
    where.push(mine.length === 0 ? sql`0` : inList(sql`c.assignee_id`, mine))
  }
  if (q.overdue === true) where.push(sql`k.next_due_at < ${now}`)
  if (q.aboutToBreach === true) where.push(sql`k.next_due_at >= ${now} AND k.warn_at <= ${now}`)
  if (q.topic !== undefined && q.topic.trim() !== '') where.push(sql`c.topic = ${q.topic.trim()} COLLATE NOCASE`)
  if (q.q !== undefined && q.q.trim() !== '') {
    const like = `%${q.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    where.push(sql`(c.summary LIKE ${like} ESCAPE '\\' OR c.author LIKE ${like} ESCAPE '\\' OR c.topic LIKE ${like} ESCAPE '\\' OR c.url LIKE ${like} ESCAPE '\\')`)
  }
  const filter = sql.join(where, ' AND ')
  const dir = sql.raw(q.dir === 'desc' ? 'DESC' : 'ASC')
  const sort = q.sort ?? 'due'
  const order =
    sort === 'due'
      ? sql`k.next_due_at IS NULL, k.next_due_at ${dir}, c.occurred_at, c.id`
      : sort === 'priority'
        ? sql`${PRIORITY_RANK} ${dir}, k.next_due_at IS NULL, k.next_due_at, c.id`
        : sort === 'updated'
          ? sql`c.updated_at ${dir}, c.id`
          : sql`c.occurred_at ${dir}, c.id`
  const limit = q.limit ?? 50
  const offset = q.offset ?? 0
  // The page is chosen on ids and the sort keys only, then its rows read in full: sorting 100k whole rows
  // (summaries, reply texts, logs) to keep 50 was most of the time.
  const ids = b.db.all<{ id: string }>(sql`SELECT c.id FROM conversation c JOIN conversation_clock k ON k.id = c.id WHERE ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`).map((r) => r.id)
  const byId = new Map<string, Row>(ids.length === 0 ? [] : b.db.all<Row>(sql`${SELECT} WHERE c.id IN (${sql.join(ids.map((id) => sql`${id}`))})`).map((r) => [r.id as string, r]))
  const rows: Row[] = []
  for (const id of ids) {
    const r = byId.get(id)
    if (r !== undefined) rows.push(r)
  }
  // Every conversation has its clock row (triggers, m015), so a filter that reads no clock counts from
  // the conversation indexes alone.
  const readsClock = q.overdue === true || q.aboutToBreach === true
  const total = b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM conversation c ${readsClock ? sql`JOIN conversation_clock k ON k.id = c.id` : sql``} WHERE ${filter}`)?.n ?? 0
  return { items: rows.map((r) => toInboxRow(r, now)), total, counts: inboxCounts(b, now), asOf: now }
}

/** Tab and badge counts over the whole desk (not the filter): by state, overdue, about to breach, unassigned. */
export function inboxCounts(b: Backend, now: string) {
  const byState = Object.fromEntries(enums.conversationState.options.map((s) => [s, 0])) as Record<(typeof enums.conversationState.options)[number], number>
  // Each count from its own index (state, next due time), not one pass over every row joined with its clock.
  for (const r of b.db.all<{ state: string; n: number }>(sql`SELECT state, count(*) AS n FROM conversation WHERE deleted_at IS NULL GROUP BY state`))
    if (r.state in byState) byState[r.state as keyof typeof byState] = r.n
  // Only open, live conversations have a running clock (next_due_at), so these need no join.
  const overdue = b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM conversation_clock WHERE next_due_at < ${now}`)?.n ?? 0
  const aboutToBreach = b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM conversation_clock WHERE next_due_at >= ${now} AND warn_at <= ${now}`)?.n ?? 0
  const unassigned = b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM conversation WHERE state IN ('new', 'triaged', 'assigned', 'waiting') AND assignee_id IS NULL AND deleted_at IS NULL`)?.n ?? 0
  return { byState, overdue, aboutToBreach, unassigned }
}

export function inboxGet(b: Backend, id: string, nowIso?: string): InboxRow {
  refreshClocks(b)
  const row = b.db.get<Row>(sql`${SELECT} WHERE c.id = ${id} AND c.deleted_at IS NULL`)
  if (!row) throw new ApiError('not_found', `No conversation with id ${id}`, [{ path: ['id'], message: 'Not found' }])
  return toInboxRow(row, new Date(nowIso === undefined ? b.now() : Date.parse(nowIso)).toISOString())
}
