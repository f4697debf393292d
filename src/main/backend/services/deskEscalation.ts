import type { EscalationEntry } from '../../../core/domain/conversation'
import { businessCalendar } from '../../../core/listening/businessCalendar'
import { escalationDueAt, nextStep, type Ladder } from '../../../core/listening/nextEscalation'
import type { WaitSpan } from '../../../core/listening/waitPause'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordRepo } from '../repo/recordRepo'
import { refreshClocks } from './deskClockStore'
import { deskPolicyOf } from './deskPolicyOf'
import { expertMap } from './deskRouting'
import { writeConversation } from './deskWrite'

export type Escalated = { conversationId: string; summary: string; level: number; fromId: string | null; toId: string | null; reason: string }

function ladders(b: Backend): Map<string, Ladder> {
  const out = new Map<string, Ladder>()
  // Newest first, so the newest live ladder of a type counts if two were made on two computers.
  for (const l of recordRepo.list(b.db, 'escalationLadder', { sort: [{ field: 'updatedAt', dir: 'desc' }], limit: 1000 }).items as unknown as Ladder[])
    if (!out.has(l.type)) out.set(l.type, l)
  return out
}

/**
 * Move one conversation a level up: to its type's ladder's next expert (or its expert's "escalates
 * to"), logged on the conversation with who (null = the breach scan), when and why. Null when there is
 * no next level.
 */
export function escalateOne(
  b: Backend,
  id: string,
  reason: string,
  byId: string | null,
  nowMs: number,
  // The scan reads the ladders and the directory once for every conversation it moves.
  shared?: { ladders: Map<string, Ladder>; experts: ReturnType<typeof expertMap> }
): Escalated | null {
  const c = recordRepo.get(b.db, 'conversation', id)
  if (!c || c.deletedAt !== null) return null
  const experts = shared?.experts ?? expertMap(b)
  const ladder = (shared?.ladders ?? ladders(b)).get(String(c.type)) ?? null
  const subject = { type: String(c.type), state: String(c.state), assigneeId: (c.assigneeId as string | null) ?? null, escalationLevel: Number(c.escalationLevel), escalations: c.escalations as EscalationEntry[] }
  const step = nextStep(subject, ladder, (e) => experts.get(e)?.escalatesToId ?? null)
  if (step === null) return null
  const at = new Date(nowMs).toISOString()
  const entry: EscalationEntry = { level: step.level, at, fromId: subject.assigneeId, toId: step.toId, byId, reason: reason.slice(0, 300) }
  const toName = experts.get(step.toId)?.name ?? 'the next level'
  writeConversation(b, byId === null ? 'desk-scan' : 'conversation-escalate', id, (cur) => ({
    escalationLevel: step.level,
    escalations: [...cur.escalations, entry].slice(-50),
    assigneeId: step.toId,
    assignedAt: at,
    assignmentNote: `Escalated to level ${step.level} (${toName}): ${reason}`.slice(0, 400),
    state: cur.state === 'new' || cur.state === 'triaged' || cur.state === 'waiting' ? 'assigned' : cur.state
  }), { system: byId === null })
  return { conversationId: id, summary: String(c.summary), level: step.level, fromId: entry.fromId, toId: entry.toId, reason: entry.reason }
}

/**
 * The breach scan: every open conversation not waiting for its author whose running clock is past due (level 0), or that sat at
 * its level longer than the ladder allows, goes up one level. Time comes in as an argument, so the CLI,
 * the timer in serve/desktop and tests all run the same rule. Off when the desk's `autoEscalate` is off.
 */
export function deskScan(b: Backend, nowIso?: string): { checked: number; escalated: Escalated[] } {
  refreshClocks(b)
  const { policy } = deskPolicyOf(b)
  // The stored due times are toISOString() text; `now` in the same form compares correctly in SQL.
  const now = new Date(nowIso === undefined ? b.now() : Date.parse(nowIso)).toISOString()
  if (!policy.autoEscalate) return { checked: 0, escalated: [] }
  const rows = b.db.all<{ id: string; type: string; state: string; assignee_id: string | null; escalation_level: number; escalations: string; waits: string; next_due_at: string | null }>(sql`
    SELECT c.id, c.type, c.state, c.assignee_id, c.escalation_level, c.escalations, c.waits, k.next_due_at
    FROM conversation c JOIN conversation_clock k ON k.id = c.id
    WHERE c.deleted_at IS NULL AND c.state NOT IN ('resolved', 'waiting') AND c.escalation_level < 3
      AND ((c.escalation_level = 0 AND k.next_due_at < ${now}) OR c.escalation_level > 0)`)
  const nowMs = Date.parse(now)
  const all = ladders(b)
  const experts = expertMap(b)
  let minAt = nowMs
  const parsed = rows.map((r) => {
    const escalations = JSON.parse(r.escalations) as EscalationEntry[]
    const last = escalations.at(-1)
    if (last) minAt = Math.min(minAt, Date.parse(last.at))
    return { id: r.id, type: r.type, state: r.state, assigneeId: r.assignee_id, escalationLevel: r.escalation_level, escalations, waits: JSON.parse(r.waits) as WaitSpan[], nextDueAt: r.next_due_at }
  })
  const cal = businessCalendar(policy, minAt, nowMs, 400)
  const escalated: Escalated[] = []
  for (const c of parsed) {
    const due = escalationDueAt(c, all.get(c.type) ?? null, nowMs, cal)
    if (due === null) continue
    // Stamped with the breach's own moment, so every teammate's scan writes the same entry (see escalationDueAt).
    const done = escalateOne(b, c.id, due.reason, null, due.at, { ladders: all, experts })
    if (done) escalated.push(done)
  }
  return { checked: rows.length, escalated }
}
