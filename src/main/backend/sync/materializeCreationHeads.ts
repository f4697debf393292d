import { kindNames } from '../../../core/domain/recordKinds'
import type { Db } from '../db/db'
import { sql } from '../db/sql'
import { CREATE_COL } from '../mutate'
import { BULK_COL, expandBulk } from '../bulkCreations'
import { recordCodec } from '../repo/recordCodec'

/**
 * Before a workspace first joins a team, give every field that was never edited since its record was
 * created an explicit head (the creation op). A workspace that does not sync keeps those heads
 * implicit — the creation change record — which keeps bulk creation (imports, the demo) about as
 * fast as a plain INSERT; the sync merge, though, reads every head from `field_head`. Idempotent.
 */
export function materializeCreationHeads(db: Db): number {
  let added = 0
  db.tx(() => {
    for (const kind of kindNames) {
      const codec = recordCodec(kind)
      const tbl = codec.table
      const existing = new Set(
        db.all<{ row_id: string; col: string }>(sql`SELECT row_id, col FROM field_head WHERE tbl = ${tbl}`).map((r) => `${r.row_id}\u0000${r.col}`)
      )
      const records = db.all<{ row_id: string; col: string; dev: string; seq: number; hlc: string; new_value: string }>(
        sql`SELECT row_id, col, dev, seq, hlc, new_value FROM change_record WHERE tbl = ${tbl} AND col IN (${CREATE_COL}, ${BULK_COL}) ORDER BY id`
      )
      // A bulk record (an import's chunk) stands for the per-row creations of its rows.
      const created = records.flatMap((r) =>
        r.col === BULK_COL ? expandBulk(r.new_value).map((c) => ({ ...r, row_id: c.id, values: c.values })) : [{ ...r, values: JSON.parse(r.new_value) as Record<string, unknown> }]
      )
      for (const c of created) {
        const values = c.values
        const rows = codec.columns.filter((col) => !existing.has(`${c.row_id}\u0000${col.column}`))
        if (rows.length === 0) continue
        db.run(
          sql`INSERT OR IGNORE INTO field_head (tbl, row_id, col, op, hlc, value, base) VALUES ${sql.join(
            rows.map((col) => sql`(${tbl}, ${c.row_id}, ${col.column}, ${`${c.dev}:${c.seq}`}, ${c.hlc}, ${JSON.stringify(values[col.field] ?? null)}, '[]')`)
          )}`
        )
        for (const col of rows) existing.add(`${c.row_id}\u0000${col.column}`)
        added += rows.length
      }
    }
  })
  return added
}
