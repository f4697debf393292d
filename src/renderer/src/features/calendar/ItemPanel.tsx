import { useId, useMemo, useState } from 'react'
import type { FieldIssue } from '../../../../core/domain/recordKind'
import { zonedTime } from '../../../../core/calendar/zonedTime'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { FieldInput } from '../../components/FieldInput'
import type { RefOptions } from '../../components/fieldSpec'
import { changedFields, draftIssues, fromDraft, localZone, toDraft, type Draft } from '../../components/formValues'
import { isNullable, issuesByField, validateRecord } from '../../components/validateRecord'
import { contentFields } from './contentFields'
import { RepeatForm } from './RepeatForm'

type Props = { id: string; refOptions: RefOptions; names: ReadonlyMap<string, string>; onClose: () => void; onMessage: (t: string, tone: 'ok' | 'error') => void }

/**
 * The side panel: every field of one item, the policy checklist, who approved it and when, and the
 * series controls. Saves through `calendar-update`, so an edit here is one undo step like a drag.
 */
export function ItemPanel({ id, refOptions, names, onClose, onMessage }: Props) {
  const rec = useQuery('content-get', { id })
  const policy = useQuery('calendar-policy-get', {})
  const formId = useId()
  const base = useMemo(() => (rec.data ?? {}) as Record<string, unknown>, [rec.data])
  const [draft, setDraft] = useState<Draft>({})
  const [checklist, setChecklist] = useState<Record<string, boolean>>({})
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const [series, setSeries] = useState(false)
  const [saving, setSaving] = useState(false)

  // Reset the draft when the record (re)loads: derived state set during render, not in an effect.
  const [loaded, setLoaded] = useState<unknown>(undefined)
  if (rec.data !== undefined && rec.data !== loaded) {
    setLoaded(rec.data)
    setDraft(toDraft(contentFields, rec.data as Record<string, unknown>))
    setChecklist({ ...rec.data.checklist })
    setIssues([])
  }

  if (!rec.data) return <aside className="item-panel" data-testid="item-panel"><p className="subtle">Loading…</p></aside>
  const item = rec.data
  const names_ = contentFields.map((f) => f.name).concat(['publishZone', 'checklist', 'approvedAt'])
  const { byField, rest } = issuesByField(issues, names_)

  const save = async () => {
    const values: Record<string, unknown> = { ...fromDraft(contentFields, draft, (n) => isNullable('content', n)), checklist }
    const client = [...draftIssues(contentFields, draft), ...validateRecord('content', { ...base, ...values })]
    if (client.length) return setIssues(client)
    const set = changedFields(values, base)
    if (Object.keys(set).length === 0) return onClose()
    setSaving(true)
    try {
      await api.call('calendar-update', { ids: [id], set, scope: series ? 'series' : 'one', label: `edit "${String(values.title ?? item.title)}"` })
      onMessage('Saved', 'ok')
      onClose()
    } catch (e) {
      if (e instanceof ApiError) {
        setIssues(e.issues.map((i) => ({ ...i, path: i.path[0] === 'set' ? i.path.slice(1) : i.path })))
        onMessage(e.message, 'error')
      } else onMessage(String(e), 'error')
    } finally {
      setSaving(false)
    }
  }

  const zoneHint = item.publishAt && item.publishZone ? `${zonedTime.toWallClock(item.publishAt, item.publishZone).time} in ${item.publishZone}; ${zonedTime.toWallClock(item.publishAt, localZone()).time} your time (${localZone()})` : undefined

  return (
    <aside className="item-panel" aria-label={`Edit ${item.title}`} data-testid="item-panel" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header className="item-panel-head">
        <h2>{item.title}</h2>
        <button type="button" className="btn btn-ghost btn-sm" aria-label="Close panel" onClick={onClose}>
          ✕
        </button>
      </header>
      {item.approvedAt && (
        <p className="approval-stamp" data-testid="approval-stamp">
          Approved by <strong>{names.get(item.approverId ?? '') ?? 'unknown'}</strong> on {new Date(item.approvedAt).toLocaleString()}
        </p>
      )}
      {zoneHint && <p className="subtle small">{zoneHint}</p>}
      <form className="form-grid item-form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
        {contentFields.map((f) => {
          const fid = `${formId}-${f.name}`
          const error = byField[f.name] ?? (f.input === 'datetime' && f.zoneField ? byField[f.zoneField] : undefined)
          return (
            <div key={f.name} className={`field${f.wide || f.input === 'textarea' ? ' field-wide' : ''}`}>
              <label htmlFor={fid}>{f.label}</label>
              <FieldInput field={f} draft={draft} id={fid} error={error} errorId={`${fid}-e`} nullable={isNullable('content', f.name)} refOptions={refOptions} onChange={(n, v) => setDraft((d) => ({ ...d, [n]: v }))} />
              {error !== undefined && <p className="field-error" id={`${fid}-e`} data-testid={`field-error-${f.name}`}>{error}</p>}
            </div>
          )
        })}
        <fieldset className="field field-wide checklist" data-testid="checklist">
          <legend>Policy checklist (needed for approval)</legend>
          {(policy.data?.checklist ?? []).map((c) => (
            <label key={c.id} className="filter-opt">
              <input type="checkbox" checked={checklist[c.id] === true} onChange={(e) => setChecklist((x) => ({ ...x, [c.id]: e.target.checked }))} /> {c.label}
            </label>
          ))}
          {byField.checklist !== undefined && <p className="field-error" data-testid="field-error-checklist">{byField.checklist}</p>}
        </fieldset>
        {rest.length > 0 && <div className="form-error" role="alert">{rest.map((i) => <p key={i.path.join('.') + i.message}>{i.message}</p>)}</div>}
        <div className="field field-wide item-panel-foot">
          {item.seriesId && (
            <label className="filter-opt">
              <input type="checkbox" checked={series} onChange={(e) => setSeries(e.target.checked)} /> Apply to every open occurrence of the series
            </label>
          )}
          <button type="submit" className="btn btn-primary" disabled={saving} data-testid="panel-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
      <RepeatForm item={item} onMessage={onMessage} />
    </aside>
  )
}
