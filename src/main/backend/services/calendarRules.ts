import { canApprove, entersApproval } from '../../../core/calendar/approval'
import { keepApproval, voidedBy } from '../../../core/calendar/approvalVoidingFields'
import type { FieldIssue } from '../../../core/domain/recordKind'
import type { Backend } from '../backend'
import { recordRepo } from '../repo/recordRepo'
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
export const approvalGate: KindRule = (b: Backend, before: Rec | null, after: Rec, opts) => {
  // An approval belongs to the content it approved: an edit to that content (APPROVAL_VOIDING_FIELDS)
  // sends the item back to review, on every local write path (forms, bulk edits, drags, imports).
  // Undo/redo put back a state that existed, and teammates' edits arrive by sync already voided on
  // their machine, so neither re-voids.
  const voided = replaying > 0 ? [] : voidedBy(before, after)
  if (voided.length > 0) {
    const keeper = opts.keepApprovalAs
    if (keeper === undefined) {
      const back = approvalGate(b, before, { ...after, status: 'in_review' }, {})
      return { issues: back.issues, extra: { ...back.extra, status: 'in_review' } }
    }
    const m = recordRepo.get(b.db, 'member', keeper)
    const approver = m && m.deletedAt === null ? { id: keeper, name: String(m.name), active: m.active === true } : null
    const checklist = (after.checklist ?? {}) as Record<string, boolean>
    const refused = keepApproval({ ownerId: str(after.ownerId), checklist }, approver, keeper, calendarPolicy(b))
    if (refused.length > 0) return { issues: refused.map((f): FieldIssue => ({ path: [f.field], message: f.message })) }
    // The approver signs off the new content: their name and a fresh approval time.
    return { issues: [], extra: { approverId: keeper, approvedAt: new Date(b.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') } }
  }
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
