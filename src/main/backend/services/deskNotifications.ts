import type { Notification } from '../../../core/api/methods/sharingMethods'
import type { EscalationEntry } from '../../../core/domain/conversation'
import type { Backend } from '../backend'
import { sql } from '../db/sql'

/**
 * Escalations to me (to an expert record with my member id) in the last weeks, one notification per
 * step: its id names the conversation, level and time, so reading it once keeps it read.
 */
export function escalationsFor(b: Backend, memberId: string, since: string, limit: number): Omit<Notification, 'read'>[] {
  const mine = new Set(b.db.all<{ id: string }>(sql`SELECT id FROM expert WHERE member_id = ${memberId}`).map((e) => e.id))
  if (mine.size === 0) return []
  const names = new Map(b.db.all<{ id: string; name: string }>(sql`SELECT id, name FROM member`).map((m) => [m.id, m.name]))
  const out: Omit<Notification, 'read'>[] = []
  for (const c of b.db.all<{ id: string; summary: string; escalations: string }>(
    sql`SELECT id, summary, escalations FROM conversation WHERE deleted_at IS NULL AND state <> 'resolved' AND escalation_level > 0 AND updated_at >= ${since} ORDER BY updated_at DESC LIMIT ${limit}`
  )) {
    for (const e of JSON.parse(c.escalations) as EscalationEntry[]) {
      if (e.toId === null || !mine.has(e.toId) || e.at < since) continue
      const by = e.byId === null ? 'automatically' : `by ${names.get(e.byId) ?? 'a teammate'}`
      out.push({
        id: `escalation:${c.id}:${e.level}:${e.at}`,
        kind: 'escalation',
        at: e.at,
        title: `Escalated to you (level ${e.level})`,
        text: `"${c.summary.length > 80 ? `${c.summary.slice(0, 79)}…` : c.summary}" ${by}: ${e.reason}`,
        recordKind: 'conversation',
        recordId: c.id
      })
    }
  }
  return out
}
