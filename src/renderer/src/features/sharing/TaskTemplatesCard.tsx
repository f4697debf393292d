import { useState } from 'react'
import { enums, labelOf } from '../../../../core/domain/enums'
import type { TemplateStep } from '../../../../core/domain/taskTemplate'
import { ApiError } from '../../api/ApiError'
import { api, type KindRecord } from '../../api/client'
import { useRecords } from '../../api/useRecords'
import './sharing.css'

type Template = KindRecord<'taskTemplate'>
type Draft = { id: string | null; name: string; channelId: string; format: string; steps: (Omit<TemplateStep, 'offsetDays' | 'hours'> & { offsetDays: string; hours: string })[] }

const blank = (): Draft => ({ id: null, name: '', channelId: '', format: '', steps: [newStep([], 'Brief', '-10')] })

/** A step key from its title ('Legal review' → 'legal_review'), unique among the others. */
function keyFor(title: string, taken: readonly string[]): string {
  const base = (title.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'step').replace(/^[^a-z]+/, 's_').slice(0, 34)
  let key = base
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`
  return key
}
function newStep(taken: readonly string[], title = '', offsetDays = '-1'): Draft['steps'][number] {
  return { key: keyFor(title || 'step', taken), title, offsetDays, hours: '1', assigneeId: null, assigneeRole: '', after: [], gatesApproval: true }
}
const toDraft = (t: Template): Draft => ({
  id: t.id, name: t.name, channelId: t.channelId ?? '', format: t.format ?? '',
  steps: t.steps.map((s) => ({ ...s, offsetDays: String(s.offsetDays), hours: String(s.hours) }))
})

/**
 * Workback templates per channel or format: steps counted back from the publish day, each for a
 * member or a role ("item owner" = whoever owns the item), optionally waiting for other steps.
 * The backend refuses a step after the publish day or a cycle of waits, naming the step.
 */
export function TaskTemplatesCard() {
  const templates = useRecords('taskTemplate')
  const channels = useRecords('channel')
  const members = useRecords('member')
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)

  const setStep = (i: number, patch: Partial<Draft['steps'][number]>) =>
    draft && setDraft({ ...draft, steps: draft.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) })

  const save = async () => {
    if (!draft) return
    const values = {
      name: draft.name, channelId: draft.channelId || null, format: draft.format === '' ? null : (draft.format as Template['format']),
      steps: draft.steps.map((s) => ({ ...s, offsetDays: s.offsetDays.trim() === '' ? Number.NaN : Number(s.offsetDays), hours: s.hours.trim() === '' ? 0 : Number(s.hours) }))
    }
    try {
      if (draft.id === null) await api.call('task-template-create', values)
      else await api.call('task-template-update', { id: draft.id, ...values })
      setErrors({})
      setMessage(`Saved "${draft.name}"`)
      setDraft(null)
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(Object.fromEntries(e.issues.map((i) => [i.path.slice(0, 2).join('.'), i.message])))
        setMessage(e.message)
      } else setMessage(String(e))
    }
  }

  return (
    <section className="card" style={{ gridColumn: "1 / -1" }} aria-labelledby="settings-templates" data-testid="templates-card">
      <h2 id="settings-templates">Task templates</h2>
      <p className="muted">Workback plans for a channel or format: each step is due a number of days before the publish date and moves with the item until it is done.</p>
      {message && <p className="subtle" role="status">{message}</p>}
      <ul className="template-list">
        {(templates.data?.items ?? []).map((t) => (
          <li key={t.id}>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => (setDraft(toDraft(t)), setErrors({}), setMessage(null))}>{t.name}</button>
            <span className="subtle small"> {t.steps.map((s) => `${s.title} ${s.offsetDays}`).join(' · ')}</span>
          </li>
        ))}
      </ul>
      {draft === null ? (
        <button type="button" className="btn" onClick={() => (setDraft(blank()), setErrors({}), setMessage(null))}>New template</button>
      ) : (
        <form className="form template-form" onSubmit={(e) => (e.preventDefault(), void save())}>
          <div className="template-row">
            <input className="input" aria-label="Template name" placeholder="Name, e.g. Blog article workback" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            <select className="select" aria-label="For channel" value={draft.channelId} onChange={(e) => setDraft({ ...draft, channelId: e.target.value })}>
              <option value="">Any channel</option>
              {(channels.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
            <select className="select" aria-label="For format" value={draft.format} onChange={(e) => setDraft({ ...draft, format: e.target.value })}>
              <option value="">Any format</option>
              {enums.contentFormat.options.map((f) => <option key={f} value={f}>{labelOf(f)}</option>)}
            </select>
          </div>
          {errors.name && <p className="field-error">{errors.name}</p>}
          {errors.steps && <p className="field-error">{errors.steps}</p>}
          <table className="template-steps">
            <thead>
              <tr><th>Step</th><th>Days before publishing</th><th>Hours</th><th>Who</th><th>Waits for</th><th>Gates approval</th><th /></tr>
            </thead>
            <tbody>
              {draft.steps.map((s, i) => (
                <tr key={i}>
                  <td>
                    <input className="input input-sm" aria-label={`Step ${i + 1} title`} value={s.title} onChange={(e) => setStep(i, { title: e.target.value })} />
                    {errors[`steps.${i}`] && <p className="field-error">{errors[`steps.${i}`]}</p>}
                  </td>
                  <td><input className="input input-sm" inputMode="numeric" aria-label={`Step ${i + 1} days relative to publishing`} value={s.offsetDays} onChange={(e) => setStep(i, { offsetDays: e.target.value })} /></td>
                  <td><input className="input input-sm" inputMode="decimal" aria-label={`Step ${i + 1} hours`} value={s.hours} onChange={(e) => setStep(i, { hours: e.target.value })} /></td>
                  <td>
                    <select className="select select-sm" aria-label={`Step ${i + 1} assignee`} value={s.assigneeId ?? `role:${s.assigneeRole}`} onChange={(e) => setStep(i, e.target.value.startsWith('role:') ? { assigneeId: null, assigneeRole: e.target.value.slice(5) } : { assigneeId: e.target.value, assigneeRole: '' })}>
                      <option value="role:">Unassigned</option>
                      <option value="role:item owner">The item's owner</option>
                      {['approver', 'editor', 'contributor'].map((r) => <option key={r} value={`role:${r}`}>Any {r} (if only one)</option>)}
                      {s.assigneeRole !== '' && !['item owner', 'approver', 'editor', 'contributor'].includes(s.assigneeRole) && <option value={`role:${s.assigneeRole}`}>{s.assigneeRole}</option>}
                      {(members.data?.items ?? []).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
                    </select>
                  </td>
                  <td>
                    <select multiple className="select select-sm" aria-label={`Step ${i + 1} waits for`} value={s.after} onChange={(e) => setStep(i, { after: [...e.target.selectedOptions].map((o) => o.value) })}>
                      {draft.steps.filter((o) => o.key !== s.key).map((o) => <option key={o.key} value={o.key}>{o.title || o.key}</option>)}
                    </select>
                  </td>
                  <td><input type="checkbox" aria-label={`Step ${i + 1} must be done before approval`} checked={s.gatesApproval} onChange={(e) => setStep(i, { gatesApproval: e.target.checked })} /></td>
                  <td><button type="button" className="btn btn-ghost btn-sm" aria-label={`Remove step ${i + 1}`} onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, j) => j !== i).map((o) => ({ ...o, after: o.after.filter((k) => k !== s.key) })) })}>Remove</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <footer className="dialog-foot" style={{ justifyContent: 'flex-start' }}>
            <button type="button" className="btn" onClick={() => setDraft({ ...draft, steps: [...draft.steps, newStep(draft.steps.map((s) => s.key))] })}>Add step</button>
            <button type="submit" className="btn btn-primary">Save template</button>
            <button type="button" className="btn" onClick={() => (setDraft(null), setErrors({}))}>Cancel</button>
            {draft.id !== null && (
              <button type="button" className="btn btn-danger" onClick={() => void api.call('task-template-delete', { id: draft.id ?? '' }).then(() => (setDraft(null), setMessage(`Deleted "${draft.name}"`)))}>Delete template</button>
            )}
          </footer>
        </form>
      )}
    </section>
  )
}
