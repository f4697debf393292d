import type { Backend } from '../backend'
import type { Row } from '../db/db'
import { sql } from '../db/sql'
import { refreshClocks } from './deskClockStore'
import { toInboxRow } from './deskInbox'

/**
 * My work's conversations: the open ones assigned to me (through any expert record with my member id),
 * overdue first, then about to breach, then by the running clock — so a breach is the first thing seen.
 */
export function myConversations(b: Backend, memberId: string, cap: number) {
  refreshClocks(b)
  const now = new Date(b.now()).toISOString()
  const rows = b.db.all<Row>(sql`
    SELECT c.*, k.first_response_due_at, k.resolution_due_at, k.next_due_at, k.warn_at, e.name AS assignee_name
    FROM conversation c JOIN conversation_clock k ON k.id = c.id JOIN expert e ON e.id = c.assignee_id
    WHERE e.member_id = ${memberId} AND c.state <> 'resolved' AND c.deleted_at IS NULL
    ORDER BY k.next_due_at IS NULL, k.next_due_at, c.occurred_at, c.id LIMIT ${cap}`)
  return rows.map((r) => {
    const x = toInboxRow(r, now)
    return {
      id: x.id, summary: x.summary, author: x.author, type: x.type, status: x.state, occurredAt: x.occurredAt, routedAt: x.assignedAt,
      state: x.state, nextDueAt: x.nextDueAt, breached: x.breached, aboutToBreach: x.aboutToBreach, escalationLevel: x.escalationLevel
    }
  })
}
