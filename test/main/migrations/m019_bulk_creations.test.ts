/**
 * m019 (issue #15): a bulk creation record keeps the largest id of its chunk in `row_last`, and
 * "which chunk holds this id?" is a range over the partial index of bulk records only.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { sql } from '../../../src/main/backend/db/sql'
import { tempBackend } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('m019: bulk creation records', () => {
  it('adds row_last to the change log and finds a bulk record by its id range through change_record_bulk', async () => {
    const w = await tempBackend()
    cleanups.push(w.cleanup)
    const cols = w.b.db.all<{ name: string }>(sql`SELECT name FROM pragma_table_info('change_record')`).map((c) => c.name)
    expect(cols).toContain('row_last')
    const plan = w.b.db
      .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT id FROM change_record WHERE tbl = ${'content_item'} AND col = ${'+'} AND row_last >= ${'B'} AND row_id <= ${'B'}`)
      .map((r) => r.detail)
    expect(plan.join(' | ')).toMatch(/USING INDEX change_record_bulk \(tbl=\? AND row_last>\?\)/)
    const ins = w.b.db.raw.prepare(`INSERT INTO change_record (dev, seq, hlc, tbl, row_id, row_last, col, new_value) VALUES ('d', 1, 'h', 'content_item', ?, ?, ?, '{}')`)
    ins.run('A', 'C', '+')
    ins.run('B', null, '*')
    const indexed = w.b.db.raw.prepare(`SELECT row_id FROM change_record INDEXED BY change_record_bulk WHERE tbl = 'content_item' AND col = '+' AND row_last >= 'B'`).all()
    expect(indexed).toEqual([{ row_id: 'A' }])
  })
})
