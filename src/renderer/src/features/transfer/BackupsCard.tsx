import { useState } from 'react'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { format } from '../../components/format'
import { downloadText } from './downloadText'
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
        quit the app and run <code>smo restore --workspace … --from FILE</code>; the current database is kept too.
      </p>
      <div className="tx-actions">
        <button type="button" className="btn btn-primary" disabled={busy !== undefined} onClick={() => void act('backup')} data-testid="backup-now">
          {busy === 'backup' ? 'Backing up…' : 'Back up now'}
        </button>
        <button type="button" className="btn" disabled={busy !== undefined} onClick={() => void act('json')} title="Every record as one JSON file; `smo import --all` loads it into an empty workspace">
          {busy === 'json' ? 'Exporting…' : 'Export everything (JSON)'}
        </button>
        {message !== undefined && (
          <span role="status" className={message.ok ? 'tx-ok' : 'field-error'}>
            {message.text}
          </span>
        )}
      </div>
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
