import { useCallback, useId, useMemo, useState } from 'react'
import type { FieldIssue } from '../../../../core/domain/recordKind'
import { zonedTime } from '../../../../core/calendar/zonedTime'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { FieldInput } from '../../components/FieldInput'
import type { RefOptions } from '../../components/fieldSpec'
import { fromDraft, localZone, toDraft, type Draft } from '../../components/formValues'
import { isNullable, issuesByField, validateRecord } from '../../components/validateRecord'
import { contentFields } from './contentFields'
import { ConflictDialog } from '../../drafts/ConflictDialog'
import { describeValue } from '../../drafts/describeValue'
import type { EditState } from '../../drafts/editSession'
import { RestoreOffer } from '../../drafts/RestoreOffer'
import { useEditSession } from '../../drafts/useEditSession'
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
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const [series, setSeries] = useState(false)
  const [saving, setSaving] = useState(false)
  // The edit survives a reload as a draft, merges changes made elsewhere while open, and saves with
  // the version it was typed against (drafts/useEditSession.ts). The checklist is one more input.
  const session = useEditSession({
    kind: 'content',
    id,
    record: rec.data as Record<string, unknown> | undefined,
    fields: contentFields,
    toDraft: useCallback((r: Record<string, unknown>): Draft => ({ ...toDraft(contentFields, r), checklist: checklistDraft(r.checklist) }), []),
    titleOf: (d) => (typeof d.title === 'string' && d.title !== '' ? d.title : String(rec.data?.title ?? 'this item'))
  })
  const draft = session.draft
  const checklist = checklistOf(draft.checklist)
  const setDraftField = session.setField

  if (!rec.data) return <aside className="item-panel" data-testid="item-panel"><p className="subtle">Loading…</p></aside>
  const item = rec.data
  const names_ = contentFields.map((f) => f.name).concat(['publishZone', 'checklist', 'approvedAt'])
  const { byField, rest } = issuesByField(issues, names_)

  const save = async (from: EditState | undefined) => {
    if (from === undefined) return
    const origin = from.origin
    // An untouched checklist stays exactly as stored (ticks set to false included).
    const ticks = from.draft.checklist === checklistDraft(origin.checklist) ? origin.checklist : checklistOf(from.draft.checklist)
    const values: Record<string, unknown> = { ...fromDraft(contentFields, from.draft, (n) => isNullable('content', n)), checklist: ticks }
    const client = validateRecord('content', { ...base, ...values })
    if (client.length) return setIssues(client)
    const { set, base: editBase } = session.changes(values, from)
    if (Object.keys(set).length === 0) {
      session.finish()
      return onClose()
    }
    setSaving(true)
    try {
      await api.call('calendar-update', { ids: [id], set, scope: series ? 'series' : 'one', label: `edit "${String(values.title ?? item.title)}"`, ...(editBase === undefined ? {} : { base: editBase }) })
      session.finish()
      onMessage('Saved', 'ok')
      onClose()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict' && e.conflict !== undefined) session.setConflict(e.conflict)
      else if (e instanceof ApiError) {
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
      <form className="form-grid item-form" onSubmit={(e) => (e.preventDefault(), void save(session.state))} noValidate>
        {contentFields.map((f) => {
          const fid = `${formId}-${f.name}`
          const error = byField[f.name] ?? (f.input === 'datetime' && f.zoneField ? byField[f.zoneField] : undefined)
          return (
            <div key={f.name} className={`field${f.wide || f.input === 'textarea' ? ' field-wide' : ''}`}>
              <label htmlFor={fid}>{f.label}</label>
              <FieldInput field={f} draft={draft} id={fid} error={error} errorId={`${fid}-e`} nullable={isNullable('content', f.name)} refOptions={refOptions} onChange={setDraftField} />
              {error !== undefined && <p className="field-error" id={`${fid}-e`} data-testid={`field-error-${f.name}`}>{error}</p>}
            </div>
          )
        })}
        <fieldset className="field field-wide checklist" data-testid="checklist">
          <legend>Policy checklist (needed for approval)</legend>
          {(policy.data?.checklist ?? []).map((c) => (
            <label key={c.id} className="filter-opt">
              <input type="checkbox" checked={checklist[c.id] === true} onChange={(e) => setDraftField('checklist', checklistDraft({ ...checklist, [c.id]: e.target.checked }))} /> {c.label}
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
      {session.offer !== undefined && <RestoreOffer draft={session.offer} labelOf={panelLabel} onRestore={session.restore} onDiscard={session.discardOffer} />}
      {session.conflict !== undefined && (
        <ConflictDialog
          conflict={session.conflict}
          describe={(f, v) => describeValue(contentFields.find((x) => x.name === f), v, refOptions)}
          labelOf={panelLabel}
          onKeepMine={() => void save(session.resolve('mine'))}
          onTakeTheirs={() => void save(session.resolve('theirs'))}
          onCancel={() => session.setConflict(undefined)}
        />
      )}
    </aside>
  )
}

/** The ticked checklist entries as one draft input: sorted ids, so ticking and unticking again is no change. */
function checklistDraft(v: unknown): string {
  const ticks = v !== null && typeof v === 'object' ? Object.entries(v as Record<string, unknown>).filter(([, x]) => x === true).map(([k]) => k) : []
  return JSON.stringify(ticks.sort())
}

function checklistOf(v: string | boolean | undefined): Record<string, boolean> {
  try {
    const ids: unknown = JSON.parse(typeof v === 'string' ? v : '[]')
    return Array.isArray(ids) ? Object.fromEntries(ids.map((k) => [String(k), true])) : {}
  } catch {
    return {}
  }
}

function panelLabel(field: string): string {
  return field === 'checklist' ? 'Policy checklist' : (contentFields.find((f) => f.name === field)?.label ?? field)
}
