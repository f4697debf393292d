import { useState, type ReactNode } from 'react'
import { Dialog } from './Dialog'

type Props = {
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: () => Promise<void>
  onClose: () => void
}

/** Asks before something that cannot be taken back here (a delete); shows the error if it fails. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>(undefined)
  return (
    <Dialog title={title} onClose={onClose} variant="modal" testId="confirm-dialog">
      <div className="dialog-body">{children}</div>
      {error !== undefined && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <footer className="dialog-foot">
        <button type="button" className="btn" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger-solid"
          data-testid="confirm-button"
          disabled={busy}
          onClick={() => {
            setBusy(true)
            onConfirm().then(onClose, (e: unknown) => {
              setBusy(false)
              setError(e instanceof Error ? e.message : String(e))
            })
          }}
        >
          {busy ? 'Working…' : confirmLabel}
        </button>
      </footer>
    </Dialog>
  )
}
