import { useState, type ReactNode } from 'react'
import type { WhereClause } from '../../../../core/api/listQuery'
import { recordKinds, type KindName } from '../../../../core/domain/recordKinds'
import type { KindRecord } from '../../api/client'
import { api } from '../../api/client'
import { useRecords } from '../../api/useRecords'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import type { DataColumn } from '../../components/dataColumns'
import { DataTable } from '../../components/DataTable'
import type { FieldSpec, RefOptions } from '../../components/fieldSpec'
import { RecordForm } from '../../components/RecordForm'
import { useOpenRequest } from '../../drafts/useOpenRequest'
import { TransferActions } from '../transfer/TransferActions'
import { CommentsSection } from '../sharing/CommentsSection'
import { RecordHistory } from '../people/RecordHistory'
import { commentTarget } from '../../../../core/domain/comment'
import { useWriteRefusal } from '../people/useWriteRefusal'

type Props<K extends KindName> = {
  kind: K
  tableId: string
  columns: readonly DataColumn<KindRecord<K>>[]
  fields: readonly FieldSpec[]
  refOptions: RefOptions
  initialSort?: { id: string; desc: boolean }[]
  where?: WhereClause[]
  presets?: Record<string, unknown>
  onActiveChange?: (row: KindRecord<K> | undefined) => void
  /** Shown instead of the table, e.g. "choose a goal first". */
  disabledReason?: ReactNode
}

type Editing<K extends KindName> = { mode: 'new' } | { mode: 'edit'; record: KindRecord<K> }

/** A record kind as a full table: live list, New button, edit on Enter, delete on Delete (after asking). */
export function RecordTable<K extends KindName>(props: Props<K>) {
  const { kind, refOptions } = props
  const rk = recordKinds[kind]
  const noun = { one: rk.label.toLowerCase(), many: rk.plural.toLowerCase() }
  const { data, error, loading } = useRecords(kind, props.where, props.disabledReason === undefined)
  const [editing, setEditing] = useState<Editing<K> | undefined>(undefined)
  const [deleting, setDeleting] = useState<KindRecord<K> | undefined>(undefined)
  const nameOf = (r: KindRecord<K>): string => String((r as Record<string, unknown>)[rk.title] ?? '')
  // "Open" on an unsaved draft from the start banner lands here.
  useOpenRequest(kind, data !== undefined && props.disabledReason === undefined, (id) => {
    const record = id === null ? undefined : data?.items.find((r) => r.id === id)
    if (id !== null && record === undefined) return false
    setEditing(record === undefined ? { mode: 'new' } : { mode: 'edit', record })
    return true
  })

  // What "me" may do here, by the backend's own table: a viewer sees no New, no Delete and view-only forms.
  const refusal = useWriteRefusal(kind)
  const cannotCreate = refusal('create')
  const newButton =
    cannotCreate === null ? (
      <button type="button" className="btn btn-primary" data-testid="create-record" disabled={props.disabledReason !== undefined} onClick={() => setEditing({ mode: 'new' })}>
        New {noun.one}
      </button>
    ) : (
      // Compact in the toolbar (a sentence there wrapped into a tall column); the reason is its tooltip and
      // is read out, and a record opened from the table states it in full.
      <span className="badge view-only-note" data-testid="view-only-note" title={cannotCreate}>
        View only<span className="sr-only"> — {cannotCreate}</span>
      </span>
    )
  const asRecord = (r: KindRecord<K>): Record<string, unknown> => r as Record<string, unknown>

  return (
    <>
      {error !== undefined && (
        <p className="form-error" role="alert">
          Could not load {noun.many}: {error.message}
        </p>
      )}
      <DataTable
        tableId={props.tableId}
        label={rk.plural}
        noun={noun}
        rows={data?.items ?? emptyRows}
        columns={props.columns}
        loading={loading && data === undefined && props.disabledReason === undefined}
        initialSort={props.initialSort}
        onOpen={(record) => setEditing({ mode: 'edit', record })}
        onDelete={(r) => refusal('delete', asRecord(r)) === null && setDeleting(r)}
        onActiveChange={props.onActiveChange}
        toolbar={newButton}
        viewActions={(getView) => <TransferActions kind={kind} columns={props.columns} getView={getView} canImport={cannotCreate === null} />}
        empty={
          props.disabledReason ?? (
            <div>
              <p className="muted">No {noun.many} yet.</p>
              {cannotCreate === null && (
                <button type="button" className="btn" onClick={() => setEditing({ mode: 'new' })}>
                  Create the first {noun.one}
                </button>
              )}
            </div>
          )
        }
      />
      {editing !== undefined && (
        <RecordForm
          kind={kind}
          fields={props.fields}
          // The live row, so a change made elsewhere while the form is open merges into it.
          record={editing.mode === 'edit' ? (data?.items.find((r) => r.id === editing.record.id) ?? editing.record) : undefined}
          presets={props.presets}
          refOptions={refOptions}
          readOnly={editing.mode === 'edit' ? refusal('change', asRecord(editing.record)) : null}
          onClose={() => setEditing(undefined)}
          // Every record's own form shows who changed what (issue #14), as the content item panel does.
          extra={
            editing.mode === 'edit' ? (
              <div className="record-extra">
                {commentTarget.safeParse(kind).success && <CommentsSection targetKind={commentTarget.parse(kind)} targetId={editing.record.id} />}
                <RecordHistory id={editing.record.id} />
              </div>
            ) : undefined
          }
        />
      )}
      {deleting !== undefined && (
        <ConfirmDialog
          title={`Delete this ${noun.one}?`}
          confirmLabel="Delete"
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await api.records(kind).delete(deleting.id)
          }}
        >
          <p>
            <strong>{nameOf(deleting)}</strong> will be removed from this workspace and from teammates' copies at the next sync.
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}

// One shared empty array: a fresh `[]` per render would make the table rebuild its row models.
const emptyRows: never[] = []
