import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import m001 from '../../../src/main/backend/db/migrations/m001_initial'
import type { KindName } from '../../../src/core/domain/recordKinds'
import { recordCodec } from '../../../src/main/backend/repo/recordCodec'

// The kinds whose tables migration 001 creates; later kinds are checked by their own migration's test.
// Columns later migrations add to these tables (003: recurring series on content).
const addedLater = ['series_id', 'recurrence']
const kindNames: KindName[] = ['member', 'goal', 'measurement', 'channel', 'campaign', 'content', 'influencer', 'conversation']

describe('migration 001 (initial schema)', () => {
  const db = new Database(':memory:')
  m001.up(db)
  const columns = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; notnull: number; dflt_value: string | null }[])

  it('has a table per record kind whose columns match the zod schema exactly', () => {
    for (const kind of kindNames) {
      const codec = recordCodec(kind)
      const actual = columns(codec.table).map((c) => c.name).sort()
      const expected = ['id', 'created_at', 'updated_at', 'deleted_at', ...codec.columns.map((c) => c.column)].filter((c) => !addedLater.includes(c)).sort()
      expect(actual, kind).toEqual(expected)
    }
  })

  it('gives every synced column a default or lets it be null (sync can create rows field by field)', () => {
    for (const kind of kindNames) {
      for (const c of columns(recordCodec(kind).table)) {
        if (['id', 'created_at', 'updated_at'].includes(c.name)) continue
        expect(c.notnull === 0 || c.dflt_value !== null, `${kind}.${c.name}`).toBe(true)
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
