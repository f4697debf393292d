import { ApiError } from '../../../core/api/apiError'
import type { ApiOutput } from '../../../core/api/contract'
import type { HistoryEntry } from '../../../core/api/methods/peopleMethods'
import { kindNames, recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { parseHlc } from '../../../core/sync/hlc'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { CREATE_COL, DELETED_COL } from '../mutate'
import { recordCodec } from '../repo/recordCodec'
import { BULK_COL, bulkCreationOf } from '../bulkCreations'

type Row = { dev: string; seq: number; hlc: string; col: string; old_value: string | null; new_value: string | null; label: string | null; member_id: string | null; name: string | null }

type Json = HistoryEntry['from']
const parse = (v: string | null): Json => (v === null ? null : (JSON.parse(v) as Json))

/** Names of the records the changes point to (an owner, a channel), so the history reads "owner: Tom Ellery". */
function namesOf(b: Backend, kind: KindName, items: { field: string; from: Json; to: Json }[]): Record<string, string> {
  const refs = recordKinds[kind].refs as Partial<Record<string, string>>
  const out: Record<string, string> = {}
  for (const it of items) {
    const target = refs[it.field] as KindName | undefined
    if (target === undefined) continue
    for (const v of [it.from, it.to]) {
      if (typeof v !== 'string' || v in out) continue
      const codec = recordCodec(target)
      const col = codec.byField.get(recordKinds[target].title)?.column ?? 'id'
      const row = b.db.get<Record<string, unknown>>(sql`SELECT ${sql.id(col)} AS t FROM ${sql.id(codec.table)} WHERE id = ${v}`)
      if (row) out[v] = String(row.t)
    }
  }
  return out
}

/** Which kind holds this id (ids are ULIDs, unique across kinds): one primary-key look-up per kind. */
function kindOf(b: Backend, id: string): KindName | null {
  for (const k of kindNames) if (b.db.get(sql`SELECT 1 AS x FROM ${sql.id(recordKinds[k].table)} WHERE id = ${id}`)) return k
  return null
}

/**
 * The history of one record from the change log (issue #14): every field change, newest first, with
 * who made it (the member on the change, NULL for changes made before people were recorded) and when
 * (the author's own clock, from the change's HLC stamp, so a teammate's change shows their time, not
 * when it arrived here). Creation reads as field `created`, a delete or restore as `deleted`.
 * Not the undo stack: that is services/historyService.ts.
 */
export function recordHistory(b: Backend, input: { id: string; limit?: number | undefined }): ApiOutput<'record-history'> {
  const kind = kindOf(b, input.id)
  if (kind === null) throw new ApiError('not_found', `No record with id ${input.id}`, [{ path: ['id'], message: 'Not found' }])
  const codec = recordCodec(kind)
  const limit = input.limit ?? 1000
  const rows = b.db.all<Row & { id: number }>(sql`
    SELECT r.id, r.dev, r.seq, r.hlc, r.col, r.old_value, r.new_value, t.label, t.member_id, m.name
    FROM change_record r
    LEFT JOIN change_tx t ON t.dev = r.dev AND t.seq = r.seq
    LEFT JOIN member m ON m.id = t.member_id
    WHERE r.tbl = ${codec.table} AND r.row_id = ${input.id} AND r.col <> ${BULK_COL}
    ORDER BY r.hlc DESC, r.id DESC
    LIMIT ${limit + 1}`)
  // An imported record was created by its import's bulk record (bulkCreations.ts): the same entry as a per-row creation.
  const bulk = bulkCreationOf(b.db, codec.table, input.id)
  if (bulk) {
    const t = b.db.get<{ label: string; member_id: string | null; name: string | null }>(
      sql`SELECT t.label, t.member_id, m.name FROM change_tx t LEFT JOIN member m ON m.id = t.member_id WHERE t.dev = ${bulk.dev} AND t.seq = ${bulk.seq}`
    )
    rows.push({ ...bulk, col: CREATE_COL, old_value: null, new_value: JSON.stringify(bulk.values), label: t?.label ?? null, member_id: t?.member_id ?? null, name: t?.name ?? null })
    rows.sort((x, y) => (x.hlc === y.hlc ? y.id - x.id : x.hlc < y.hlc ? 1 : -1))
  }
  const items = rows.slice(0, limit).map((r) => {
    const millis = parseHlc(r.hlc)?.millis ?? 0
    const field = r.col === CREATE_COL ? 'created' : r.col === DELETED_COL ? 'deleted' : (codec.byColumn.get(r.col)?.field ?? r.col)
    return {
      at: new Date(millis).toISOString(),
      tx: `${r.dev}:${r.seq}`,
      member: r.name,
      memberId: r.member_id,
      field,
      from: parse(r.old_value),
      to: parse(r.new_value),
      label: r.label ?? ''
    }
  })
  const rec = b.db.get<Record<string, unknown>>(sql`SELECT * FROM ${sql.id(codec.table)} WHERE id = ${input.id}`)
  const titleCol = codec.byField.get(recordKinds[kind].title)?.column ?? 'id'
  return { kind, title: String(rec?.[titleCol] ?? input.id), items, truncated: rows.length > limit, names: namesOf(b, kind, items) }
}
