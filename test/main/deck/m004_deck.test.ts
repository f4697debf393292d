import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import m001 from '../../../src/main/backend/db/migrations/m001_initial'
import m002 from '../../../src/main/backend/db/migrations/m002_scoring'
import m004 from '../../../src/main/backend/db/migrations/m004_deck'
import { latestVersion, migrations } from '../../../src/main/backend/db/migrations/index'
import { recordCodec } from '../../../src/main/backend/repo/recordCodec'

describe('migration 004 (review deck: slide notes)', () => {
  const db = new Database(':memory:')
  m001.up(db)
  m002.up(db)
  m004.up(db)
  const columns = (t: string) => db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; notnull: number; dflt_value: string | null }[]

  it('is version 4 and in the migration list', () => {
    expect(m004.version).toBe(4)
    expect(migrations.map((m) => m.version)).toContain(4)
    expect(latestVersion).toBeGreaterThanOrEqual(4)
  })

  it('makes a deck_note table whose columns match the deckNote zod schema exactly', () => {
    const codec = recordCodec('deckNote')
    expect(codec.table).toBe('deck_note')
    const actual = columns('deck_note').map((c) => c.name).sort()
    const expected = ['id', 'created_at', 'updated_at', 'deleted_at', ...codec.columns.map((c) => c.column)].sort()
    expect(actual).toEqual(expected)
  })

  it('gives every synced column a default or lets it be null, in a STRICT table', () => {
    for (const c of columns('deck_note')) {
      if (['id', 'created_at', 'updated_at'].includes(c.name)) continue
      expect(c.notnull === 0 || c.dflt_value !== null, c.name).toBe(true)
    }
    const strict = db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'deck_note'").get() as { strict: number }
    expect(strict.strict).toBe(1)
    expect(() => db.prepare("INSERT INTO deck_note (id, text, created_at, updated_at) VALUES ('x', X'0102', '', '')").run()).toThrow()
  })

  it('reads a quarter\'s notes through its index', () => {
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM deck_note WHERE quarter = '2026-Q3' AND deleted_at IS NULL").all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/deck_note_quarter/)
  })
})
