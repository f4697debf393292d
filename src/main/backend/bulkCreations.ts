import type { Db } from './db/db'
import { sql } from './db/sql'

/**
 * Marker column of a bulk creation record: one change record for a chunk of records created together
 * (an import's rows), written by mutate.ts where one transaction creates at least `BULK_MIN` records
 * of one kind. A per-row creation record (`*`) costs an INSERT and two index entries per row, which
 * was a fifth of a 100k-row import (issue #15); a chunk is one INSERT. Its `new_value` is
 * `{"fields": [field…], "rows": [[id, value…]…]}`, `row_id` the chunk's smallest id and `row_last`
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

/** Builds one chunk's text row by row, so its size is known without a second serialisation. */
export function bulkChunk(fields: readonly string[]): {
  add: (id: string, values: Record<string, unknown>) => void
  full: () => boolean
  size: () => number
  close: () => { text: string; first: string; last: string }
} {
  let rows: string[] = []
  let bytes = 0
  let first = ''
  let last = ''
  return {
    add(id, values) {
      const row = JSON.stringify([id, ...fields.map((f) => values[f] ?? null)])
      rows.push(row)
      bytes += row.length + 1
      if (first === '' || id < first) first = id
      if (id > last) last = id
    },
    full: () => rows.length >= BULK_ROWS_PER_CHUNK || bytes >= BULK_BYTES,
    size: () => rows.length,
    close() {
      const text = `{"fields":${JSON.stringify(fields)},"rows":[${rows.join(',')}]}`
      const out = { text, first, last }
      rows = []
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
  const { fields, rows } = JSON.parse(text) as { fields: string[]; rows: unknown[][] }
  return rows.map(([id, ...vs]) => {
    const values: Record<string, unknown> = {}
    fields.forEach((f, i) => {
      const v = vs[i]
      if (v !== null && v !== undefined) values[f] = v
    })
    return { id: String(id), values }
  })
}

/** Ids per bulk record, parsed once: a re-import updating 100k imported rows asks for each row's creation. */
const idCache = new WeakMap<Db, Map<string, Map<string, Record<string, unknown>>>>()
const CACHED = 64

function rowsOf(db: Db, r: BulkRecord & { row_id: string; row_last: string }): Map<string, Record<string, unknown>> {
  let cache = idCache.get(db)
  if (!cache) idCache.set(db, (cache = new Map()))
  // Keyed by the id range too: a rolled-back import's record id can be reused, never with the same new ids.
  const key = `${r.id}\u0000${r.row_id}\u0000${r.row_last}`
  let rows = cache.get(key)
  if (!rows) {
    rows = new Map(expandBulk(r.new_value).map((c) => [c.id, c.values]))
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value ?? '')
    cache.set(key, rows)
  }
  return rows
}

/**
 * The bulk creation record that created one row, if any, with the row's values (nulls left out).
 * Chunks of one import never overlap; ids given by a file can make chunks of different imports
 * overlap, so every chunk whose range holds the id is asked, newest first.
 */
export function bulkCreationOf(
  db: Db, tbl: string, rowId: string, op?: { dev: string; seq: number }
): (Omit<BulkRecord, 'new_value'> & { values: Record<string, unknown> }) | undefined {
  const candidates = db.all<BulkRecord & { row_id: string; row_last: string }>(
    op === undefined
      ? sql`SELECT id, dev, seq, hlc, row_id, row_last, new_value FROM change_record
            WHERE tbl = ${tbl} AND col = ${BULK_COL} AND row_last >= ${rowId} AND row_id <= ${rowId} ORDER BY id DESC`
      : sql`SELECT id, dev, seq, hlc, row_id, row_last, new_value FROM change_record
            WHERE dev = ${op.dev} AND seq = ${op.seq} AND tbl = ${tbl} AND col = ${BULK_COL} AND row_last >= ${rowId} AND row_id <= ${rowId} ORDER BY id DESC`
  )
  for (const c of candidates) {
    const values = rowsOf(db, c).get(rowId)
    if (values !== undefined) return { id: c.id, dev: c.dev, seq: c.seq, hlc: c.hlc, values }
  }
  return undefined
}
