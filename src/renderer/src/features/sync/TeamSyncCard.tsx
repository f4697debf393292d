import { useState, type FormEvent } from 'react'
import type { SyncStatus } from '../../../../core/api/methods/syncMethods'
import { api } from '../../api/client'
import { ApiError } from '../../api/ApiError'
import { ReviewInbox } from './ReviewInbox'
import { timeAgo } from './timeAgo'
import { useSyncStatus } from './useSyncStatus'
import './sync.css'

/** Settings → Team sync: set up a team folder, or see how sync is doing and what needs review. */
export function TeamSyncCard() {
  const status = useSyncStatus()
  return (
    <section className="card sync-card" aria-labelledby="settings-sync" data-testid="team-sync">
      <h2 id="settings-sync">Team sync</h2>
      {status.data === undefined ? (
        <p className="muted">{status.error?.message ?? 'Loading…'}</p>
      ) : status.data.configured ? (
        <SyncOverview status={status.data} />
      ) : (
        <SetupForm deviceName={status.data.deviceName} />
      )}
    </section>
  )
}

function SetupForm({ deviceName }: { deviceName: string }) {
  const [mode, setMode] = useState<'create' | 'join'>('join')
  const [folder, setFolder] = useState('')
  const [name, setName] = useState(deviceName)
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await api.call('sync-setup', { mode, folder, passphrase: passphrase === '' ? undefined : passphrase, deviceName: name.trim() === '' ? undefined : name.trim() })
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="sync-setup">
      <p className="muted">
        Share this workspace through a folder your team already syncs (Dropbox, OneDrive, Google Drive, a network share or a USB stick). No server: each
        computer writes only its own files in the folder, and edits made at the same time are kept for review, never silently lost.
      </p>
      <div className="segmented" role="radiogroup" aria-label="Create or join">
        <label>
          <input type="radio" name="sync-mode" checked={mode === 'join'} onChange={() => setMode('join')} />
          Join the team in a folder
        </label>
        <label>
          <input type="radio" name="sync-mode" checked={mode === 'create'} onChange={() => setMode('create')} />
          Create a team
        </label>
      </div>
      <div className="sync-fields">
        <div className="field">
          <label htmlFor="sync-folder">Shared folder</label>
          <input id="sync-folder" className="input" value={folder} placeholder="/Users/priya/Dropbox/Marketing" onChange={(e) => setFolder(e.target.value)} />
          <p className="field-help subtle">The app keeps its files in an “SMO Desk Team” folder inside it.</p>
        </div>
        <div className="field">
          <label htmlFor="sync-device-name">This device’s name</label>
          <input id="sync-device-name" className="input" value={name} placeholder="Priya’s laptop" onChange={(e) => setName(e.target.value)} />
          <p className="field-help subtle">What teammates see next to your edits.</p>
        </div>
        <div className="field">
          <label htmlFor="sync-passphrase">Team passphrase (optional)</label>
          <input id="sync-passphrase" className="input" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          <p className="field-help subtle">{mode === 'create' ? 'Encrypts the shared files. Keep it safe: a lost passphrase cannot be recovered.' : 'Needed if the team set one.'}</p>
        </div>
      </div>
      {error !== null && (
        <p className="form-error sync-error" role="alert" data-testid="sync-setup-error">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy || folder.trim() === ''} data-testid="sync-setup-submit">
          {busy ? 'Setting up…' : mode === 'create' ? 'Create team' : 'Join team'}
        </button>
      </div>
    </form>
  )
}

function SyncOverview({ status }: { status: SyncStatus }) {
  const [busy, setBusy] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const [name, setName] = useState(status.deviceName)
  const [error, setError] = useState<string | null>(null)
  const [snapNote, setSnapNote] = useState<string | null>(null)
  const writeSnapshot = async (): Promise<void> => {
    const r = await api.call('sync-now', { snapshot: true })
    setSnapNote(r.snapshot.created ? 'Snapshot written: new members start from it.' : 'No snapshot written: every edit must reach the shared folder first.')
  }
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }
  const locked = status.problems.some((p) => p.code === 'wrong-passphrase')
  const teammates = status.devices.filter((d) => !d.self)
  return (
    <div className="sync-overview">
      <div className="sync-summary">
        <div>
          <b data-testid="sync-last">{timeAgo(status.lastSyncAt)}</b>
          <span>Last sync</span>
        </div>
        <div>
          <b data-testid="sync-waiting">{status.waiting}</b>
          <span>Edits waiting to be shared</span>
        </div>
        <div>
          <b data-testid="sync-review-count">{status.review}</b>
          <span>Need review</span>
        </div>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run(() => api.call('sync-now', {}))} data-testid="sync-now">
          {busy ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      {error !== null && <p className="form-error sync-error">{error}</p>}
      {status.problems.length > 0 && (
        <ul className="sync-problems" data-testid="sync-problems">
          {status.problems.map((p) => (
            <li key={p.code + p.detail}>{p.message}</li>
          ))}
        </ul>
      )}
      {locked && (
        <form className="sync-inline" onSubmit={(e) => (e.preventDefault(), void run(() => api.call('sync-unlock', { passphrase })))}>
          <input className="input" type="password" aria-label="Team passphrase" placeholder="Team passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          <button type="submit" className="btn" disabled={busy || passphrase === ''}>
            Unlock
          </button>
        </form>
      )}
      <dl className="kv">
        <dt>Shared folder</dt>
        <dd>
          <code>{status.folder}</code> {status.encrypted && <span className="badge badge-ok">Encrypted</span>}
          {status.encrypted && (
            <p className="field-help subtle" data-testid="sync-key-protection">
              {status.keyProtection === 'os-keychain'
                ? 'This computer keeps the team key in its keychain.'
                : 'This computer keeps the team key in a file only your user account can read (no keychain here).'}
            </p>
          )}
        </dd>
        <dt>This device</dt>
        <dd>
          <form className="sync-inline" onSubmit={(e) => (e.preventDefault(), void run(() => api.call('sync-device-name', { name })))}>
            <input className="input" aria-label="This device’s name" value={name} onChange={(e) => setName(e.target.value)} />
            <button type="submit" className="btn" disabled={busy || name.trim() === '' || name === status.deviceName}>
              Rename
            </button>
          </form>
        </dd>
        <dt>Team snapshot</dt>
        <dd>
          <div className="sync-inline">
            <button type="button" className="btn" disabled={busy} onClick={() => void run(writeSnapshot)} data-testid="sync-snapshot">
              Write a snapshot now
            </button>
            <span className="subtle" data-testid="sync-snapshot-note">
              {snapNote ??
                (status.snapshot
                  ? `Latest: ${timeAgo(status.snapshot.at)}, written by ${status.snapshot.by}. New members start from it; another is written by itself every 200,000 edits or 30 days.`
                  : 'New members load the latest snapshot instead of every change ever made. One is written by itself every 200,000 edits or 30 days.')}
            </span>
          </div>
        </dd>
      </dl>
      <h3 className="sync-h3">Teammates’ devices</h3>
      {teammates.length === 0 ? (
        <p className="subtle">No other device has synced yet. Teammates join from Settings → Team sync with the same folder.</p>
      ) : (
        <table className="sync-devices" data-testid="sync-devices">
          <thead>
            <tr>
              <th>Device</th>
              <th>Version</th>
              <th>Has our edits</th>
              <th>Last synced</th>
            </tr>
          </thead>
          <tbody>
            {teammates.map((d) => (
              <tr key={d.dev}>
                <td>{d.name}</td>
                <td>{d.app}</td>
                <td>
                  <Delivery received={d.received} total={status.published} />
                </td>
                <td>{timeAgo(d.lastSeen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ReviewInbox />
    </div>
  )
}

function Delivery({ received, total }: { received: number; total: number }) {
  const share = total === 0 ? 1 : Math.min(1, received / total)
  return (
    <span className="progress" style={{ justifyContent: 'flex-start' }}>
      <span className="progress-track">
        <span className="progress-fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="subtle">{received >= total ? 'All' : `${received} of ${total}`}</span>
    </span>
  )
}
