import type { WorkspacePolicy } from '../domain/workspacePolicy'

export type ApprovalFailure = { rule: 'checklist' | 'approver' | 'four_eyes'; field: 'checklist' | 'approverId'; message: string }
export type ApprovalCandidate = { ownerId: string | null; approverId: string | null; checklist: Record<string, boolean> }

/** Statuses that say "a person signed this off"; entering any of them passes the approval gate. */
export const APPROVED_STATUSES: readonly string[] = ['approved', 'scheduled', 'published']

/**
 * Whether an item may move to *approved*: every policy checklist entry ticked, an approver named, and
 * (under the four-eyes rule) the approver is not the owner. Returns every failed rule, in words,
 * so the refusal tells the person exactly what to fix.
 */
export function canApprove(item: ApprovalCandidate, policy: WorkspacePolicy): { ok: boolean; failures: ApprovalFailure[] } {
  const failures: ApprovalFailure[] = []
  const open = policy.checklist.filter((e) => item.checklist[e.id] !== true)
  if (open.length > 0)
    failures.push({
      rule: 'checklist',
      field: 'checklist',
      message: `The policy checklist is not complete: ${open.map((e) => e.label).join('; ')}`
    })
  if (item.approverId === null) failures.push({ rule: 'approver', field: 'approverId', message: 'An approver is required' })
  else if (policy.requireOtherApprover && item.ownerId !== null && item.approverId === item.ownerId)
    failures.push({ rule: 'four_eyes', field: 'approverId', message: "The approver must be someone other than the item's owner" })
  return { ok: failures.length === 0, failures }
}

/** Does this status change enter the signed-off part of the pipeline (and so need the gate)? */
export function entersApproval(before: string | null, after: string): boolean {
  return APPROVED_STATUSES.includes(after) && (before === null || !APPROVED_STATUSES.includes(before))
}
