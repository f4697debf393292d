import { useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import { ApiError } from '../../api/ApiError'
import { useQuery } from '../../api/useQuery'

type Item = { id: string; label: string }
type Draft = { checklist: Item[]; clashWindowHours: string; requireOtherApprover: boolean; requireTasksDone: boolean }

/** An id for a new checklist item from its label ('Links tracked (UTM)' → 'links_tracked_utm'), unique in the list. */
function idFor(label: string, taken: Set<string>): string {
  const base = (label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'item').replace(/^[^a-z]+/, 'item_').slice(0, 50)
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`
  return id
}

/**
 * Governance: the checklist every item needs ticked before it can be approved, the four-eyes rule,
 * and how close two items on a channel may sit before the calendar warns. Team data, so it syncs.
 */
export function PolicyCard() {
  const policy = useQuery('calendar-policy-get', {})
  const p = policy.data
  // Held here, not in the form: the first save creates the policy record, its id keys the form, and
  // a note kept inside would vanish with the remount as soon as the fresh policy arrived.
  const [saved, setSaved] = useState(false)
  return (
    <section className="card" aria-labelledby="settings-policy" data-testid="policy-card">
      <h2 id="settings-policy">Publishing policy</h2>
      <p className="muted">Before an item can move to Approved, every point is ticked and the approver is someone other than its owner.</p>
      {p === undefined ? (
        <p className="muted">{policy.error?.message ?? 'Loading…'}</p>
      ) : (
        <PolicyForm key={p.id ?? 'default'} saved={saved} onSaved={setSaved} initial={{ checklist: p.checklist, clashWindowHours: String(p.clashWindowHours), requireOtherApprover: p.requireOtherApprover, requireTasksDone: p.requireTasksDone }} />
      )}
    </section>
  )
}

function PolicyForm({ initial, saved, onSaved }: { initial: Draft; saved: boolean; onSaved: (saved: boolean) => void }) {
  const [draft, setDraft] = useState<Draft>(initial)
  const [newLabel, setNewLabel] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})

  const setItem = (i: number, label: string) => setDraft({ ...draft, checklist: draft.checklist.map((it, j) => (j === i ? { ...it, label } : it)) })
  const remove = (i: number) => setDraft({ ...draft, checklist: draft.checklist.filter((_, j) => j !== i) })
  const add = () => {
    const label = newLabel.trim()
    if (label === '') return
    const id = idFor(label, new Set(draft.checklist.map((c) => c.id)))
    setDraft({ ...draft, checklist: [...draft.checklist, { id, label }] })
    setNewLabel('')
  }

  const save = async (e: FormEvent) => {
    e.preventDefault()
    onSaved(false)
    const hours = draft.clashWindowHours.trim() === '' ? Number.NaN : Number(draft.clashWindowHours)
    try {
      await api.call('calendar-policy-set', { checklist: draft.checklist, clashWindowHours: hours, requireOtherApprover: draft.requireOtherApprover, requireTasksDone: draft.requireTasksDone })
      setErrors({})
      onSaved(true)
    } catch (err) {
      if (err instanceof ApiError) setErrors(Object.fromEntries(err.issues.map((i) => [i.path.join('.'), i.message])))
    }
  }

  return (
    <form className="form" onSubmit={(e) => void save(e)} style={{ marginTop: 10 }}>
      <ol className="policy-list" aria-label="Checklist">
        {draft.checklist.map((item, i) => (
          <li key={item.id}>
            <input className="input" aria-label={`Checklist point ${i + 1}`} value={item.label} onChange={(e) => setItem(i, e.target.value)} />
            <button type="button" className="btn btn-ghost" aria-label={`Remove “${item.label}”`} onClick={() => remove(i)}>
              Remove
            </button>
            {errors[`checklist.${i}.label`] !== undefined && <p className="field-error">{errors[`checklist.${i}.label`]}</p>}
          </li>
        ))}
      </ol>
      <div className="policy-add">
        <input
          className="input"
          aria-label="New checklist point"
          placeholder="Add a point, e.g. Legal reviewed claims about customers"
          value={newLabel}
          onChange={(e) => setNewLabel(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              add()
            }
          }}
        />
        <button type="button" className="btn" onClick={add} disabled={newLabel.trim() === ''}>
          Add point
        </button>
      </div>
      <div className="form-grid" style={{ marginTop: 12 }}>
        <div className="field">
          <label htmlFor="policy-clash">Clash window (hours)</label>
          <input id="policy-clash" className="input" inputMode="decimal" value={draft.clashWindowHours} onChange={(e) => setDraft({ ...draft, clashWindowHours: e.target.value })} />
          <p className="field-help subtle">Two items on one channel closer than this are marked as a clash</p>
          {errors.clashWindowHours !== undefined && <p className="field-error">{errors.clashWindowHours}</p>}
        </div>
        <div className="field field-check">
          <label htmlFor="policy-four-eyes">
            <input id="policy-four-eyes" type="checkbox" className="checkbox" checked={draft.requireOtherApprover} onChange={(e) => setDraft({ ...draft, requireOtherApprover: e.target.checked })} />{' '}
            The approver must be someone other than the owner
          </label>
        </div>
        <div className="field field-check">
          <label htmlFor="policy-tasks-done">
            <input id="policy-tasks-done" type="checkbox" className="checkbox" checked={draft.requireTasksDone} onChange={(e) => setDraft({ ...draft, requireTasksDone: e.target.checked })} />{' '}
            All of an item's workback tasks must be done before it is approved
          </label>
        </div>
      </div>
      {errors.checklist !== undefined && <p className="field-error">{errors.checklist}</p>}
      <footer className="dialog-foot" style={{ justifyContent: 'flex-start' }}>
        <button type="submit" className="btn btn-primary">
          Save policy
        </button>
        {saved && <span className="subtle">Saved. New approvals follow it.</span>}
      </footer>
    </form>
  )
}
