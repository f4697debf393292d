import type { EditConflict } from '../../../core/api/editBase'
import { Dialog } from '../components/Dialog'
import './drafts.css'

type Props = {
  conflict: EditConflict
  /** A stored value as the form shows it (names, labels, local time). */
  describe: (field: string, value: unknown) => string
  labelOf: (field: string) => string
  onKeepMine: () => void
  onTakeTheirs: () => void
  onCancel: () => void
}

/**
 * The later of two saves of one field: their value against yours, field by field, and the choice.
 * Cancel leaves the form as it was, nothing saved; fields only one side changed were never asked about.
 */
export function ConflictDialog({ conflict, describe, labelOf, onKeepMine, onTakeTheirs, onCancel }: Props) {
  return (
    <Dialog title="Changed elsewhere since you opened it:" variant="modal" onClose={onCancel} testId="conflict-dialog">
      <div className="dialog-body">
        <table className="conflict-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Theirs</th>
              <th scope="col">Yours</th>
            </tr>
          </thead>
          <tbody>
            {conflict.fields.map((f) => (
              <tr key={f.field} data-testid={`conflict-${f.field}`}>
                <th scope="row">{labelOf(f.field)}</th>
                <td>
                  <span data-testid="conflict-their-value">{describe(f.field, f.theirs)}</span>
                  {(f.by !== null || f.at !== null) && (
                    <span className="subtle small conflict-who">
                      {f.by !== null ? ` on ${f.by}` : ''}
                      {f.at !== null ? `, ${new Date(f.at).toLocaleString()}` : ''}
                    </span>
                  )}
                </td>
                <td data-testid="conflict-my-value">{describe(f.field, f.mine)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <footer className="dialog-foot">
        <button type="button" className="btn" data-testid="conflict-cancel" onClick={onCancel} data-autofocus>
          Cancel
        </button>
        <button type="button" className="btn" data-testid="conflict-take-theirs" onClick={onTakeTheirs}>
          Take theirs
        </button>
        <button type="button" className="btn btn-primary" data-testid="conflict-keep-mine" onClick={onKeepMine}>
          Keep mine
        </button>
      </footer>
    </Dialog>
  )
}
