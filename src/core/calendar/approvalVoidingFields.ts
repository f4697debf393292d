import { canApprove, type ApprovalFailure } from './approval'
import type { WorkspacePolicy } from '../domain/workspacePolicy'

/**
 * The content an approval signs off. An approval belongs to what the approver saw: changing any of
 * these fields on an approved or scheduled item sends it back to *in review* (unless an approver
 * keeps the approval, see `keepApproval`). The planned date counts with the publish time because a
 * drag on the calendar moves either one. Everything else — owner, notes, tags, effort, campaign,
 * due date, results — is planning around the content, so editing it keeps the approval.
 * The README's governance paragraph lists these fields; keep the two in step.
 */
export const APPROVAL_VOIDING_FIELDS = ['title', 'brief', 'channelId', 'plannedDate', 'publishAt', 'publishZone', 'trackingUrl', 'checklist'] as const
export type ApprovalVoidingField = (typeof APPROVAL_VOIDING_FIELDS)[number]

/** Statuses whose approval is still in force and can be voided ("published" is history, locked elsewhere). */
export const VOIDABLE_STATUSES: readonly string[] = ['approved', 'scheduled']

type Rec = Record<string, unknown>
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The approved content this edit changes: the voiding fields whose value differs, when the item was
 * approved or scheduled before and the edit does not itself move it out of the signed-off statuses.
 * An empty list means the approval stands.
 */
export function voidedBy(before: Rec | null, after: Rec): ApprovalVoidingField[] {
  if (before === null || !VOIDABLE_STATUSES.includes(String(before.status)) || !VOIDABLE_STATUSES.includes(String(after.status))) return []
  return APPROVAL_VOIDING_FIELDS.filter((f) => !same(before[f], after[f]))
}

export type KeepApprovalCandidate = { ownerId: string | null; checklist: Record<string, boolean> }
export type Approver = { id: string; name: string; active: boolean }
export type KeepApprovalFailure = { rule: ApprovalFailure['rule']; field: 'keepApprovalAs'; message: string }

/**
 * "Keep approval" re-signs the edited content in the name of an approver, so it needs exactly the
 * rights an approval needs: an active member, the policy checklist complete for the new content, and
 * under the four-eyes rule someone other than the item's owner. Every failure names `keepApprovalAs`
 * (the flag the person set), so the refusal points at the choice they made.
 */
export function keepApproval(item: KeepApprovalCandidate, approver: Approver | null, approverId: string, policy: WorkspacePolicy): KeepApprovalFailure[] {
  if (approver === null) return [{ rule: 'approver', field: 'keepApprovalAs', message: `No member with id ${approverId} can keep this approval` }]
  if (!approver.active) return [{ rule: 'approver', field: 'keepApprovalAs', message: `${approver.name} is not an active member, so cannot keep this approval` }]
  return canApprove({ ownerId: item.ownerId, approverId: approver.id, checklist: item.checklist }, policy).failures.map((f) => ({
    rule: f.rule,
    field: 'keepApprovalAs',
    message: f.rule === 'four_eyes' ? `${approver.name} owns this item, so cannot keep its approval (the approver must be someone other than the owner)` : `Approval cannot be kept: ${f.message}`
  }))
}
