import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { keepApproval, voidedBy } from '../../../../core/calendar/approvalVoidingFields'
import type { FieldIssue } from '../../../../core/domain/recordKind'
import { zonedTime } from '../../../../core/calendar/zonedTime'
import { recordKinds } from '../../../../core/domain/recordKinds'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { useRecords } from '../../api/useRecords'
import { FieldInput } from '../../components/FieldInput'
import type { RefOptions } from '../../components/fieldSpec'
import { draftIssues, fromDraft, localZone, toDraft, type Draft } from '../../components/formValues'
import { describeIssues, isNullable, issuesByField, validateRecord } from '../../components/validateRecord'
import { announce } from '../../shell/announce'
import { contentFields } from './contentFields'
import { ConflictDialog } from '../../drafts/ConflictDialog'
import { describeValue } from '../../drafts/describeValue'
import type { EditState } from '../../drafts/editSession'
import { RestoreOffer } from '../../drafts/RestoreOffer'
import { useEditSession } from '../../drafts/useEditSession'
import { RecordHistory } from '../people/RecordHistory'
import { ApprovalVoidPrompt } from './ApprovalVoidPrompt'
import { RepeatForm } from './RepeatForm'
import { CommentsSection } from '../sharing/CommentsSection'
import { TaskChecklist } from '../sharing/TaskChecklist'
import { LinkBuilder } from '../links/LinkBuilder'

/** A new item is only a draft in this panel until Save: opening it writes nothing. */
export type NewItem = { date: string; channelId: string | null }

type Common = { refOptions: RefOptions; names: ReadonlyMap<string, string>; onClose: () => void; onMessage: (t: string, tone: 'ok' | 'error') => void }
type Props = Common & { id: string | null; newItem?: NewItem }
type Item = Record<string, unknown> & { id: string; title: string; checklist: Record<string, boolean>; approverId: string | null; approvedAt: string | null; seriesId?: string | null; publishAt: string | null; publishZone: string | null; ownerId: string | null; status: string; plannedDate?: string | null }
/** Changes waiting for "send back to review" or "keep approval", with the version they were typed against. */
type Asking = { set: Record<string, unknown>; editBase: Parameters<typeof api.call<'calendar-update'>>[1]['base'] }

/**
 * The side panel: every field of one item, the policy checklist, who approved it and when, and the
 * series controls. Saves through `calendar-update`, so an edit here is one undo step like a drag.
 * With no id it is the form for a new item (from a click on a day or the N key), created on Save.
 */
export function ItemPanel({ id, newItem, ...rest }: Props) {
  const rec = useQuery('content-get', { id: id ?? '' }, { enabled: id !== null })
  const fresh = useMemo(
    (): Item | undefined =>
      newItem && { ...recordKinds.content.defaults, id: '', title: '', plannedDate: newItem.date, status: 'idea', channelId: newItem.channelId, checklist: {}, approverId: null, approvedAt: null, publishAt: null, publishZone: null, ownerId: null },
    [newItem]
  )
  if (id === null) return fresh ? <ItemForm item={fresh} creating {...rest} /> : null
  if (!rec.data) return <aside className="item-panel" data-testid="item-panel"><p className="subtle">Loading…</p></aside>
  return <ItemForm item={rec.data} creating={false} {...rest} />
}

function ItemForm({ item, creating, refOptions, names, onClose, onMessage }: Common & { item: Item; creating: boolean }) {
  const members = useRecords('member')
  const policy = useQuery('calendar-policy-get', {})
  const me = useQuery('me-get', {})
  const formId = useId()
  const base = item as Record<string, unknown>
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const [series, setSeries] = useState(false)
  const [saving, setSaving] = useState(false)
  const [asking, setAsking] = useState<Asking | null>(null)
  // One creation id per new-item gesture: Save pressed twice or a retried request make one item.
  const [creationId] = useState(() => crypto.randomUUID())
  // The edit survives a reload as a draft, merges changes made elsewhere while open, and saves with
  // the version it was typed against (drafts/useEditSession.ts). The checklist is one more input.
  const session = useEditSession({
    kind: 'content',
    id: creating ? undefined : item.id,
    record: base,
    context: creating ? `new:${String(item.plannedDate ?? '')}` : '',
    fields: contentFields,
    toDraft: useCallback((r: Record<string, unknown>): Draft => ({ ...toDraft(contentFields, r), checklist: checklistDraft(r.checklist) }), []),
    titleOf: (d) => (typeof d.title === 'string' && d.title !== '' ? d.title : (item.title || 'this item'))
  })
  const draft = session.draft
  const checklist = checklistOf(draft.checklist)
  const setDraftField = session.setField

  // Opening the panel puts focus in it: a new item on its title (typing right after the click names
  // it), an existing one on its heading, so the next Tab is the first field and not 93 Tabs away.
  // Closing gives focus back to what opened it (the item, or the day for a new one); if that element
  // was redrawn meanwhile (a save moved the item), to the element with the same item id or date.
  // A layout effect, not a passive one: the panel is a lazy chunk, so it mounts from a Suspense retry
  // whose passive effects run after paint — a key pressed in that gap (Enter to save) went to the day.
  const heading = useRef<HTMLHeadingElement>(null)
  const panel = useRef<HTMLElement>(null)
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
    const key = opener?.dataset.id !== undefined ? `[data-id="${opener.dataset.id}"]` : opener?.dataset.date !== undefined ? `[data-date="${opener.dataset.date}"][tabindex]` : null
    if (creating) document.getElementById(`${formId}-title`)?.focus()
    else heading.current?.focus()
    const inside = panel.current
    return () => {
      const now = document.activeElement
      // Focus the user put somewhere else on purpose (another item, the toolbar) stays there.
      if (now !== null && now !== document.body && !(inside?.contains(now) ?? false)) return
      const target = opener?.isConnected ? opener : key !== null ? document.querySelector<HTMLElement>(key) : null
      target?.focus({ preventScroll: true })
    }
  }, [creating, formId])

  const names_ = contentFields.map((f) => f.name).concat(['publishZone', 'checklist', 'approvedAt', 'keepApprovalAs'])
  const { byField, rest } = issuesByField(issues, names_)

  // A refused save is spoken (the panel is not a modal, so the shell's live region reaches every screen
  // reader) and focus goes to the first field in error, after React has marked it invalid (#18).
  const showIssues = (list: FieldIssue[]) => {
    setIssues(list)
    const label = (path: FieldIssue['path']) => contentFields.find((f) => f.name === path[0])?.label ?? String(path[0] ?? 'Item')
    announce(describeIssues(list, label), 'assertive')
    requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }

  const submit = async (set: Record<string, unknown>, editBase: Asking['editBase'], keepApprovalAs?: string) => {
    const title = String(set.title ?? item.title)
    setSaving(true)
    try {
      if (creating) {
        await api.call('calendar-create', { values: set, creationId })
        onMessage(`"${title}" created`, 'ok')
      } else {
        await api.call('calendar-update', { ids: [item.id], set, scope: series ? 'series' : 'one', label: `edit "${title}"`, ...(editBase === undefined ? {} : { base: editBase }), ...(keepApprovalAs ? { keepApprovalAs } : {}) })
        onMessage(asking !== null && !keepApprovalAs ? `Saved; "${title}" is back in review` : 'Saved', 'ok')
      }
      session.finish()
      onClose()
    } catch (e) {
      setAsking(null)
      if (e instanceof ApiError && e.code === 'conflict' && e.conflict !== undefined) session.setConflict(e.conflict)
      else if (e instanceof ApiError) {
        const list = e.issues.map((i) => ({ ...i, path: i.path[0] === 'set' || i.path[0] === 'values' ? i.path.slice(1) : i.path }))
        if (list.length > 0) showIssues(list)
        else setIssues([])
        onMessage(e.message, 'error')
      } else onMessage(String(e), 'error')
    } finally {
      setSaving(false)
    }
  }

  const save = async (from: EditState | undefined) => {
    if (from === undefined || saving) return
    const origin = from.origin
    // An untouched checklist stays exactly as stored (ticks set to false included).
    const ticks = from.draft.checklist === checklistDraft(origin.checklist) ? origin.checklist : checklistOf(from.draft.checklist)
    const values: Record<string, unknown> = { ...fromDraft(contentFields, from.draft, (n) => isNullable('content', n)), checklist: ticks }
    const client = [...draftIssues(contentFields, from.draft), ...validateRecord('content', { ...base, ...values })]
    if (client.length) return showIssues(client)
    if (creating) return submit(values, undefined)
    const { set, base: editBase } = session.changes(values, from)
    if (Object.keys(set).length === 0) {
      session.finish()
      return onClose()
    }
    // Approved content edited in a field the approval covered: ask before it goes back to review.
    if (voidedBy(base, { ...base, ...set }).length > 0) return setAsking({ set, editBase })
    await submit(set, editBase)
  }

  // Who may keep the approval: the item's approver (or the one chosen in the form), if they still
  // have the rights for the edited content. The backend checks the same rule again.
  const keeper = useMemo(() => {
    if (asking === null || !policy.data) return { who: null, why: null }
    // An approval is kept in your own name only (issue #14), and only by an approver or owner.
    const self = me.data?.me ?? null
    const approverId = self !== null && (self.access === 'approver' || self.access === 'owner') ? self.id : null
    if (approverId === null) return { who: null, why: 'Keeping an approval needs the approver or owner role.' }
    const m = members.data?.items.find((x) => x.id === approverId)
    const approver = m ? { id: m.id, name: m.name, active: m.active } : null
    const ownerId = (asking.set.ownerId as string | null | undefined) ?? item.ownerId
    const refused = keepApproval({ ownerId, checklist: (asking.set.checklist as Record<string, boolean> | undefined) ?? item.checklist }, approver, approverId, policy.data)
    return refused.length === 0 && approver ? { who: { id: approver.id, name: approver.name }, why: null } : { who: null, why: refused[0]?.message ?? null }
  }, [asking, policy.data, members.data, item, me.data])

  const zoneHint = item.publishAt && item.publishZone ? `${zonedTime.toWallClock(item.publishAt, item.publishZone).time} in ${item.publishZone}; ${zonedTime.toWallClock(item.publishAt, localZone()).time} your time (${localZone()})` : undefined

  return (
    <aside ref={panel} className="item-panel" aria-label={creating ? 'New item' : `Edit ${item.title}`} data-testid="item-panel" onKeyDown={(e) => e.key === 'Escape' && asking === null && onClose()}>
      <header className="item-panel-head">
        <h2 ref={heading} tabIndex={-1}>{creating ? `New item on ${String(item.plannedDate)}` : item.title}</h2>
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
        {byField.keepApprovalAs !== undefined && <p className="form-error" role="alert" data-testid="field-error-keepApprovalAs">{byField.keepApprovalAs}</p>}
        {rest.length > 0 && <div className="form-error" role="alert">{rest.map((i) => <p key={i.path.join('.') + i.message}>{i.message}</p>)}</div>}
        <div className="field field-wide item-panel-foot">
          {item.seriesId && (
            <label className="filter-opt">
              <input type="checkbox" checked={series} onChange={(e) => setSeries(e.target.checked)} /> Apply to every open occurrence of the series
            </label>
          )}
          {creating && (
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={saving} data-testid="panel-save">
            {saving ? 'Saving…' : creating ? 'Create item' : 'Save'}
          </button>
        </div>
      </form>
      {!creating && <RepeatForm item={item as Parameters<typeof RepeatForm>[0]['item']} onMessage={onMessage} />}
      {!creating && <TaskChecklist contentId={item.id} channelId={typeof item.channelId === 'string' ? item.channelId : null} format={String(item.format)} />}
      {!creating && <LinkBuilder key={String(item.trackingUrl ?? '')} item={{ id: item.id, title: item.title, channelId: typeof item.channelId === 'string' ? item.channelId : null, campaignId: typeof item.campaignId === 'string' ? item.campaignId : null, trackingUrl: String(item.trackingUrl ?? '') }} />}
      {!creating && <CommentsSection targetKind="content" targetId={item.id} />}
      {!creating && <RecordHistory id={item.id} />}
      {asking !== null && (
        <ApprovalVoidPrompt
          keeper={keeper.who}
          keepRefused={keeper.why}
          busy={saving}
          onCancel={() => setAsking(null)}
          onSendBack={() => void submit(asking.set, asking.editBase)}
          onKeep={(who) => void submit(asking.set, asking.editBase, who)}
        />
      )}
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
