import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { kindNames } from '../../../src/core/domain/recordKinds'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import { recordCodec } from '../../../src/main/backend/repo/recordCodec'

// After every migration, the database is exactly what the zod record kinds describe: a field added to a
// schema without a migration (or a column without a field) fails here.
describe('the migrated schema matches the domain', () => {
  const db = new Database(':memory:')
  for (const m of migrations) m.up(db)
  const columns = (t: string) => db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; notnull: number; dflt_value: string | null }[]

  it('has a table per record kind whose columns match its zod fields exactly', () => {
    for (const kind of kindNames) {
      const codec = recordCodec(kind)
      const actual = columns(codec.table).map((c) => c.name).sort()
      const expected = ['id', 'created_at', 'updated_at', 'deleted_at', ...codec.columns.map((c) => c.column)].sort()
      expect(actual, kind).toEqual(expected)
    }
  })

  it('gives every synced column a default or lets it be null', () => {
    for (const kind of kindNames) {
      for (const c of columns(recordCodec(kind).table)) {
        if (['id', 'created_at', 'updated_at'].includes(c.name)) continue
        expect(c.notnull === 0 || c.dflt_value !== null, `${kind}.${c.name}`).toBe(true)
      }
    }
  })

  it('numbers migrations uniquely and in order', () => {
    const versions = migrations.map((m) => m.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
    expect(versions[0]).toBe(1)
  })
})
