import type { Db } from './db/db'
import { sql } from './db/sql'

/**
 * Marker column of a bulk creation record: one change record for a chunk of records created together
 * (an import's rows), written by mutate.ts where one transaction creates at least `BULK_MIN` records
 * of one kind. A per-row creation record (`*`) costs an INSERT and two index entries per row, which
 * was a fifth of a 100k-row import (issue #15); a chunk is one INSERT. Its `new_value` is
 * `{"fields": [field…], "ids": [id…], "columns": [column…]}` (see `Column`), `row_id` the chunk's smallest id and `row_last`
 * its largest (migration m019). Every reader sees it as the per-row records it replaces (`expand`):
 * the same ids and values, null fields left out, in the same order — so the op a teammate receives,
 * undo, history and the deck's "as of" view are those of per-row records. Older logs keep their
 * per-row records, and readers take both.
 */
export const BULK_COL = '+'
/** Creations of one kind in one transaction from which they are logged in chunks. */
export const BULK_MIN = 1000
/** A chunk holds at most this many rows, and is closed once its text passes BULK_BYTES. */
export const BULK_ROWS_PER_CHUNK = 2000
export const BULK_BYTES = 1 << 20

export type Created = { id: string; values: Record<string, unknown> }
export type BulkRecord = { id: number; dev: string; seq: number; hlc: string; new_value: string | null }

/**
 * One column of a chunk: its values in row order; or — when they repeat (a channel, a date) — the
 * distinct values and an index per row; or — when every row has the same value (a status, and the
 * many fields an import leaves empty) — that value once (`c`, since schema 20).
 */
type Column = { v: unknown[] } | { d: unknown[]; i: number[] } | { c: unknown }

/**
 * Builds one chunk, column by column: an import's rows repeat most of their values (the same
 * channel, status, brief), and each repeated value costs its index rather than its text again, so
 * the log holds a fraction of the bytes per row that a JSON object per row did (bytes written are
 * most of what an import's write costs). The size is tracked as rows are added, so a chunk closes
 * near `BULK_BYTES` without serialising it twice.
 */
export function bulkChunk(fields: readonly string[]): {
  add: (id: string, values: Record<string, unknown>) => void
  full: () => boolean
  size: () => number
  close: () => { text: string; first: string; last: string }
} {
  let ids: string[] = []
  // A column stays `same` while every row has its first row's value: it costs nothing per row then.
  // The first different value turns it into distinct values and an index per row.
  let same = fields.map(() => true)
  let firstKey: unknown[] = fields.map(() => undefined)
  let firstIsObject = fields.map(() => false)
  // Plain values are keyed by themselves; objects and arrays (a checklist, a list of links) by their text, in a map of their own.
  let seen = fields.map(() => new Map<unknown, number>())
  let seenObjects = fields.map(() => new Map<string, number>())
  let distinct: unknown[][] = fields.map(() => [])
  let index: number[][] = fields.map(() => [])
  let bytes = 0
  let first = ''
  let last = ''
  const keyOf = (v: unknown): unknown => (typeof v === 'object' && v !== null ? JSON.stringify(v) : v)
  const remember = (c: number, v: unknown, key: unknown): number => {
    const m = (typeof v === 'object' && v !== null ? seenObjects[c] : seen[c]) as Map<unknown, number>
    let at = m.get(key)
    if (at === undefined) {
      at = (distinct[c] as unknown[]).length
      m.set(key, at)
      ;(distinct[c] as unknown[]).push(v)
      bytes += (typeof key === 'string' ? key.length : 8) + 3
    }
    return at
  }
  return {
    add(id, values) {
      const row = ids.length
      ids.push(id)
      bytes += id.length + 3
      for (let c = 0; c < fields.length; c++) {
        const v = values[fields[c] as string] ?? null
        const key = keyOf(v)
        const isObject = typeof v === 'object' && v !== null
        if (row === 0) {
          firstKey[c] = key
          firstIsObject[c] = isObject
          remember(c, v, key)
          continue
        }
        if (same[c]) {
          // An object and a text that reads like it ({"a":1} and '{"a":1}') are different values.
          if (key === firstKey[c] && isObject === firstIsObject[c]) continue
          // The first row that differs: the rows before it all had the first value (index 0).
          same[c] = false
          index[c] = new Array<number>(row).fill(0)
          bytes += 4 * row
        }
        ;(index[c] as number[]).push(remember(c, v, key))
        bytes += 4
      }
      if (first === '' || id < first) first = id
      if (id > last) last = id
    },
    full: () => ids.length >= BULK_ROWS_PER_CHUNK || bytes >= BULK_BYTES,
    size: () => ids.length,
    close() {
      const columns: Column[] = fields.map((_f, c) => {
        const d = distinct[c] as unknown[]
        if (same[c]) return { c: d[0] ?? null }
        const i = index[c] as number[]
        return d.length * 2 <= i.length ? { d, i } : { v: i.map((at) => d[at]) }
      })
      const text = JSON.stringify({ fields, ids, columns })
      const out = { text, first, last }
      ids = []
      same = fields.map(() => true)
      firstKey = fields.map(() => undefined)
      firstIsObject = fields.map(() => false)
      seen = fields.map(() => new Map())
      seenObjects = fields.map(() => new Map())
      distinct = fields.map(() => [])
      index = fields.map(() => [])
      bytes = 0
      first = ''
      last = ''
      return out
    }
  }
}

/** A bulk record's rows as per-row creations: values without their null fields, as a `*` record holds them. */
export function expandBulk(text: string | null): Created[] {
  if (text === null) return []
  const { fields, ids, columns } = JSON.parse(text) as { fields: string[]; ids: string[]; columns: Column[] }
  const valueAt = columns.map((col): ((row: number) => unknown) => ('c' in col ? () => col.c : 'v' in col ? (row) => col.v[row] : (row) => col.d[col.i[row] ?? -1]))
  return ids.map((id, row) => {
    const values: Record<string, unknown> = {}
    fields.forEach((f, c) => {
      const v = valueAt[c]?.(row)
      if (v !== null && v !== undefined) values[f] = v
    })
    return { id, values }
  })
}

/** Rows per bulk record, parsed once: a re-import or an undo of 100k imported rows asks for each row's creation. */
const rowCache = new WeakMap<Db, Map<string, Map<string, Record<string, unknown>>>>()
const CACHED = 64

type Candidate = Omit<BulkRecord, 'new_value'> & { row_id: string; row_last: string }

function rowsOf(db: Db, r: Candidate): Map<string, Record<string, unknown>> {
  let cache = rowCache.get(db)
  if (!cache) rowCache.set(db, (cache = new Map()))
  // Keyed by the id range too: a rolled-back import's record id can be reused, never with the same new ids.
  const key = `${r.id}\u0000${r.row_id}\u0000${r.row_last}`
  let rows = cache.get(key)
  if (!rows) {
    // The text (up to 1 MB) is read only here, not with every look-up.
    const text = db.get<{ new_value: string | null }>(sql`SELECT new_value FROM change_record WHERE id = ${r.id}`)?.new_value ?? null
    rows = new Map(expandBulk(text).map((c) => [c.id, c.values]))
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value ?? '')
    cache.set(key, rows)
  }
  return rows
}

/**
 * `bulkCreationOf` for many rows of one table within one transaction (an undo of a 100k-row import
 * asks for the creation of every row it takes back): the table's chunk ranges are read once and each
 * look-up is a pass over them in memory. The index range scan it replaces reads every chunk ending
 * after the row, so its cost grew with the import (~40 µs a row at 10 chunks, more at 50). Valid
 * while the table's bulk records do not change: the caller drops it when it writes one.
 */
export function bulkCreationLookup(db: Db, tbl: string): (rowId: string) => ReturnType<typeof bulkCreationOf> {
  const chunks = db.all<Candidate>(sql`SELECT id, dev, seq, hlc, row_id, row_last FROM change_record WHERE tbl = ${tbl} AND col = ${BULK_COL} ORDER BY id DESC`)
  return (rowId) => {
    // Ids are ASCII (ULIDs), so JavaScript's comparison orders them as SQLite's BINARY collation does.
    for (const c of chunks) {
      if (c.row_id > rowId || c.row_last < rowId) continue
      const values = rowsOf(db, c).get(rowId)
      if (values !== undefined) return { id: c.id, dev: c.dev, seq: c.seq, hlc: c.hlc, values }
    }
    return undefined
  }
}

/**
 * The bulk creation record that created one row, if any, with the row's values (nulls left out).
 * Chunks of one import never overlap; ids given by a file can make chunks of different imports
 * overlap, so every chunk whose range holds the id is asked, newest first.
 */
export function bulkCreationOf(
  db: Db, tbl: string, rowId: string, op?: { dev: string; seq: number }
): (Omit<BulkRecord, 'new_value'> & { values: Record<string, unknown> }) | undefined {
  const candidates = db.all<Candidate>(
    op === undefined
      ? sql`SELECT id, dev, seq, hlc, row_id, row_last FROM change_record
            WHERE tbl = ${tbl} AND col = ${BULK_COL} AND row_last >= ${rowId} AND row_id <= ${rowId} ORDER BY id DESC`
      : sql`SELECT id, dev, seq, hlc, row_id, row_last FROM change_record
            WHERE dev = ${op.dev} AND seq = ${op.seq} AND tbl = ${tbl} AND col = ${BULK_COL} AND row_last >= ${rowId} AND row_id <= ${rowId} ORDER BY id DESC`
  )
  for (const c of candidates) {
    const values = rowsOf(db, c).get(rowId)
    if (values !== undefined) return { id: c.id, dev: c.dev, seq: c.seq, hlc: c.hlc, values }
  }
  return undefined
}
