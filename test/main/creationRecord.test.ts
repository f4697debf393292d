import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordKinds } from '../../src/core/domain/recordKinds'
import { sql } from '../../src/main/backend/db/sql'
import { recordCodec } from '../../src/main/backend/repo/recordCodec'
import { appTables } from '../../src/main/backend/sync/appTables'
import { encodeLocalOp } from '../../src/main/backend/sync/encodeLocalOp'
import { materializeCreationHeads } from '../../src/main/backend/sync/materializeCreationHeads'
import { sqliteSyncStatements } from '../../src/main/backend/sync/sqliteSyncStatements'
import { tempBackend } from './helpers/tempWorkspace'

type Temp = Awaited<ReturnType<typeof tempBackend>>
let t: Temp
beforeEach(async () => {
  t = await tempBackend()
})
afterEach(() => t.cleanup())

const content = (title: string) => ({ ...recordKinds.content.defaults, title, plannedDate: '2026-12-01' })
const creation = (id: string) => t.b.db.get<{ dev: string; seq: number; hlc: string; new_value: string }>(sql`SELECT dev, seq, hlc, new_value FROM change_record WHERE row_id = ${id} AND col = '*'`)
const encode = (dev: string, seq: number, hlc: string) => JSON.parse(encodeLocalOp(sqliteSyncStatements(t.b.db.raw), appTables(t.b.db.raw), dev, seq, hlc, 1)) as unknown

describe('the creation record', () => {
  it('leaves out null fields, and a teammate still receives every nullable column (the same op as from an older record with the nulls spelled out)', () => {
    const id = t.b.newId()
    t.b.mutate('create', [{ op: 'create', kind: 'content', id, values: content('Launch post') }])
    const rec = creation(id)!
    const stored = JSON.parse(rec.new_value) as Record<string, unknown>
    expect(stored.title).toBe('Launch post')
    expect(Object.values(stored)).not.toContain(null)
    expect('channelId' in stored).toBe(false)
    const lean = encode(rec.dev, rec.seq, rec.hlc)

    // The same creation as written before: every field, nulls included, in column order.
    const full: Record<string, unknown> = {}
    for (const c of recordCodec('content').columns) full[c.field] = stored[c.field] ?? null
    t.b.db.run(sql`UPDATE change_record SET new_value = ${JSON.stringify(full)} WHERE row_id = ${id} AND col = '*'`)
    const old = encode(rec.dev, rec.seq, rec.hlc)
    expect(lean).toEqual(old)
    expect(JSON.stringify(lean)).toBe(JSON.stringify(old))
    expect(JSON.stringify(lean)).toContain('"channel_id":null')
  })

  it('gives every field its creation head when the workspace joins a team, null ones included', () => {
    const id = t.b.newId()
    t.b.mutate('create', [{ op: 'create', kind: 'content', id, values: content('Launch post') }])
    materializeCreationHeads(t.b.db)
    const heads = t.b.db.all<{ col: string; value: string }>(sql`SELECT col, value FROM field_head WHERE row_id = ${id}`)
    expect(heads).toHaveLength(recordCodec('content').columns.length)
    expect(heads.find((h) => h.col === 'channel_id')?.value).toBe('null')
    expect(heads.find((h) => h.col === 'title')?.value).toBe('"Launch post"')
  })
})

describe('a bulk creation (an import)', () => {
  const indexes = () => t.b.db.all<{ name: string }>(sql`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'content_item' AND sql IS NOT NULL ORDER BY name`).map((r) => r.name)
  const plan = () => t.b.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT id FROM content_item WHERE planned_date = ${'2026-12-01'}`).map((r) => r.detail).join(' ')

  it('rebuilds the table indexes it set aside, and a failed batch rolls back with them in place', () => {
    const before = indexes()
    expect(before.length).toBeGreaterThan(3)
    const batch = Array.from({ length: 10_000 }, (_, i) => ({ op: 'create' as const, kind: 'content' as const, id: t.b.newId(), values: content(`Post ${i}`) }))
    t.b.mutate('import', batch)
    expect(indexes()).toEqual(before)
    expect(plan()).toContain('content_planned')
    expect(t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM content_item WHERE planned_date = '2026-12-01'`)?.n).toBe(10_000)
    expect(t.b.db.raw.pragma('integrity_check', { simple: true })).toBe('ok')

    // The second batch fails on its last row (an id that exists): nothing of it is written, the indexes stay.
    const again = Array.from({ length: 10_000 }, (_, i) => ({ op: 'create' as const, kind: 'content' as const, id: t.b.newId(), values: content(`More ${i}`) }))
    again.push({ op: 'create', kind: 'content', id: batch[0]!.id, values: content('Twice') })
    expect(() => t.b.mutate('import again', again)).toThrow('already exists')
    expect(indexes()).toEqual(before)
    expect(t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM content_item`)?.n).toBe(10_000)
  })
})
