/**
 * Re-encodes one local op from its change records (mutate.ts writes those, not record text); a
 * creation (`*`) becomes one write per column, mapped from field names to column names.
 */
import { encodeOpRecord } from '../../../core/sync/op'
import type { Json, RowWrite } from '../../../core/sync/op'
import type { AppTable } from './appTables'
import type { SqliteSyncStatements } from './sqliteSyncStatements'

const SEP = '\u0000'
const CREATE_COL = '*'

function parseJson(text: string | null): Json {
  return text === null ? null : (JSON.parse(text) as Json)
}

export function encodeLocalOp(st: SqliteSyncStatements, tables: Map<string, AppTable>, device: string, seq: number, hlc: string, schema: number): string {
  type R = { tbl: string; row_id: string; col: string; new_value: string | null; base: string }
  const rows = new Map<string, RowWrite>()
  for (const r of st.records.all(device, seq) as R[]) {
    const k = r.tbl + SEP + r.row_id
    let w = rows.get(k)
    if (!w) {
      w = { t: r.tbl, r: r.row_id, set: {}, b: {} }
      rows.set(k, w)
    }
    if (r.col === CREATE_COL) {
      const table = tables.get(r.tbl)
      const values = (parseJson(r.new_value) ?? {}) as Record<string, Json>
      for (const [field, v] of Object.entries(values)) {
        const col = table?.byField.get(field) ?? field
        w.set[col] = v ?? null
        w.b[col] = []
      }
    } else {
      w.set[r.col] = parseJson(r.new_value)
      w.b[r.col] = JSON.parse(r.base) as string[]
    }
  }
  return encodeOpRecord({ d: device, s: seq, h: hlc, tx: [...rows.values()], x: schema })
}
