import type { Backend } from '../backend'
import { recordRepo } from '../repo/recordRepo'

/**
 * The change log's label for a write, naming who kept an approval when the write re-signed approved
 * content (`keepApprovalAs`): the item's history then says who vouched for the edited text, not only
 * that its approval time moved.
 */
export function keptApprovalLabel(b: Backend, label: string, keepApprovalAs: string | undefined, sets: Record<string, unknown>[]): string {
  if (keepApprovalAs === undefined || !sets.some((s) => 'approvedAt' in s && s.approvedAt !== null)) return label
  const name = recordRepo.get(b.db, 'member', keepApprovalAs)?.name
  return `${label} — approval kept by ${typeof name === 'string' ? name : keepApprovalAs}`
}
