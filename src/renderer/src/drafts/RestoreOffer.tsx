import { useEffect, useState } from 'react'
import { Dialog } from '../components/Dialog'
import type { StoredDraft } from './draftStore'
import './drafts.css'

type Props = { draft: StoredDraft; labelOf: (field: string) => string; onRestore: () => void; onDiscard: () => void }

/**
 * "Restore your unsaved changes to ‘…’?" when a record with a draft is opened. Closing the question
 * restores: only Discard throws typed work away.
 */
export function RestoreOffer({ draft, labelOf, onRestore, onDiscard }: Props) {
  const labels = [...new Set(Object.keys(draft.entries).map(labelOf))]
  // The question opens with its form. Effects run child first, so wait a frame: a modal shown
  // before the form's own dialog would sit underneath it, inert.
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const frame = requestAnimationFrame(() => setShown(true))
    return () => cancelAnimationFrame(frame)
  }, [])
  if (!shown) return null
  return (
    <Dialog title="Unsaved changes" variant="modal" onClose={onRestore} testId="restore-offer">
      <div className="dialog-body">
        <p>
          Restore your unsaved changes to <strong>‘{draft.title}’</strong>?
        </p>
        <p className="subtle small">
          {labels.join(', ')} · from {new Date(draft.savedAt).toLocaleString()}
        </p>
      </div>
      <footer className="dialog-foot">
        <button type="button" className="btn" data-testid="restore-discard" onClick={onDiscard}>
          Discard
        </button>
        <button type="button" className="btn btn-primary" data-testid="restore-accept" onClick={onRestore} data-autofocus>
          Restore
        </button>
      </footer>
    </Dialog>
  )
}
