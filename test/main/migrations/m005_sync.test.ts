import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import m005 from '../../../src/main/backend/db/migrations/m005_sync'
import { migrations } from '../../../src/main/backend/db/migrations/index'

describe('migration 005 (team sync)', () => {
  it('is version 5 and in the migration list', () => {
    expect(m005.version).toBe(5)
    expect(migrations.map((m) => m.version)).toContain(5)
  })

  it('adds the sync tables and gives fields created before it their creation op as an explicit head', () => {
    const db = new Database(':memory:')
    for (const m of migrations.filter((x) => x.version < 5)) m.up(db)
    db.prepare(`INSERT INTO change_record (dev, seq, hlc, tbl, row_id, col, old_value, new_value, base) VALUES ('aaaaaaaaaaaaaaaa', 1, 'h1', 'channel', 'R1', '*', NULL, ?, '[]')`).run(
      JSON.stringify({ name: 'Blog', cadencePerWeek: 2 })
    )
    db.prepare(`INSERT INTO field_head (tbl, row_id, col, op, hlc, value) VALUES ('channel', 'R1', 'name', 'aaaaaaaaaaaaaaaa:2', 'h2', '"Blog 2"')`).run()
    m005.up(db)
    const heads = db.prepare(`SELECT col, op, value, base FROM field_head WHERE row_id = 'R1' ORDER BY col`).all()
    expect(heads).toEqual([
      { col: 'cadence_per_week', op: 'aaaaaaaaaaaaaaaa:1', value: '2', base: '[]' },
      { col: 'name', op: 'aaaaaaaaaaaaaaaa:2', value: '"Blog 2"', base: '[]' }
    ])
    for (const t of ['sync_device', 'sync_ref', 'sync_pending', 'sync_fork', 'sync_file', 'sync_gap', 'sync_review']) {
      expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = ?`).get(t), t).toEqual({ n: 1 })
    }
    const txCols = (db.prepare(`PRAGMA table_info(change_tx)`).all() as { name: string }[]).map((c) => c.name)
    expect(txCols).toEqual(expect.arrayContaining(['hash', 'schema']))
  })
})
