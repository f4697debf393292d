/**
 * Batch preload of field registers for SqliteSyncStore: the registers of many fields with a few set
 * queries in key order, instead of two point queries per field from JS.
 */
import type { Json } from '../../../core/sync/op'
import type { FieldRef } from '../../../core/sync/syncStore'
import type { FieldCache } from './fieldCache'
import type { SqliteSyncStatements } from './sqliteSyncStatements'

/** Fields per preload query: keeps the JSON argument small while saving one round trip per field. */
const CHUNK = 2000

function parseJson(text: string | null): Json {
  return text === null ? null : (JSON.parse(text) as Json)
}

/**
 * Fills the (already added, empty) states of `fields` from field_head and sync_ref. The caller skips
 * fields of rows it knows have nothing stored, so a cold join asks for almost nothing here.
 */
export function loadFieldStates(st: SqliteSyncStatements, cache: FieldCache, fields: readonly FieldRef[]): void {
  for (let i = 0; i < fields.length; i += CHUNK) {
    const arg = JSON.stringify(fields.slice(i, i + CHUNK).map((f) => [f.tbl, f.row, f.col]))
    type H = { tbl: string; row_id: string; col: string; op: string; hlc: string; value: string | null; base: string }
    for (const r of st.manyHeads.all(arg) as H[]) {
      const s = cache.get(r.tbl, r.row_id, r.col)
      if (!s || s.heads.some((h) => h.id === r.op)) continue
      s.heads.push({ id: r.op, h: r.hlc, v: parseJson(r.value), b: JSON.parse(r.base) as string[] })
      s.storedHeads++
    }
    for (const r of st.manyRefs.all(arg) as { tbl: string; row_id: string; col: string; op: string }[]) {
      const s = cache.get(r.tbl, r.row_id, r.col)
      if (!s || s.refs?.includes(r.op)) continue
      s.refs = [...(s.refs ?? []), r.op]
      s.storedRefs++
    }
  }
}
