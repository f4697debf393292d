import type { Notification, NotificationKind } from '../../../core/api/methods/sharingMethods'
import { notificationKind } from '../../../core/api/methods/sharingMethods'
import { calendarDates } from '../../../core/calendar/calendarDates'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { parseHlc } from '../../../core/sync/hlc'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { currentMember } from '../people/currentMember'
import { escalationsFor } from './deskNotifications'
import { mentionsFor } from './mentionsFor'
import { syncReviewList } from './syncReview'
import { tasksFor } from './tasksFor'
import { localDay } from '../localDay'

type Draft = Omit<Notification, 'read'>
const LIMIT = 200
const RECENT_DAYS = 30

const excerpt = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

function titleOf(b: Backend, kind: KindName, id: string): string {
  const rk = recordKinds[kind]
  const row = b.db.get<{ t: string }>(sql`SELECT ${sql.id(rk.title.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))} AS t FROM ${sql.id(rk.table)} WHERE id = ${id}`)
  return row ? String(row.t) : `a ${rk.label.toLowerCase()}`
}

function memberNames(b: Backend): Map<string, string> {
  return new Map(b.db.all<{ id: string; name: string }>(sql`SELECT id, name FROM member`).map((m) => [m.id, m.name]))
}

/**
 * Everything that asks for my attention, derived from the records each time (so it is the same
 * after a teammate's sync as after a local edit), each with a stable id: the id names the event
 * (a review round, an approval time, a due date), so reading it once keeps it read, and a new round
 * is a new notification.
 */
function derive(b: Backend, me: { id: string; access: string }): Draft[] {
  const out: Draft[] = []
  const names = memberNames(b)
  const now = b.now()
  const today = localDay(now)
  const recent = new Date(now - RECENT_DAYS * 86_400_000).toISOString()

  for (const c of mentionsFor(b, me.id, LIMIT)) {
    const who = names.get(c.authorId ?? '') ?? 'Someone'
    out.push({ id: `mention:${c.id}`, kind: 'mention', at: c.createdAt, title: `${who} mentioned you`, text: `On "${titleOf(b, c.targetKind, c.targetId)}": ${excerpt(c.body)}`, recordKind: c.targetKind, recordId: c.targetId })
  }

  for (const t of tasksFor(b, me.id, now)) {
    out.push({ id: `task:${t.id}`, kind: 'assignment', at: t.createdAt, title: `Task for you: ${t.title}`, text: `"${t.contentTitle}"${t.due ? `, due ${t.due}` : ''}`, recordKind: 'content', recordId: t.contentId })
    if (t.overdue && t.due !== null)
      out.push({ id: `overdue:task:${t.id}:${t.due}`, kind: 'overdue', at: `${calendarDates.addDays(t.due, 1)}T00:00:00Z`, title: `Overdue: ${t.title}`, text: `"${t.contentTitle}" — was due ${t.due}`, recordKind: 'content', recordId: t.contentId })
  }

  // Reassignments to me (a change of owner, not the creation), newest first.
  for (const r of b.db.all<{ id: string; title: string; cid: number; hlc: string }>(
    sql`SELECT c.id, c.title, cr.id AS cid, cr.hlc FROM content_item c
        JOIN change_record cr ON cr.tbl = 'content_item' AND cr.row_id = c.id AND cr.col = 'owner_id'
        WHERE c.owner_id = ${me.id} AND c.deleted_at IS NULL AND c.status IN ('idea', 'draft', 'in_review', 'approved', 'scheduled')
          AND cr.new_value = ${JSON.stringify(me.id)}
        ORDER BY cr.id DESC LIMIT ${LIMIT}`
  ))
    out.push({ id: `owner:${r.id}:${r.cid}`, kind: 'assignment', at: atOf(r.hlc), title: 'Assigned to you', text: `"${r.title}"`, recordKind: 'content', recordId: r.id })

  const approverAccess = me.access === 'owner' || me.access === 'approver'
  for (const r of b.db.all<{ id: string; title: string; owner_id: string | null; round: number | null; updated_at: string }>(
    sql`SELECT c.id, c.title, c.owner_id, c.updated_at,
          (SELECT max(cr.id) FROM change_record cr WHERE cr.tbl = 'content_item' AND cr.row_id = c.id AND cr.col IN ('status', '*')) AS round
        FROM content_item c
        WHERE c.deleted_at IS NULL AND c.status = 'in_review' AND (c.owner_id IS NULL OR c.owner_id <> ${me.id})
          AND (c.approver_id = ${me.id} OR (c.approver_id IS NULL AND ${approverAccess ? 1 : 0} = 1))
        ORDER BY c.updated_at DESC LIMIT ${LIMIT}`
  ))
    out.push({ id: `review:${r.id}:${r.round ?? 0}`, kind: 'approval_requested', at: r.updated_at, title: 'Approval requested', text: `"${r.title}" from ${names.get(r.owner_id ?? '') ?? 'the team'}`, recordKind: 'content', recordId: r.id })

  for (const r of b.db.all<{ id: string; title: string; approver_id: string | null; approved_at: string }>(
    sql`SELECT id, title, approver_id, approved_at FROM content_item
        WHERE owner_id = ${me.id} AND deleted_at IS NULL AND approved_at IS NOT NULL AND approved_at >= ${recent}
          AND status IN ('approved', 'scheduled') AND (approver_id IS NULL OR approver_id <> ${me.id})
        ORDER BY approved_at DESC LIMIT ${LIMIT}`
  ))
    out.push({ id: `approved:${r.id}:${r.approved_at}`, kind: 'approval_given', at: r.approved_at, title: 'Approved', text: `"${r.title}" by ${names.get(r.approver_id ?? '') ?? 'an approver'}`, recordKind: 'content', recordId: r.id })

  // Sent back: my item's latest status change took it from review back to draft or idea.
  for (const r of b.db.all<{ id: string; title: string; cid: number; hlc: string; old_value: string | null }>(
    sql`SELECT c.id, c.title, cr.id AS cid, cr.hlc, cr.old_value FROM content_item c
        JOIN change_record cr ON cr.id = (SELECT max(x.id) FROM change_record x WHERE x.tbl = 'content_item' AND x.row_id = c.id AND x.col = 'status')
        WHERE c.owner_id = ${me.id} AND c.deleted_at IS NULL AND c.status IN ('idea', 'draft') LIMIT ${LIMIT}`
  ))
    if (r.old_value === '"in_review"')
      out.push({ id: `refused:${r.id}:${r.cid}`, kind: 'approval_refused', at: atOf(r.hlc), title: 'Sent back from review', text: `"${r.title}" needs more work before approval`, recordKind: 'content', recordId: r.id })

  for (const r of b.db.all<{ id: string; title: string; due_date: string }>(
    sql`SELECT id, title, due_date FROM content_item
        WHERE owner_id = ${me.id} AND deleted_at IS NULL AND due_date < ${today} AND status IN ('idea', 'draft', 'in_review')
        ORDER BY due_date DESC LIMIT ${LIMIT}`
  ))
    out.push({ id: `overdue:content:${r.id}:${r.due_date}`, kind: 'overdue', at: `${calendarDates.addDays(r.due_date, 1)}T00:00:00Z`, title: `Overdue: ${r.title}`, text: `Was due ${r.due_date}`, recordKind: 'content', recordId: r.id })

  out.push(...escalationsFor(b, me.id, recent, LIMIT))

  if (b.db.get(sql`SELECT 1 AS x FROM local_state WHERE key = 'sync_team'`) !== undefined) {
    const review = syncReviewList(b)
    const first = review[0]
    if (first)
      out.push({ id: `sync:${review.length}:${first.id}`, kind: 'sync_review', at: new Date(now).toISOString(), title: `${review.length} sync item${review.length === 1 ? '' : 's'} to review`, text: `Starting with "${first.title}"`, recordKind: null, recordId: null })
  }
  return out
}

function atOf(hlc: string): string {
  const millis = parseHlc(hlc)?.millis
  return millis === undefined ? new Date(0).toISOString() : new Date(millis).toISOString()
}

function prefsOf(b: Backend, memberId: string): Record<NotificationKind, boolean> {
  const stored = new Map(b.db.all<{ kind: string; enabled: number }>(sql`SELECT kind, enabled FROM notification_pref WHERE member_id = ${memberId}`).map((r) => [r.kind, r.enabled === 1]))
  return Object.fromEntries(notificationKind.options.map((k) => [k, stored.get(k) ?? true])) as Record<NotificationKind, boolean>
}

function unreadCount(b: Backend): number {
  return notificationService.list(b, true).unread
}

/** My inbox: derived notifications, my read marks and my choice of kinds (this computer only). */
export const notificationService = {
  list(b: Backend, unreadOnly = false): { items: Notification[]; unread: number; memberId: string | null } {
    const me = currentMember(b)
    if (!me) return { items: [], unread: 0, memberId: null }
    const prefs = prefsOf(b, me.id)
    const read = new Set(b.db.all<{ id: string }>(sql`SELECT notification_id AS id FROM notification_read WHERE member_id = ${me.id}`).map((r) => r.id))
    const all = derive(b, me)
      .filter((n) => prefs[n.kind])
      .map((n) => ({ ...n, read: read.has(n.id) }))
      .sort((x, y) => y.at.localeCompare(x.at) || x.id.localeCompare(y.id))
    const unread = all.filter((n) => !n.read).length
    return { items: (unreadOnly ? all.filter((n) => !n.read) : all).slice(0, LIMIT), unread, memberId: me.id }
  },

  mark(b: Backend, ids: readonly string[], read: boolean): { unread: number } {
    const me = currentMember(b)
    if (!me) return { unread: 0 }
    const at = new Date(b.now()).toISOString()
    b.db.tx(() => {
      for (const id of ids) {
        if (read) b.db.run(sql`INSERT OR IGNORE INTO notification_read (member_id, notification_id, read_at) VALUES (${me.id}, ${id}, ${at})`)
        else b.db.run(sql`DELETE FROM notification_read WHERE member_id = ${me.id} AND notification_id = ${id}`)
      }
    })
    b.events.emit('data-changed', { tx: `local:notifications:${at}`, kinds: ['notification'], ids: [] })
    return { unread: unreadCount(b) }
  },

  markAll(b: Backend): { unread: number } {
    return notificationService.mark(b, notificationService.list(b, true).items.map((n) => n.id), true)
  },

  prefs(b: Backend): { kinds: Record<NotificationKind, boolean> } {
    const me = currentMember(b)
    return { kinds: me ? prefsOf(b, me.id) : prefsOf(b, '') }
  },

  setPrefs(b: Backend, kinds: Partial<Record<NotificationKind, boolean>>): { kinds: Record<NotificationKind, boolean> } {
    const me = currentMember(b)
    if (!me) return notificationService.prefs(b)
    b.db.tx(() => {
      for (const [kind, on] of Object.entries(kinds))
        if (on !== undefined) b.db.run(sql`INSERT INTO notification_pref (member_id, kind, enabled) VALUES (${me.id}, ${kind}, ${on ? 1 : 0}) ON CONFLICT(member_id, kind) DO UPDATE SET enabled = excluded.enabled`)
    })
    b.events.emit('data-changed', { tx: `local:notifications:${b.now()}`, kinds: ['notification'], ids: [] })
    return notificationService.prefs(b)
  }
}
