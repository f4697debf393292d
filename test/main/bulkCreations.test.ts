/**
 * Bulk creation records (issue #15): an import's creations are logged a chunk at a time, and every
 * reader of the change log sees them as the per-row creation records they replace. Each reader is
 * asked twice — over the bulk records as written, and over the same log rewritten the old way, one
 * `*` record per row — and must answer the same: the op a teammate receives, sync's explicit heads,
 * a record's history, the change list, the deck's "as of" view; undo takes the whole import back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordKinds } from '../../src/core/domain/recordKinds'
import { BULK_COL, BULK_ROWS_PER_CHUNK, bulkChunk, expandBulk } from '../../src/main/backend/bulkCreations'
import { sql } from '../../src/main/backend/db/sql'
import { recordsAsOf } from '../../src/main/backend/deck/recordsAsOf'
import { recordHistory } from '../../src/main/backend/people/recordHistory'
import { historyService } from '../../src/main/backend/services/historyService'
import { workspaceService } from '../../src/main/backend/services/workspaceService'
import { appTables } from '../../src/main/backend/sync/appTables'
import { encodeLocalOp } from '../../src/main/backend/sync/encodeLocalOp'
import { materializeCreationHeads } from '../../src/main/backend/sync/materializeCreationHeads'
import { sqliteSyncStatements } from '../../src/main/backend/sync/sqliteSyncStatements'
import { tempBackend } from './helpers/tempWorkspace'

type Temp = Awaited<ReturnType<typeof tempBackend>>
let t: Temp
const at = Date.parse('2026-12-01T10:00:00Z')
beforeEach(async () => {
  t = await tempBackend(() => at)
})
afterEach(() => t.cleanup())

const ROWS = BULK_ROWS_PER_CHUNK + 500

/** An import's batch: a channel it creates (too few for a chunk), then its content items, some fields null. */
function importBatch(): { channel: string; ids: string[]; tx: string } {
  const channel = t.b.newId()
  const ids = Array.from({ length: ROWS }, () => t.b.newId())
  const r = t.b.mutate('import plan.csv', [
    { op: 'create', kind: 'channel', id: channel, values: { ...recordKinds.channel.defaults, name: 'Blog', platform: 'blog' } },
    ...ids.map((id, i) => ({
      op: 'create' as const,
      kind: 'content' as const,
      id,
      values: { ...recordKinds.content.defaults, title: `Post ${i}`, plannedDate: '2026-12-01', channelId: i % 2 === 0 ? channel : null, effortHours: i % 7 }
    }))
  ])
  historyService.record(t.b, r.tx, 'import plan.csv')
  return { channel, ids, tx: r.tx ?? '' }
}

/** The same log as older versions wrote it: each bulk record replaced by one `*` record per row, in its order. */
function asPerRowRecords(): void {
  type R = { id: number; dev: string; seq: number; hlc: string; tbl: string; new_value: string }
  const bulk = t.b.db.all<R>(sql`SELECT id, dev, seq, hlc, tbl, new_value FROM change_record WHERE col = ${BULK_COL} ORDER BY id`)
  t.b.db.tx(() => {
    t.b.db.run(sql`DELETE FROM change_record WHERE col = ${BULK_COL}`)
    for (const r of bulk)
      for (const c of expandBulk(r.new_value))
        t.b.db.run(sql`INSERT INTO change_record (dev, seq, hlc, tbl, row_id, col, old_value, new_value, base)
          VALUES (${r.dev}, ${r.seq}, ${r.hlc}, ${r.tbl}, ${c.id}, '*', NULL, ${JSON.stringify(c.values)}, '[]')`)
  })
}

const count = (col: string) => t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_record WHERE col = ${col}`)?.n

describe('bulk creation records', () => {
  it('give back each row as it was added: repeated values stored once, types kept apart, nulls left out', () => {
    const rows = [
      { id: 'A', values: { n: 1, s: '1', o: { a: 1 }, t: '{"a":1}', l: ['x'], z: null, b: false } },
      { id: 'C', values: { n: 1, s: '1', o: { a: 1 }, t: '{"a":1}', l: ['x'], b: true } },
      { id: 'B', values: { n: '1', s: 1, o: {}, t: 'other', l: [], z: 0, b: false } },
      { id: 'D', values: { n: 1, s: '1', o: { a: 1 }, t: '{"a":1}', l: ['x'], b: true } }
    ]
    const chunk = bulkChunk(['n', 's', 'o', 't', 'l', 'z', 'b'])
    for (const r of rows) chunk.add(r.id, r.values)
    const { text, first, last } = chunk.close()
    expect([first, last]).toEqual(['A', 'D'])
    // Most columns repeat here, so they are stored as distinct values and an index per row.
    expect(JSON.parse(text).columns.filter((c: object) => 'd' in c).length).toBeGreaterThan(3)
    expect(expandBulk(text)).toEqual([
      { id: 'A', values: { n: 1, s: '1', o: { a: 1 }, t: '{"a":1}', l: ['x'], b: false } },
      { id: 'C', values: { n: 1, s: '1', o: { a: 1 }, t: '{"a":1}', l: ['x'], b: true } },
      { id: 'B', values: { n: '1', s: 1, o: {}, t: 'other', l: [], z: 0, b: false } },
      { id: 'D', values: { n: 1, s: '1', o: { a: 1 }, t: '{"a":1}', l: ['x'], b: true } }
    ])
    expect(chunk.size()).toBe(0)
  })

  it('hold a column once when every row has its value, and turn it into values per row at the first that differs', () => {
    const chunk = bulkChunk(['status', 'late', 'shape', 'empty'])
    const rows = [
      { id: 'A', values: { status: 'draft', late: 'x', shape: { a: 1 } } },
      { id: 'B', values: { status: 'draft', late: 'x', shape: { a: 1 } } },
      { id: 'C', values: { status: 'draft', late: 'x', shape: { a: 1 } } },
      // The same text as the object's JSON is another value, not a repeat of it.
      { id: 'D', values: { status: 'draft', late: 'y', shape: '{"a":1}' } },
      { id: 'E', values: { status: 'draft', late: 'x', shape: { a: 1 } } }
    ]
    for (const r of rows) chunk.add(r.id, r.values)
    const { text } = chunk.close()
    const columns = JSON.parse(text).columns as object[]
    expect(columns[0]).toEqual({ c: 'draft' })
    expect(columns[3]).toEqual({ c: null })
    expect('c' in (columns[1] ?? {})).toBe(false)
    expect('c' in (columns[2] ?? {})).toBe(false)
    expect(expandBulk(text)).toEqual(rows)
    // A chunk after close starts over: its first row sets the constant again.
    chunk.add('F', { status: 'idea', late: 'x', shape: null })
    chunk.add('G', { status: 'idea', late: 'x', shape: null })
    expect(JSON.parse(chunk.close().text).columns).toEqual([{ c: 'idea' }, { c: 'x' }, { c: null }, { c: null }])
  })

  it('log an import in chunks of at most 2,000 rows, and every reader sees the per-row creations they stand for', () => {
    const { channel, ids, tx } = importBatch()
    expect(count(BULK_COL)).toBe(2)
    expect(count('*')).toBe(1)
    const [dev = '', seq = '0'] = tx.split(':')
    const hlc = t.b.db.get<{ hlc: string }>(sql`SELECT hlc FROM change_tx WHERE dev = ${dev} AND seq = ${Number(seq)}`)?.hlc ?? ''
    const read = () => ({
      op: encodeLocalOp(sqliteSyncStatements(t.b.db.raw), appTables(t.b.db.raw), dev, Number(seq), hlc, 19),
      first: recordHistory(t.b, { id: ids[0] ?? '' }),
      last: recordHistory(t.b, { id: ids[ROWS - 1] ?? '' }),
      channel: recordHistory(t.b, { id: channel }),
      list: workspaceService.changes(t.b, {}),
      listOne: workspaceService.changes(t.b, { id: ids[2100] ?? '' }),
      asOfBefore: recordsAsOf(t.b.db, 'content', '2026-11-30', { dropLateCreations: true }).length,
      asOfKept: recordsAsOf(t.b.db, 'content', '2026-11-30').length
    })
    const heads = () => {
      t.b.db.run(sql`DELETE FROM field_head`)
      materializeCreationHeads(t.b.db)
      return t.b.db.all(sql`SELECT tbl, row_id, col, op, hlc, value, base FROM field_head ORDER BY tbl, row_id, col`)
    }
    const bulk = { ...read(), heads: heads() }
    asPerRowRecords()
    expect(count(BULK_COL)).toBe(0)
    expect(count('*')).toBe(ROWS + 1)
    const perRow = { ...read(), heads: heads() }
    // Key by key, so a difference prints what differs rather than the whole 2,500-row op.
    for (const k of Object.keys(bulk) as (keyof typeof bulk)[]) expect({ [k]: JSON.stringify(bulk[k]) === JSON.stringify(perRow[k]) }).toEqual({ [k]: true })
    // What the readers said, so the comparison cannot pass by both being empty.
    expect(JSON.parse(bulk.op).tx).toHaveLength(ROWS + 1)
    expect(bulk.first.items).toEqual([expect.objectContaining({ field: 'created', tx, label: 'import plan.csv' })])
    expect(bulk.first.items[0]?.to).toMatchObject({ title: 'Post 0', channelId: channel })
    expect(bulk.last.items[0]?.to).not.toHaveProperty('channelId')
    expect(bulk.list.items[0]?.changes).toHaveLength(200)
    expect(bulk.listOne.items.map((i) => i.tx)).toEqual([tx])
    expect(bulk.asOfBefore).toBe(0)
    expect(bulk.asOfKept).toBe(ROWS)
    expect(bulk.heads.length).toBeGreaterThan(ROWS * 10)
  })

  it('name the import as the op an edit of an imported record supersedes', () => {
    const { ids, tx } = importBatch()
    const id = ids[ROWS - 3] ?? ''
    const edit = t.b.mutate('retitle', [{ op: 'update', kind: 'content', id, set: { title: 'Renamed' } }])
    const head = t.b.db.get<{ base: string }>(sql`SELECT base FROM field_head WHERE row_id = ${id} AND col = 'title'`)
    expect(JSON.parse(head?.base ?? '[]')).toEqual([tx])
    expect(recordHistory(t.b, { id }).items.map((i) => [i.field, i.tx])).toEqual([['title', edit.tx], ['created', tx]])
  })

  it('name the import, and every edit since, as the ops a deletion of an imported record supersedes; a restore supersedes the deletion', () => {
    const { ids, tx } = importBatch()
    const id = ids[7] ?? ''
    const base = (col: string) => JSON.parse(t.b.db.get<{ base: string }>(sql`SELECT base FROM field_head WHERE row_id = ${id} AND col = ${col}`)?.base ?? 'null') as unknown
    const edit = t.b.mutate('retitle', [{ op: 'update', kind: 'content', id, set: { title: 'Renamed' } }]).tx ?? ''
    const gone = t.b.mutate('delete', [{ op: 'delete', kind: 'content', id }]).tx ?? ''
    expect(base('_deleted')).toEqual([edit, tx].sort())
    t.b.mutate('restore', [{ op: 'restore', kind: 'content', id }])
    expect(base('_deleted')).toEqual([edit, gone].sort())
    expect(t.b.db.all(sql`SELECT op FROM field_head WHERE row_id = ${id} AND col = '_deleted'`)).toHaveLength(1)
    // A record created on its own (a `*` record) names its own creation.
    const own = t.b.newId()
    const made = t.b.mutate('one', [{ op: 'create', kind: 'content', id: own, values: { ...recordKinds.content.defaults, title: 'Solo', plannedDate: '2026-12-01' } }]).tx
    t.b.mutate('delete', [{ op: 'delete', kind: 'content', id: own }])
    expect(JSON.parse(t.b.db.get<{ base: string }>(sql`SELECT base FROM field_head WHERE row_id = ${own} AND col = '_deleted'`)?.base ?? 'null')).toEqual([made])
  })

  it('come back with one undo, every imported record with them, and again with redo', () => {
    const { ids } = importBatch()
    const live = () => t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM content_item WHERE deleted_at IS NULL`)?.n
    expect(live()).toBe(ROWS)
    historyService.undo(t.b)
    expect(live()).toBe(0)
    expect(t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM channel WHERE deleted_at IS NULL`)?.n).toBe(0)
    historyService.redo(t.b)
    expect(live()).toBe(ROWS)
    expect(recordHistory(t.b, { id: ids[5] ?? '' }).items.map((i) => i.field)).toEqual(['deleted', 'deleted', 'created'])
  })

  it('are not used for a few creations: those keep one record per row', () => {
    t.b.mutate('two', [0, 1].map((i) => ({ op: 'create' as const, kind: 'content' as const, id: t.b.newId(), values: { ...recordKinds.content.defaults, title: `P${i}`, plannedDate: '2026-12-01' } })))
    expect(count(BULK_COL)).toBe(0)
    expect(count('*')).toBe(2)
  })
})
