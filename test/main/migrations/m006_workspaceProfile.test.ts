import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import m006 from '../../../src/main/backend/db/migrations/m006_workspaceProfile'

describe('migration 006 (workspace profile)', () => {
  it('adds a STRICT workspace_profile table on top of the earlier schema', () => {
    const db = new Database(':memory:')
    for (const m of migrations.filter((x) => x.version < 6)) m.up(db)
    m006.up(db)
    const t = db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'workspace_profile'").get() as { strict: number }
    expect(t.strict).toBe(1)
    db.prepare("INSERT INTO workspace_profile (id, name, created_at, updated_at) VALUES ('a', 'Acme', 'x', 'x')").run()
    expect(db.prepare("SELECT blended_hourly_rate AS r, currency FROM workspace_profile").get()).toEqual({ r: 75, currency: 'USD' })
    expect(() => db.prepare("INSERT INTO workspace_profile (id, blended_hourly_rate, created_at, updated_at) VALUES ('b', 'lots', 'x', 'x')").run()).toThrow()
  })
})
