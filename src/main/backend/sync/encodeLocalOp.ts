/**
 * Re-encodes one local op from its change records (mutate.ts writes those, not record text); a
 * creation (`*`, or each row of a bulk record `+`) becomes one write per column, mapped from field
 * names to column names.
 */
import { encodeOpRecord } from '../../../core/sync/op'
import type { Json, RowWrite } from '../../../core/sync/op'
import type { AppTable } from './appTables'
import { BULK_COL, expandBulk } from '../bulkCreations'
import type { SqliteSyncStatements } from './sqliteSyncStatements'

const SEP = '\u0000'
const CREATE_COL = '*'

function parseJson(text: string | null): Json {
  return text === null ? null : (JSON.parse(text) as Json)
}

export function encodeLocalOp(st: SqliteSyncStatements, tables: Map<string, AppTable>, device: string, seq: number, hlc: string, schema: number): string {
  type R = { tbl: string; row_id: string; col: string; new_value: string | null; base: string }
  const rows = new Map<string, RowWrite>()
  const rowOf = (tbl: string, rowId: string): RowWrite => {
    const k = tbl + SEP + rowId
    let w = rows.get(k)
    if (!w) {
      w = { t: tbl, r: rowId, set: {}, b: {} }
      rows.set(k, w)
    }
    return w
  }
  for (const r of st.records.all(device, seq) as R[]) {
    // A bulk creation record (an import's chunk) goes out as the per-row creations it stands for:
    // teammates, old app versions included, receive the same op as from per-row records.
    if (r.col === BULK_COL) {
      for (const c of expandBulk(r.new_value)) creation(rowOf(r.tbl, c.id), tables.get(r.tbl), c.values as Record<string, Json>)
      continue
    }
    const w = rowOf(r.tbl, r.row_id)
    if (r.col === CREATE_COL) creation(w, tables.get(r.tbl), (parseJson(r.new_value) ?? {}) as Record<string, Json>)
    else {
      w.set[r.col] = parseJson(r.new_value)
      w.b[r.col] = JSON.parse(r.base) as string[]
    }
  }
  return encodeOpRecord({ d: device, s: seq, h: hlc, tx: [...rows.values()], x: schema })
}

function creation(w: RowWrite, table: AppTable | undefined, values: Record<string, Json>): void {
  // A creation record leaves out its null fields (mutate.ts): put them back, in column order, so a
  // teammate gets the same op — every nullable column written, each with the creation as its
  // head — as from an older record that spelled the nulls out. A NOT NULL column is never null, so
  // one absent from an old record (added by a later migration) stays absent, as before.
  const left = new Map(Object.entries(values))
  for (const [col, info] of table?.columns ?? []) {
    const field = info.codec.field
    if (!left.has(field) && info.notNull) continue
    w.set[col] = left.get(field) ?? null
    w.b[col] = []
    left.delete(field)
  }
  for (const [field, v] of left) {
    const col = table?.byField.get(field) ?? field
    w.set[col] = v ?? null
    w.b[col] = []
  }
}
