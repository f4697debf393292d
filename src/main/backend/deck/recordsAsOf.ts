import type { KindName } from '../../../core/domain/recordKinds'
import type { Db, Row } from '../db/db'
import { sql } from '../db/sql'
import { CREATE_COL, DELETED_COL } from '../mutate'
import { recordCodec } from '../repo/recordCodec'
import { BULK_COL, expandBulk } from '../bulkCreations'

export type AsOfRecord = Record<string, unknown> & { id: string; deletedAt: string | null }

/**
 * The live records of one kind as they stood at the end of a day, rebuilt from the change log that
 * every write leaves (mutate.ts): each field changed after the cut-off is put back to the value it
 * replaced, a record deleted after it is live again, one deleted before it stays deleted.
 *
 * A record *created* after the cut-off is kept as it was entered (a goal or channel typed in late
 * describes the past: the demo and imports back-fill history), unless `dropLateCreations` is set:
 * a decision such as a pin made after the day did not exist on it and must not steer that quarter.
 */
export function recordsAsOf(db: Db, kind: KindName, day: string, options: { dropLateCreations?: boolean } = {}): AsOfRecord[] {
  const codec = recordCodec(kind)
  const cutoff = hlcAfterDay(day)
  const rows = new Map<string, AsOfRecord>()
  for (const r of db.all<Row>(sql`SELECT * FROM ${sql.id(codec.table)}`)) {
    const rec = codec.fromRow(r) as AsOfRecord
    rows.set(rec.id, rec)
  }
  const later = db.all<{ row_id: string; col: string; old_value: string | null; new_value: string | null }>(
    sql`SELECT row_id, col, old_value, CASE WHEN col = ${BULK_COL} THEN new_value END AS new_value FROM change_record WHERE tbl = ${codec.table} AND hlc > ${cutoff} ORDER BY hlc DESC, id DESC`
  )
  // Newest first: after the loop each field holds the value replaced by its first change after the cut-off.
  for (const c of later) {
    // A bulk record (an import's chunk) is the creation of each of its rows.
    if (c.col === BULK_COL) {
      if (options.dropLateCreations === true) for (const r of expandBulk(c.new_value)) rows.delete(r.id)
      continue
    }
    const rec = rows.get(c.row_id)
    if (rec === undefined) continue
    if (c.col === CREATE_COL) {
      if (options.dropLateCreations === true) rows.delete(c.row_id)
      continue
    }
    if (c.col === DELETED_COL) {
      rec.deletedAt = c.old_value === 'true' ? (rec.deletedAt ?? day) : null
      continue
    }
    const column = codec.byColumn.get(c.col)
    if (column !== undefined && c.old_value !== null) rec[column.field] = JSON.parse(c.old_value) as unknown
  }
  return [...rows.values()].filter((r) => r.deletedAt === null)
}

/** The largest hybrid-logical-clock stamp of a UTC day: 12 hex ms, 4 hex counter, 16 hex device. */
function hlcAfterDay(day: string): string {
  const ms = Date.parse(`${day}T23:59:59.999Z`)
  return ms.toString(16).padStart(12, '0') + 'ffff' + 'f'.repeat(16)
}
