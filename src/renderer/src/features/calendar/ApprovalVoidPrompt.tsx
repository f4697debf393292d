import { Dialog } from '../../components/Dialog'

type Props = {
  /** The approver who may keep the approval, or null when nobody named on the item has the rights. */
  keeper: { id: string; name: string } | null
  /** Why keeping is not offered (shown instead of the button), e.g. "Olivia owns this item". */
  keepRefused: string | null
  busy: boolean
  onSendBack: () => void
  onKeep: (approverId: string) => void
  onCancel: () => void
}

/**
 * Asked before saving an edit to approved content (core/calendar/approvalVoidingFields.ts): the
 * approval was for what the approver saw, so the default is back to review; an approver with the
 * rights may keep it instead, and the backend checks those rights again and records who did.
 */
export function ApprovalVoidPrompt({ keeper, keepRefused, busy, onSendBack, onKeep, onCancel }: Props) {
  return (
    <Dialog title="Send back to review?" onClose={onCancel} variant="modal" testId="approval-void-dialog">
      <div className="dialog-body">
        <p>This item is approved. Saving these changes sends it back to review.</p>
        {keeper === null && keepRefused !== null && <p className="subtle small">{keepRefused}</p>}
      </div>
      <footer className="dialog-foot approval-void-foot">
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {keeper !== null && (
          <button type="button" className="btn" onClick={() => onKeep(keeper.id)} disabled={busy} data-testid="keep-approval">
            Keep approval as {keeper.name}
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={onSendBack} disabled={busy} data-autofocus data-testid="send-back-to-review">
          Save and send back to review
        </button>
      </footer>
    </Dialog>
  )
}
