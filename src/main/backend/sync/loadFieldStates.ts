/**
 * Batch preload of field registers for SqliteSyncStore: the registers of many fields with a few set
 * queries in key order, instead of two point queries per field from JS. Fields with nothing stored
 * start empty, so a new field later costs no DELETE.
 */
import type { Json } from '../../../core/sync/op'
import type { FieldHead, FieldRef } from '../../../core/sync/syncStore'
import type { SqliteSyncStatements } from './sqliteSyncStatements'

/**
 * Heads and refs are plain arrays (almost always 0–2 entries): a cold join holds every field of the
 * workspace in one transaction, and a Map plus a Set per field would cost several times the memory.
 * `touched`: its register changed in this transaction, so its winner goes to the app row at commit.
 */
export type FieldState = {
  f: FieldRef
  heads: FieldHead[]
  refs: string[] | null
  dirty: boolean
  storedHeads: number
  storedRefs: number
  refsDirty: boolean
  touched: boolean
}

/** Fields per preload query: keeps the JSON argument small while saving one round trip per field. */
const CHUNK = 2000
const SEP = '\u0000'

function parseJson(text: string | null): Json {
  return text === null ? null : (JSON.parse(text) as Json)
}

/** Adds a state to `fields` for every entry of `want` (key → field), loaded from the database. */
export function loadFieldStates(st: SqliteSyncStatements, fields: Map<string, FieldState>, want: Map<string, FieldRef>): void {
  const keys = [...want.keys()].sort()
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK)
    const arg = JSON.stringify(
      chunk.map((k) => {
        const f = want.get(k) as FieldRef
        return [f.tbl, f.row, f.col]
      })
    )
    for (const k of chunk) {
      const f = want.get(k) as FieldRef
      fields.set(k, { f: { tbl: f.tbl, row: f.row, col: f.col }, heads: [], refs: null, dirty: false, storedHeads: 0, storedRefs: 0, refsDirty: false, touched: false })
    }
    type H = { tbl: string; row_id: string; col: string; op: string; hlc: string; value: string | null; base: string }
    for (const r of st.manyHeads.all(arg) as H[]) {
      const s = fields.get(r.tbl + SEP + r.row_id + SEP + r.col)
      if (!s || s.heads.some((h) => h.id === r.op)) continue
      s.heads.push({ id: r.op, h: r.hlc, v: parseJson(r.value), b: JSON.parse(r.base) as string[] })
      s.storedHeads++
    }
    for (const r of st.manyRefs.all(arg) as { tbl: string; row_id: string; col: string; op: string }[]) {
      const s = fields.get(r.tbl + SEP + r.row_id + SEP + r.col)
      if (!s || s.refs?.includes(r.op)) continue
      s.refs = [...(s.refs ?? []), r.op]
      s.storedRefs++
    }
  }
}
