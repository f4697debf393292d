import { ApiError } from '../../../core/api/apiError'
import { editConflicts, type EditBase, type FieldConflict } from '../../../core/api/editBase'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { parseHlc } from '../../../core/sync/hlc'
import { parseOpId } from '../../../core/sync/op'
import { fieldLabel } from '../../../core/transfer/transferFields'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { CREATE_COL } from '../mutate'
import { recordCodec } from '../repo/recordCodec'
import { bulkCreationOf } from '../bulkCreations'
import { syncStateOf } from './syncService'

type Rec = Record<string, unknown>

/** The op that last wrote a field: its explicit head, else the record's creation. */
function lastWrite(b: Backend, tbl: string, row: string, col: string): { op: string; hlc: string } | undefined {
  const head = b.db.get<{ op: string; hlc: string }>(sql`SELECT op, hlc FROM field_head WHERE tbl = ${tbl} AND row_id = ${row} AND col = ${col} ORDER BY hlc DESC LIMIT 1`)
  if (head) return head
  const created = b.db.get<{ dev: string; seq: number; hlc: string }>(
    sql`SELECT dev, seq, hlc FROM change_record WHERE tbl = ${tbl} AND row_id = ${row} AND col = ${CREATE_COL} ORDER BY id DESC LIMIT 1`
  ) ?? bulkCreationOf(b.db, tbl, row)
  return created ? { op: `${created.dev}:${created.seq}`, hlc: created.hlc } : undefined
}

/**
 * Fields whose loaded value the caller did not send: changed since the version if the change log has
 * a write to them stamped after it. Local writes stamp `updated_at` and the op's HLC from one clock
 * reading, so "after" is exact for edits made on this computer.
 */
function changedSince(b: Backend, tbl: string, row: string, cols: string[], version: string): Set<string> {
  const since = Date.parse(version)
  const out = new Set<string>()
  for (const col of cols) {
    const w = lastWrite(b, tbl, row, col)
    const millis = w ? parseHlc(w.hlc)?.millis : undefined
    if (millis === undefined || Number.isNaN(since) || millis > since) out.add(col)
  }
  return out
}

function whoWrote(b: Backend, op: string | undefined): string | null {
  const dev = op === undefined ? undefined : parseOpId(op)?.dev
  if (dev === undefined) return null
  if (dev === b.ws.deviceId) return 'this computer'
  const peer = syncStateOf(b).peers.find((p) => p.dev === dev)
  return peer?.name || `a teammate's computer (${dev.slice(0, 6)})`
}

/**
 * Optimistic concurrency for one record's update: throws a `conflict` ApiError naming every field of
 * `set` that was changed elsewhere since `base` (their value, yours, who and when), and returns
 * quietly when nothing the edit touches has moved. Call it with the row as read in the same
 * synchronous handler as the write, so nothing can slip in between the check and the mutation.
 */
export function checkEditBase(b: Backend, kind: KindName, current: Rec, set: Rec, base: EditBase | undefined): void {
  if (base === undefined) return
  const codec = recordCodec(kind)
  const { changed, unknown } = editConflicts(current, set, base)
  const colOf = (field: string): string => codec.byField.get(field)?.column ?? field
  const moved = unknown.length === 0 ? new Set<string>() : changedSince(b, codec.table, String(current.id), unknown.map(colOf), base.updatedAt)
  const fields = [...changed, ...unknown.filter((f) => moved.has(colOf(f)))]
  if (fields.length === 0) return
  const conflicts = fields.map((field): FieldConflict => {
    const w = lastWrite(b, codec.table, String(current.id), colOf(field))
    const millis = w ? parseHlc(w.hlc)?.millis : undefined
    return {
      field,
      label: fieldLabel(field),
      ...(base.values !== undefined && Object.hasOwn(base.values, field) ? { base: base.values[field] } : {}),
      theirs: current[field] ?? null,
      mine: set[field] ?? null,
      by: whoWrote(b, w?.op),
      at: millis === undefined ? null : new Date(millis).toISOString()
    }
  })
  const rk = recordKinds[kind]
  const title = String(current[rk.title] ?? '') || `this ${rk.label.toLowerCase()}`
  throw new ApiError(
    'conflict',
    `"${title}" was changed elsewhere since you opened it (${conflicts.map((c) => c.label.toLowerCase()).join(', ')}); nothing was saved. Send the current version to overwrite it.`,
    conflicts.map((c) => ({ path: [c.field], message: `Changed elsewhere since you opened it${c.by ? ` (on ${c.by})` : ''}` })),
    { version: String(current.updatedAt), fields: conflicts }
  )
}
