import { canApprove, entersApproval } from '../../../core/calendar/approval'
import type { FieldIssue } from '../../../core/domain/recordKind'
import type { Backend } from '../backend'
import { calendarPolicy } from './calendarPolicy'
import { registerKindRule, type KindRule } from './kindRules'

type Rec = Record<string, unknown>

let replaying = 0

/**
 * Undo and redo put back values the rules already accepted once (an item un-marked as published, say);
 * while they replay, the published lock stands aside. The approval gate never does.
 */
export function whileReplaying<T>(fn: () => T): T {
  replaying++
  try {
    return fn()
  } finally {
    replaying--
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/**
 * Governance: entering *approved* (or scheduled) needs the policy checklist ticked and an approver
 * other than the owner; the approval time is stamped here, by the backend, so no host can forge or
 * skip it. Leaving the signed-off statuses clears the stamp, so a re-approval is needed.
 * Created records are gated too when they claim approved or scheduled; "published" on create is
 * history being recorded (imports), not a plan being signed off.
 */
export const approvalGate: KindRule = (b: Backend, before: Rec | null, after: Rec) => {
  const status = String(after.status)
  const prev = before === null ? null : String(before.status)
  const signedOff = ['approved', 'scheduled', 'published']
  const approverChanged = before !== null && signedOff.includes(status) && before.approverId !== after.approverId
  const gated = before === null ? status === 'approved' || status === 'scheduled' : entersApproval(prev, status) || approverChanged
  if (gated) {
    const checklist = (after.checklist ?? {}) as Record<string, boolean>
    const verdict = canApprove({ ownerId: str(after.ownerId), approverId: str(after.approverId), checklist }, calendarPolicy(b))
    if (!verdict.ok) return { issues: verdict.failures.map((f): FieldIssue => ({ path: [f.field], message: f.message })) }
    const now = new Date(b.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')
    // Redo puts back the approval that was undone, with its original time.
    return { issues: [], extra: { approvedAt: replaying > 0 && after.approvedAt !== null ? after.approvedAt : now } }
  }
  if (replaying > 0 || before === null) return { issues: [] }
  if (prev !== null && signedOff.includes(prev) && !signedOff.includes(status) && after.approvedAt !== null) return { issues: [], extra: { approvedAt: null } }
  if (after.approvedAt !== before.approvedAt)
    return { issues: [{ path: ['approvedAt'], message: 'The approval time is recorded by the approval itself and cannot be edited' }] }
  return { issues: [] }
}

/** A published item's date and channel are facts now; moving it would rewrite history. */
export const publishedLock: KindRule = (_b, before, after) => {
  if (before === null || before.status !== 'published' || replaying > 0) return { issues: [] }
  const issues: FieldIssue[] = []
  for (const f of ['plannedDate', 'publishAt', 'channelId'] as const)
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) issues.push({ path: [f], message: 'This item is already published; its date and channel can no longer change' })
  if (after.status !== 'published' && after.status !== 'cancelled')
    issues.push({ path: ['status'], message: 'This item is already published; it can only stay published or be cancelled' })
  return { issues }
}

let registered = false
export function registerCalendarRules(): void {
  if (registered) return
  registered = true
  registerKindRule('content', publishedLock)
  registerKindRule('content', approvalGate)
}
