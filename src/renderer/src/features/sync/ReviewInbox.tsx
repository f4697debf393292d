import { useEffect, useState } from 'react'
import type { SyncReviewItem } from '../../../../core/api/methods/syncMethods'
import { api } from '../../api/client'
import { ApiError } from '../../api/ApiError'
import { useQuery } from '../../api/useQuery'
import { textDiff } from './textDiff'

type Json = SyncReviewItem['base']

const show = (v: Json): string => (v === null || v === '' ? '(empty)' : typeof v === 'string' ? v : JSON.stringify(v))

/** Needs review: the same list on every device; each choice writes one op that clears it everywhere. */
export function ReviewInbox() {
  const list = useQuery('sync-review-list', {})
  const { refetch } = list
  // A dismissed bulk deletion changes no record, only the inbox: listen for sync events too.
  useEffect(() => api.subscribe('sync-changed', () => refetch()), [refetch])
  const items = list.data ?? []
  return (
    <div className="sync-inbox" data-testid="sync-review">
      <h3 className="sync-h3">
        Needs review {items.length > 0 && <span className="badge badge-accent">{items.length}</span>}
      </h3>
      {list.error !== undefined && <p className="form-error sync-error">{list.error.message}</p>}
      {items.length === 0 ? (
        <p className="subtle">Nothing to review. When two people change the same field while apart, both values are kept and shown here.</p>
      ) : (
        <ul className="sync-items">
          {items.map((item) => (
            <ReviewItem key={item.id} item={item} />
          ))}
        </ul>
      )}
    </div>
  )
}

function ReviewItem({ item }: { item: SyncReviewItem }) {
  const shown = item.candidates.find((c) => c.shown)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(typeof shown?.value === 'string' ? shown.value : JSON.stringify(shown?.value ?? ''))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const resolve = async (input: { action: 'keep' | 'edit' | 'restore' | 'keep-deleted' | 'dismiss'; headId?: string; value?: Json }) => {
    setBusy(true)
    setError(null)
    try {
      await api.call('sync-review-resolve', { id: item.id, ...input })
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
      setBusy(false)
    }
  }
  const editValue = (): Json => {
    if (typeof shown?.value === 'string' || shown?.value === undefined) return draft
    try {
      return JSON.parse(draft) as Json
    } catch {
      return draft
    }
  }
  const [a, b] = item.candidates
  const diff = item.long && a && b && typeof a.value === 'string' && typeof b.value === 'string' ? textDiff(a.value, b.value) : null
  return (
    <li className="sync-item" data-testid="sync-review-item">
      <div className="sync-item-head">
        <span className="badge">{item.recordLabel}</span>
        <b>{item.title}</b>
        {item.field !== '' && <span className="subtle">· {item.field}</span>}
        <span className="subtle sync-item-summary">{item.summary}</span>
      </div>
      {item.kind === 'field' && (
        <>
          <p className="subtle sync-base">
            Before both changes: <span className="sync-value">{show(item.base)}</span>
          </p>
          <div className="sync-candidates">
            {item.candidates.map((c, i) => (
              <div key={c.headId} className={`sync-candidate${c.shown ? ' is-shown' : ''}`}>
                <div className="sync-candidate-head">
                  <span>
                    {c.author} · {new Date(c.at).toLocaleString()}
                  </span>
                  {c.shown && <span className="badge badge-ok">Shown now</span>}
                </div>
                {diff ? (
                  <pre className="sync-diff">
                    {(i === 0 ? diff.left : i === 1 ? diff.right : []).map((l, k) => (
                      <span key={k} className={l.changed ? 'is-changed' : undefined}>
                        {l.text + '\n'}
                      </span>
                    ))}
                  </pre>
                ) : (
                  <div className="sync-value">{show(c.value)}</div>
                )}
                <button type="button" className="btn" disabled={busy} onClick={() => void resolve({ action: 'keep', headId: c.headId })} data-testid="sync-keep">
                  Keep this one
                </button>
              </div>
            ))}
          </div>
          {editing ? (
            <div className="sync-edit">
              <textarea className="input" rows={item.long ? 6 : 2} value={draft} onChange={(e) => setDraft(e.target.value)} aria-label="Merged value" />
              <div className="sync-actions">
                <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void resolve({ action: 'edit', value: editValue() })}>
                  Save merged value
                </button>
                <button type="button" className="btn btn-ghost" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="btn btn-ghost" onClick={() => setEditing(true)}>
              Edit…
            </button>
          )}
        </>
      )}
      {item.kind === 'deleted-while-edited' && (
        <div className="sync-actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void resolve({ action: 'restore' })}>
            Restore it
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void resolve({ action: 'keep-deleted' })}>
            Keep deleted
          </button>
        </div>
      )}
      {item.kind === 'bulk-delete' && (
        <div className="sync-actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void resolve({ action: 'restore' })}>
            Restore all {item.rows}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void resolve({ action: 'dismiss' })}>
            The deletion was intended
          </button>
        </div>
      )}
      {error !== null && <p className="field-error">{error}</p>}
    </li>
  )
}
