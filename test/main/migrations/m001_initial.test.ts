import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import m001 from '../../../src/main/backend/db/migrations/m001_initial'

// What migration 001 itself creates. That the fully migrated schema matches today's zod kinds is
// checked once, in schemaMatchesDomain.test.ts, so later migrations never need to edit this file.
const tables = ['member', 'goal', 'measurement', 'channel', 'campaign', 'content_item', 'influencer', 'conversation']

describe('migration 001 (initial schema)', () => {
  const db = new Database(':memory:')
  m001.up(db)
  const columns = (t: string) => db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; notnull: number; dflt_value: string | null }[]

  it('creates a STRICT table per original record kind with id, stamps and a tombstone column', () => {
    const strict = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE name IN (${tables.map(() => '?').join(',')})`).all(...tables) as { name: string; strict: number }[]
    expect(strict.map((t) => t.name).sort()).toEqual([...tables].sort())
    expect(strict.every((t) => t.strict === 1)).toBe(true)
    for (const t of tables) expect(columns(t).map((c) => c.name), t).toEqual(expect.arrayContaining(['id', 'created_at', 'updated_at', 'deleted_at']))
  })

  it('gives every synced column a default or lets it be null (sync can create rows field by field)', () => {
    for (const t of tables) {
      for (const c of columns(t)) {
        if (['id', 'created_at', 'updated_at'].includes(c.name)) continue
        expect(c.notnull === 0 || c.dflt_value !== null, `${t}.${c.name}`).toBe(true)
      }
    }
  })

  it('creates the change log, heads and local state tables, and the indexes the screens use', () => {
    const names = (db.prepare("SELECT name FROM sqlite_schema").all() as { name: string }[]).map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['change_tx', 'change_record', 'field_head', 'local_state', 'content_channel_planned', 'measurement_goal_date']))
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM content_item WHERE planned_date BETWEEN '2026-11-01' AND '2026-11-30' AND deleted_at IS NULL").all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX content_planned/)
  })
})
