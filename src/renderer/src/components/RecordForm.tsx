import { useCallback, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import type { FieldIssue } from '../../../core/domain/recordKind'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { ApiError } from '../api/ApiError'
import { api, type KindRecord } from '../api/client'
import { ConfirmDialog } from './ConfirmDialog'
import { Dialog } from './Dialog'
import { FieldInput } from './FieldInput'
import type { FieldSpec, RefOptions } from './fieldSpec'
import { ConflictDialog } from '../drafts/ConflictDialog'
import { describeValue } from '../drafts/describeValue'
import type { EditState } from '../drafts/editSession'
import { RestoreOffer } from '../drafts/RestoreOffer'
import { useEditSession } from '../drafts/useEditSession'
import { draftIssues, fromDraft, toDraft, type Draft } from './formValues'
import { describeIssues, isNullable, issuesByField, kindSchema, validateRecord } from './validateRecord'

type Props<K extends KindName> = {
  kind: K
  fields: readonly FieldSpec[]
  /** The record to edit; absent for a new one. */
  record?: KindRecord<K>
  /** Values a new record gets without a field for them (the goal a measurement belongs to…). */
  presets?: Record<string, unknown>
  refOptions: RefOptions
  onClose: () => void
  onSaved?: (rec: KindRecord<K>) => void
  /** Shown below the form inside the drawer (the record's comments), outside the form element. */
  extra?: ReactNode
  /** Why "me" may not change this record (the backend's sentence): the form is shown view-only. */
  readOnly?: string | null
}

const needsValue = new Set<FieldSpec['input']>(['select', 'ref', 'number', 'date', 'datetime'])

const fieldNamesOf = (fields: readonly FieldSpec[]): string[] =>
  fields.flatMap((f) => (f.input === 'datetime' && f.zoneField !== undefined ? [f.name, f.zoneField] : [f.name]))

/**
 * Create or edit one record in a drawer. Validates on submit with the backend's own zod schema and
 * cross-field check, and shows the backend's issues (same `path` shape) at the same fields.
 */
export function RecordForm<K extends KindName>({ kind, fields, record, presets, refOptions, onClose, onSaved, extra, readOnly = null }: Props<K>) {
  const rk = recordKinds[kind]
  const formId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const base = useMemo<Record<string, unknown>>(
    () => (record === undefined ? { ...kindSchema(kind).defaults, ...presets } : (record as Record<string, unknown>)),
    [kind, record, presets]
  )
  const recordName = record === undefined ? '' : String((record as Record<string, unknown>)[rk.title] ?? '')
  // Unsaved edits survive a reload or a closed tab as a draft, and a save carries the version it was
  // typed against (drafts/useEditSession.ts); the form itself only reads and writes `draft`.
  const session = useEditSession({
    kind,
    id: record?.id,
    record: base,
    fields,
    toDraft: useCallback((rec: Record<string, unknown>) => toDraft(fields, rec), [fields]),
    titleOf: (d: Draft) => (typeof d[rk.title] === 'string' && d[rk.title] !== '' ? String(d[rk.title]) : recordName || `new ${rk.label.toLowerCase()}`),
    context: JSON.stringify(presets ?? {})
  })
  const draft = session.draft
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const [formError, setFormError] = useState<string | undefined>(undefined)
  const [saving, setSaving] = useState(false)
  const [confirming, setConfirming] = useState(false)
  // Read out by the live region below after a refused save. The region sits inside the dialog because
  // everything outside a modal is inert, and some screen readers then skip its announcements.
  const [announcement, setAnnouncement] = useState('')
  // One creation id per opened "New" form: Enter pressed twice or a retried request creates one record.
  const [creationId] = useState(() => crypto.randomUUID())

  const names = fieldNamesOf(fields)
  const { byField, rest } = issuesByField(issues, names)
  const labelOf = (path: FieldIssue['path']): string => fields.find((f) => f.name === path[0])?.label ?? path.join('.')
  const viewOnly = readOnly !== null && record !== undefined
  const title = record === undefined ? `New ${rk.label.toLowerCase()}` : `${viewOnly ? 'View' : 'Edit'} ${rk.label.toLowerCase()}`

  const showIssues = (next: FieldIssue[]): void => {
    setIssues(next)
    // The same problems twice in a row are still a new event: a trailing no-break space toggles so the
    // text changes and the live region speaks again.
    const first = new Set<string>()
    const unique = next.filter((i) => {
      const key = String(i.path[0] ?? '')
      if (key !== '' && first.has(key)) return false
      first.add(key)
      return true
    })
    setAnnouncement((prev) => describeIssues(unique, labelOf) + (prev.endsWith('\u00a0') ? '' : '\u00a0'))
    // Move focus to the first field in error, after React has marked it invalid.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault()
    void save(session.state)
  }

  const save = async (from: EditState | undefined): Promise<void> => {
    if (from === undefined || viewOnly) return
    // One save per gesture: a second Enter while the first request is on its way does nothing.
    if (saving) return
    setFormError(undefined)
    const draft = from.draft
    const values = fromDraft(fields, draft, (n) => isNullable(kind, n))
    // zod's wording for an empty choice or number ("expected one of …") is for developers; a person
    // needs "Required". These come first, so they win over the schema's message for the same field.
    const missing = fields
      .filter((f) => needsValue.has(f.input) && draft[f.name] === '' && !isNullable(kind, f.name))
      .map((f) => ({ path: [f.name], message: 'Required' }))
    const clientIssues = [...missing, ...draftIssues(fields, draft), ...validateRecord(kind, { ...base, ...values })]
    if (clientIssues.length > 0) return showIssues(clientIssues)
    setIssues([])
    setSaving(true)
    try {
      const records = api.records(kind)
      const { set, base: editBase } = session.changes(values, from)
      const saved =
        record === undefined
          ? await records.create({ ...presets, ...values, creationId })
          : await records.update({ id: record.id, ...set, ...(editBase === undefined ? {} : { base: editBase }) })
      session.finish()
      onSaved?.(saved)
      onClose()
    } catch (err) {
      setSaving(false)
      if (err instanceof ApiError && err.code === 'conflict' && err.conflict !== undefined) session.setConflict(err.conflict)
      else if (err instanceof ApiError && err.issues.length > 0) showIssues(err.issues)
      else setFormError(err instanceof Error ? err.message : String(err))
    }
  }

  const setField = session.setField
  const describe = (field: string, value: unknown): string => describeValue(fields.find((f) => f.name === field), value, refOptions)
  const fieldLabel = (field: string): string => fields.find((f) => f.name === field)?.label ?? labelOf([field])

  return (
    <Dialog title={title} onClose={onClose} testId="record-dialog">
      <form ref={formRef} className="form" aria-label={title} noValidate onSubmit={onSubmit} data-testid={`form-${kind}`}>
        {recordName !== '' && <p className="form-subtitle muted">{recordName}</p>}
        {viewOnly && (
          <p className="form-note" data-testid="form-view-only">
            View only. {readOnly}
          </p>
        )}
        {/* A disabled fieldset: every input stays readable and selectable, none is editable. */}
        <fieldset className="form-fieldset" disabled={viewOnly}>
        <div className="form-grid">
          {fields.map((f) => {
            const id = `${formId}-${f.name}`
            const errorId = `${id}-error`
            const error = byField[f.name] ?? (f.input === 'datetime' && f.zoneField !== undefined ? byField[f.zoneField] : undefined)
            const required = rk.required.includes(f.name as never)
            return (
              <div key={f.name} className={`field${f.wide === true || f.input === 'textarea' ? ' field-wide' : ''}${f.input === 'checkbox' ? ' field-check' : ''}`}>
                <label htmlFor={id}>
                  {f.label}
                  {required && <span className="req" aria-hidden="true"> *</span>}
                </label>
                <FieldInput
                  field={f}
                  draft={draft}
                  id={id}
                  error={error}
                  errorId={errorId}
                  nullable={isNullable(kind, f.name)}
                  refOptions={refOptions}
                  onChange={setField}
                />
                {f.help !== undefined && <p className="field-help subtle">{f.help}</p>}
                {error !== undefined && (
                  <p className="field-error" id={errorId} data-testid={`field-error-${f.name}`}>
                    {error}
                  </p>
                )}
              </div>
            )
          })}
        </div>
        </fieldset>
        <p className="sr-only" aria-live="assertive" data-testid="form-announce">
          {announcement}
        </p>
        {(formError !== undefined || rest.length > 0) && (
          <div className="form-error" role="alert" data-testid="form-error">
            {formError !== undefined && <p>{formError}</p>}
            {rest.map((i) => (
              <p key={`${i.path.join('.')}:${i.message}`}>
                {labelOf(i.path)}: {i.message}
              </p>
            ))}
          </div>
        )}
        <footer className="dialog-foot">
          {record !== undefined && !viewOnly && (
            <button type="button" className="btn btn-danger form-delete" data-testid="form-delete" onClick={() => setConfirming(true)}>
              Delete
            </button>
          )}
          {session.dirty && (
            <span className="draft-status subtle small" data-testid="draft-status">
              Unsaved changes are kept as a draft.{' '}
              <button type="button" className="draft-discard-link" data-testid="draft-discard" onClick={session.revert}>
                Discard changes
              </button>
            </span>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {viewOnly ? 'Close' : 'Cancel'}
          </button>
          {!viewOnly && (
            <button type="submit" className="btn btn-primary" data-testid="form-save" disabled={saving}>
              {saving ? 'Saving…' : record === undefined ? `Create ${rk.label.toLowerCase()}` : 'Save changes'}
            </button>
          )}
        </footer>
      </form>
      {extra}
      {confirming && record !== undefined && (
        <ConfirmDialog
          title={`Delete this ${rk.label.toLowerCase()}?`}
          confirmLabel="Delete"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await api.records(kind).delete(record.id)
            session.finish()
            onClose()
          }}
        >
          <p>
            <strong>{recordName}</strong> will be removed from this workspace and from teammates' copies at the next sync.
          </p>
        </ConfirmDialog>
      )}
      {session.offer !== undefined && <RestoreOffer draft={session.offer} labelOf={fieldLabel} onRestore={session.restore} onDiscard={session.discardOffer} />}
      {session.conflict !== undefined && (
        <ConflictDialog
          conflict={session.conflict}
          describe={describe}
          labelOf={fieldLabel}
          onKeepMine={() => void save(session.resolve('mine'))}
          onTakeTheirs={() => void save(session.resolve('theirs'))}
          onCancel={() => session.setConflict(undefined)}
        />
      )}
    </Dialog>
  )
}
