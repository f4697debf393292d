import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import m009 from '../../../src/main/backend/db/migrations/m009_creationKeys'

describe('migration 009 (creation keys)', () => {
  it('adds a STRICT creation_key table keyed by the creation id', () => {
    const db = new Database(':memory:')
    for (const m of migrations.filter((x) => x.version < 9)) m.up(db)
    m009.up(db)
    const t = db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'creation_key'").get() as { strict: number }
    expect(t.strict).toBe(1)
    const insert = db.prepare("INSERT INTO creation_key (key, kind, record_id, input_hash, created_at) VALUES ('g1', 'content', 'A', 'h', 'x')")
    insert.run()
    expect(() => insert.run()).toThrow(/UNIQUE/)
  })
})
