import { useRef, useState } from 'react'
import type { RestoreSource } from '../../../../core/api/methods/restoreMethods'
import type { BackupEntry } from '../../../../core/api/methods/transferMethods'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { format } from '../../components/format'
import { downloadText } from './downloadText'
import { RestoreDialog } from './RestoreDialog'
import './transfer.css'

const reasons: Record<string, string> = {
  daily: 'Daily (automatic)',
  manual: 'Made by hand',
  migration: 'Before an update',
  'before-restore': 'Before a restore',
  other: 'Copied in'
}

const size = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`)

/** Settings → Backups: the copies in the workspace's backups folder, one made now, everything as JSON. */
export function BackupsCard() {
  const list = useQuery('backup-list', {})
  const [busy, setBusy] = useState<'backup' | 'json' | undefined>(undefined)
  const [message, setMessage] = useState<{ text: string; ok: boolean } | undefined>(undefined)
  const [restoring, setRestoring] = useState<RestoreSource | undefined>(undefined)
  // The copy taken just before the last restore: restoring it is "Undo restore".
  const [undo, setUndo] = useState<{ restored: string; safety: BackupEntry } | undefined>(undefined)
  const jsonInput = useRef<HTMLInputElement>(null)
  const loadJson = async (file: File | undefined): Promise<void> => {
    if (!file) return
    setRestoring({ json: await file.text(), fileName: file.name })
    if (jsonInput.current) jsonInput.current.value = ''
  }
  const act = async (what: 'backup' | 'json'): Promise<void> => {
    setBusy(what)
    try {
      if (what === 'backup') {
        const b = await api.call('backup-create', {})
        setMessage({ text: `Backed up to ${b.name}`, ok: true })
        await list.refetch()
      } else {
        const j = await api.call('export-json', {})
        downloadText(j.fileName, j.json, 'application/json')
        setMessage({ text: `Downloaded ${j.fileName}`, ok: true })
      }
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), ok: false })
    } finally {
      setBusy(undefined)
    }
  }
  const items = list.data?.items ?? []
  return (
    <section className="card" aria-labelledby="settings-backups" data-testid="backups">
      <h2 id="settings-backups">Backups</h2>
      <p className="muted">
        A copy of the workspace is made on this computer every day it is opened (the last 7 days and one per month for 6 months are kept). To go back to one,
        choose <strong>Restore…</strong> beside it; a copy of the current state is made first, so the restore can be undone.
      </p>
      <div className="tx-actions">
        <button type="button" className="btn btn-primary" disabled={busy !== undefined} onClick={() => void act('backup')} data-testid="backup-now">
          {busy === 'backup' ? 'Backing up…' : 'Back up now'}
        </button>
        <button type="button" className="btn" disabled={busy !== undefined} onClick={() => void act('json')} title="Every record as one JSON file; `smo import --all` loads it into an empty workspace">
          {busy === 'json' ? 'Exporting…' : 'Export everything (JSON)'}
        </button>
        <button type="button" className="btn" disabled={busy !== undefined} onClick={() => jsonInput.current?.click()} data-testid="restore-json">
          Load a JSON export…
        </button>
        <input ref={jsonInput} type="file" accept=".json,application/json" hidden aria-label="JSON export to load" onChange={(e) => void loadJson(e.target.files?.[0])} data-testid="restore-json-file" />
        {message !== undefined && (
          <span role="status" className={message.ok ? 'tx-ok' : 'field-error'}>
            {message.text}
          </span>
        )}
      </div>
      {undo !== undefined && (
        <p className="tx-undo" role="status" data-testid="restore-done">
          Restored {undo.restored}. The state before it is kept as {undo.safety.name}.{' '}
          <button type="button" className="btn" onClick={() => setRestoring({ backup: undo.safety.name })} data-testid="restore-undo">
            Undo restore
          </button>
        </p>
      )}
      {restoring !== undefined && (
        <RestoreDialog
          source={restoring}
          onClose={() => setRestoring(undefined)}
          onRestored={(r) => {
            setMessage(undefined)
            // Undoing an undo is offered too: the copy taken before this restore is now the way back.
            setUndo({ restored: r.summary.name, safety: r.safetyBackup })
            void list.refetch()
          }}
        />
      )}
      {list.error !== undefined && <p className="field-error">Could not list the backups: {list.error.message}</p>}
      {list.data !== undefined && (
        <>
          <p className="subtle tx-folder">
            In <code>{list.data.folder}</code>
          </p>
          {items.length === 0 ? (
            <p className="muted">No backups yet.</p>
          ) : (
            <div className="tx-sample-wrap tx-backups">
              <table className="tx-table" data-testid="backup-list">
                <thead>
                  <tr>
                    <th>Made</th>
                    <th>Why</th>
                    <th className="tx-num">Size</th>
                    <th>File</th>
                    <th>
                      <span className="sr-only">Restore</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((b) => (
                    <tr key={b.name}>
                      <td>{format.datetime(b.createdAt)}</td>
                      <td>{reasons[b.reason] ?? b.reason}</td>
                      <td className="tx-num">{size(b.size)}</td>
                      <td className="tx-example" title={b.path}>
                        <code>{b.name}</code>
                      </td>
                      <td>
                        <button type="button" className="btn" onClick={() => setRestoring({ backup: b.name })} data-testid="restore-backup" aria-label={`Restore the backup made ${format.datetime(b.createdAt)}`}>
                          Restore…
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  )
}
