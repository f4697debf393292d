import type { BusinessCalendar } from './businessCalendar'
import { addWithPauses, pausesOf, type WaitSpan } from './waitPause'

export type EscalationSubject = {
  type: string
  state: string
  assigneeId: string | null
  escalationLevel: number
  escalations: readonly { at: string }[]
  /** Finished waits for the author: they do not count toward a level's time limit either. */
  waits?: readonly WaitSpan[]
}
export type Ladder = { type: string; steps: readonly { level: number; expertId: string; afterHours: number }[] }

/** Who the conversation goes to one level up: its type's ladder, else the assignee's "escalates to". */
export function nextStep(c: EscalationSubject, ladder: Ladder | null, escalatesTo: (expertId: string) => string | null): { level: number; toId: string } | null {
  const level = c.escalationLevel + 1
  if (level > 3) return null
  if (ladder !== null) {
    const step = ladder.steps.find((s) => s.level === level)
    return step ? { level, toId: step.expertId } : null
  }
  const to = c.assigneeId === null ? null : escalatesTo(c.assigneeId)
  return to === null ? null : { level, toId: to }
}

/**
 * Whether the breach scan escalates now, and why. Level 0 → 1 when the running clock is past due; a
 * conversation already at level n (n ≥ 1) moves on when it has sat there longer than the ladder's
 * time limit for level n, in business hours from its last escalation (time spent waiting for the
 * author excluded). A waiting conversation never escalates by itself.
 */
export function escalationDue(
  c: EscalationSubject & { nextDueAt: string | null },
  ladder: Ladder | null,
  now: number,
  cal: BusinessCalendar
): string | null {
  return escalationDueAt(c, ladder, now, cal)?.reason ?? null
}

/**
 * Why a conversation is due to go up a level, and since when. The moment is the breach itself (the
 * missed due time, or the end of the level's time limit), not the moment a computer noticed it: every
 * teammate's computer runs the scan, and two that escalate the same breach must write the same entry,
 * which sync merges as one instead of asking someone to review a conflict.
 */
export function escalationDueAt(
  c: EscalationSubject & { nextDueAt: string | null },
  ladder: Ladder | null,
  now: number,
  cal: BusinessCalendar
): { reason: string; at: number } | null {
  // Waiting for the author stops the clocks, and with them the ladder: nothing escalates while it waits.
  if (c.state === 'resolved' || c.state === 'waiting') return null
  if (c.escalationLevel === 0) {
    const due = c.nextDueAt === null ? null : Date.parse(c.nextDueAt)
    return due !== null && now > due ? { reason: 'Response target breached', at: due } : null
  }
  const step = ladder?.steps.find((s) => s.level === c.escalationLevel)
  const last = c.escalations.at(-1)
  if (!step || !last) return null
  const pauses = pausesOf({ state: c.state, waitingSince: null, waits: c.waits ?? [] })
  const deadline = addWithPauses(cal, Date.parse(last.at), step.afterHours, pauses)
  return deadline !== null && now > deadline ? { reason: `Not resolved within ${step.afterHours} business hours at level ${c.escalationLevel}`, at: deadline } : null
}
