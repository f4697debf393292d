/**
 * Where remote field values land: per record table, the column codecs plus what SQLite says about
 * each column (type, NOT NULL, default). A remote value is coerced the same way on every replica, so
 * a teammate's odd value (text in a number column, null in a NOT NULL one) can never abort a batch
 * and leave a device stuck, and every replica still shows the same row.
 */
import type Database from 'better-sqlite3'
import { kindNames } from '../../../core/domain/recordKinds'
import { parseHlc } from '../../../core/sync/hlc'
import { DELETED_COLUMN } from '../../../core/sync/op'
import type { Json } from '../../../core/sync/op'
import { recordCodec } from '../repo/recordCodec'
import type { ColumnCodec } from '../repo/recordCodec'

type SqlCell = string | number | null
/** The displayed head of a field: its value and HLC (a tombstone's time comes from its stamp). */
export type Winner = { v: Json; h: string }
type ColumnInfo = { codec: ColumnCodec; affinity: 'text' | 'real' | 'integer'; notNull: boolean; fallback: SqlCell }

export type AppTable = {
  table: string
  columns: Map<string, ColumnInfo>
  byField: Map<string, string>
  /** Writes winners (undefined = no head: leave as is); true when the row changed. */
  writeRow: (db: Database.Database, row: string, cols: Map<string, Winner | undefined>, iso: string) => boolean
}

function literal(dflt: string | null): SqlCell {
  if (dflt === null) return null
  if (dflt.startsWith("'")) return dflt.slice(1, -1).replace(/''/g, "'")
  const n = Number(dflt)
  return Number.isFinite(n) ? n : null
}

function coerce(c: ColumnInfo, v: Json): SqlCell {
  if (v === null) return c.notNull ? c.fallback : null
  if (c.codec.type === 'json') return JSON.stringify(v)
  if (c.codec.type === 'bool') return v === true || v === 1 ? 1 : 0
  if (c.affinity === 'real' || c.affinity === 'integer') {
    const n = typeof v === 'number' ? v : Number(v)
    if (!Number.isFinite(n)) return c.notNull ? c.fallback : null
    return c.affinity === 'integer' ? Math.trunc(n) : n
  }
  return typeof v === 'string' ? v : JSON.stringify(v)
}

export function appTables(db: Database.Database): Map<string, AppTable> {
  const out = new Map<string, AppTable>()
  for (const kind of kindNames) {
    const codec = recordCodec(kind)
    const info = db.prepare(`SELECT name, type, "notnull" AS nn, dflt_value FROM pragma_table_info(?)`).all(codec.table) as {
      name: string
      type: string
      nn: number
      dflt_value: string | null
    }[]
    if (info.length === 0) continue
    const byName = new Map(info.map((i) => [i.name, i]))
    const columns = new Map<string, ColumnInfo>()
    for (const c of codec.columns) {
      const i = byName.get(c.column)
      if (!i) continue
      const t = i.type.toUpperCase()
      const affinity = t.includes('INT') ? 'integer' : t.includes('REAL') ? 'real' : 'text'
      columns.set(c.column, { codec: c, affinity, notNull: i.nn === 1, fallback: literal(i.dflt_value) })
    }
    const table = codec.table
    const updates = new Map<string, Database.Statement>()
    out.set(table, {
      table,
      columns,
      byField: new Map(codec.columns.map((c) => [c.field, c.column])),
      writeRow: (conn, row, cols, iso) => {
        const names: string[] = []
        const values: SqlCell[] = []
        for (const [col, win] of cols) {
          if (win === undefined) continue
          const v = win.v
          if (col === DELETED_COLUMN) {
            // The tombstone's own stamp, not the local time, so every replica shows the same row.
            names.push('deleted_at')
            values.push(v === true ? new Date(parseHlc(win.h)?.millis ?? 0).toISOString() : null)
            continue
          }
          const c = columns.get(col)
          if (!c) continue
          names.push(col)
          values.push(coerce(c, v))
        }
        if (names.length === 0) return false
        // One upsert per row: a new row gets the winners and the column defaults for the rest, an
        // existing one only the winners. Column names come from the schema above, never from the
        // wire; statements are cached by shape.
        const shape = names.join(',')
        let st = updates.get(shape)
        if (!st) {
          const cols = names.map((n) => `"${n}"`).join(', ')
          const set = names.map((n) => `"${n}" = excluded."${n}"`).join(', ')
          st = conn.prepare(
            `INSERT INTO "${table}" (id, created_at, updated_at, ${cols}) VALUES (?, ?, ?, ${names.map(() => '?').join(', ')})
             ON CONFLICT(id) DO UPDATE SET ${set}, updated_at = excluded.updated_at`
          )
          updates.set(shape, st)
        }
        st.run(row, iso, iso, ...values)
        return true
      }
    })
  }
  return out
}
