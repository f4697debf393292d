import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import m007 from '../../../src/main/backend/db/migrations/m007_sync_bulk'

describe('migration 007 (sync bulk receipts)', () => {
  it('adds a STRICT sync_received table keyed by device and first seq', () => {
    const db = new Database(':memory:')
    for (const m of migrations.filter((x) => x.version < 7)) m.up(db)
    m007.up(db)
    const t = db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'sync_received'").get() as { strict: number }
    expect(t.strict).toBe(1)
    const ins = db.prepare('INSERT INTO sync_received (dev, from_seq, to_seq, width, hashes) VALUES (?, ?, ?, ?, ?)')
    ins.run('aaaaaaaaaaaaaaaa', 1, 2, 2, 'x1x2')
    expect(() => ins.run('aaaaaaaaaaaaaaaa', 1, 3, 2, 'y1y2y3')).toThrow()
    expect(() => ins.run('aaaaaaaaaaaaaaaa', 'three', 3, 2, 'y1')).toThrow()
  })
})
