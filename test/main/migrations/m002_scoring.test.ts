import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import m001 from '../../../src/main/backend/db/migrations/m001_initial'
import m002 from '../../../src/main/backend/db/migrations/m002_scoring'
import { latestVersion, migrations } from '../../../src/main/backend/db/migrations/index'

describe('migration 002 (scoring: pins and score snapshots)', () => {
  const db = new Database(':memory:')
  m001.up(db)
  m002.up(db)
  const columns = (t: string) => db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; notnull: number; dflt_value: string | null }[]

  it('is version 2 and in the migration list', () => {
    expect(m002.version).toBe(2)
    expect(migrations.map((m) => m.version)).toContain(2)
    expect(latestVersion).toBeGreaterThanOrEqual(2)
  })

  it('gives every synced column of the new tables a default or lets it be null', () => {
    for (const table of ['pin', 'score_snapshot']) {
      for (const c of columns(table)) {
        if (['id', 'created_at', 'updated_at'].includes(c.name)) continue
        expect(c.notnull === 0 || c.dflt_value !== null, `${table}.${c.name}`).toBe(true)
      }
    }
  })

  it('makes STRICT tables and the indexes the scoring service reads by', () => {
    const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE name IN ('pin', 'score_snapshot')").all() as { name: string; strict: number }[]
    expect(strict.every((t) => t.strict === 1)).toBe(true)
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM score_snapshot WHERE quarter = '2026-Q4' AND deleted_at IS NULL ORDER BY taken_on").all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/score_snapshot_quarter/)
    expect(() => db.prepare("INSERT INTO pin (id, min_hours, created_at, updated_at) VALUES ('x', 'lots', '', '')").run()).toThrow()
  })
})
