import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { kindNames } from '../../../src/core/domain/recordKinds'
import m003 from '../../../src/main/backend/db/migrations/m003_calendar'
import { latestVersion, migrations } from '../../../src/main/backend/db/migrations/index'
import { recordCodec } from '../../../src/main/backend/repo/recordCodec'

describe('migration 003 (calendar: series, saved views, workspace policy)', () => {
  const db = new Database(':memory:')
  for (const m of migrations) m.up(db)
  const columns = (t: string) => db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; notnull: number; dflt_value: string | null }[]

  it('is version 3 and in the migration list', () => {
    expect(m003.version).toBe(3)
    expect(migrations.map((m) => m.version)).toContain(3)
    expect(latestVersion).toBeGreaterThanOrEqual(3)
  })

  it('after every migration, each record kind has a table whose columns match its zod schema exactly', () => {
    for (const kind of kindNames) {
      const codec = recordCodec(kind)
      const actual = columns(codec.table).map((c) => c.name).sort()
      const expected = ['id', 'created_at', 'updated_at', 'deleted_at', ...codec.columns.map((c) => c.column)].sort()
      expect(actual, kind).toEqual(expected)
    }
  })

  it('adds nullable series columns to content and gives the new tables defaults on every synced column', () => {
    const content = columns('content_item')
    expect(content.find((c) => c.name === 'series_id')?.notnull).toBe(0)
    expect(content.find((c) => c.name === 'recurrence')?.notnull).toBe(0)
    for (const table of ['saved_view', 'workspace_policy']) {
      for (const c of columns(table)) {
        if (['id', 'created_at', 'updated_at'].includes(c.name)) continue
        expect(c.notnull === 0 || c.dflt_value !== null, `${table}.${c.name}`).toBe(true)
      }
    }
  })

  it('keeps existing content rows valid and uses the planned-date indexes the calendar reads by', () => {
    const fresh = new Database(':memory:')
    for (const m of migrations.filter((x) => x.version < 3)) m.up(fresh)
    fresh.prepare("INSERT INTO content_item (id, title, created_at, updated_at) VALUES ('a', 'Old', '', '')").run()
    m003.up(fresh)
    expect(fresh.prepare("SELECT series_id, recurrence FROM content_item WHERE id = 'a'").get()).toEqual({ series_id: null, recurrence: null })
    const plan = (q: string) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((p) => p.detail).join(' ')
    expect(plan("SELECT id FROM content_item WHERE planned_date BETWEEN '2026-11-01' AND '2026-11-30' AND deleted_at IS NULL")).toMatch(/content_planned/)
    expect(plan("SELECT id FROM content_item WHERE channel_id IN ('x') AND planned_date BETWEEN '2026-11-01' AND '2026-11-30'")).toMatch(/content_channel_planned/)
    expect(plan("SELECT id FROM content_item WHERE series_id = 'x'")).toMatch(/content_series/)
  })
})
