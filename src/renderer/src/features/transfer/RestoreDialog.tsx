import { useEffect, useState } from 'react'
import type { RestoreSource, RestoreSummary } from '../../../../core/api/methods/restoreMethods'
import type { BackupEntry } from '../../../../core/api/methods/transferMethods'
import { api } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { format } from '../../components/format'

type Props = {
  source: RestoreSource
  onClose: () => void
  onRestored: (r: { summary: RestoreSummary; safetyBackup: BackupEntry }) => void
}

/**
 * Restore a backup or load a JSON export (issue #15 item 5): what the file holds first — records per
 * kind, when it was made, which version wrote it — then one confirmation. A file that cannot be
 * loaded (a newer version's, not ours) is refused here with the backend's sentence, before any button.
 */
export function RestoreDialog({ source, onClose, onRestored }: Props) {
  const [summary, setSummary] = useState<RestoreSummary | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    api.call('restore-inspect', source).then(setSummary, (e: Error) => setError(e.message))
  }, [source])
  const restore = () => {
    setBusy(true)
    setError(undefined)
    api.call('restore-apply', source).then(
      (r) => {
        onRestored(r)
        onClose()
      },
      (e: Error) => {
        setBusy(false)
        setError(e.message)
      }
    )
  }
  const what = source.backup !== undefined ? 'backup' : 'export'
  return (
    <Dialog title={source.backup !== undefined ? 'Restore this backup?' : 'Load this JSON export?'} onClose={onClose} variant="modal" testId="restore-dialog">
      <div className="dialog-body">
        {summary === undefined && error === undefined && <p role="status">Reading the file…</p>}
        {summary !== undefined && (
          <>
            <p>
              <strong>{summary.name}</strong>
              <br />
              Made {summary.madeAt ? format.datetime(summary.madeAt) : 'at an unknown time'} by {summary.madeBy}.
            </p>
            <table className="tx-table" data-testid="restore-counts">
              <caption className="sr-only">Records in the {what}</caption>
              <thead>
                <tr>
                  <th scope="col">Records</th>
                  <th scope="col" className="tx-num">
                    In the {what}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.counts.map((c) => (
                  <tr key={c.kind}>
                    <td>{c.label}</td>
                    <td className="tx-num">{c.count.toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              Every record in this workspace is replaced by the {what}&rsquo;s. A backup of the current state is made first, so <strong>Undo restore</strong>{' '}
              brings it back.
            </p>
          </>
        )}
        {error !== undefined && (
          <p className="form-error" role="alert" data-testid="restore-error">
            {error}
          </p>
        )}
      </div>
      <footer className="dialog-foot">
        <button type="button" className="btn" onClick={onClose} data-autofocus>
          Cancel
        </button>
        {summary !== undefined && (
          <button type="button" className="btn btn-danger-solid" disabled={busy} onClick={restore} data-testid="restore-confirm">
            {busy ? 'Restoring…' : source.backup !== undefined ? 'Restore' : 'Load'}
          </button>
        )}
      </footer>
    </Dialog>
  )
}
