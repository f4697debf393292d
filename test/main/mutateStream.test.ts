import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordKinds } from '../../src/core/domain/recordKinds'
import { connectionPragmas } from '../../src/main/backend/db/connectionPragmas'
import { wrapDb } from '../../src/main/backend/db/db'
import { sql } from '../../src/main/backend/db/sql'
import { createMutator, type Change } from '../../src/main/backend/mutate'
import { tempBackend } from './helpers/tempWorkspace'

type Temp = Awaited<ReturnType<typeof tempBackend>>
const NOW = Date.parse('2026-12-06T12:00:00Z')
let a: Temp
beforeEach(async () => {
  a = await tempBackend(() => NOW)
})
afterEach(() => a.cleanup())

const channels = (t: Temp, n: number): Change[] =>
  Array.from({ length: n }, (_, i) => ({ op: 'create', kind: 'channel', id: t.b.newId(), values: { ...recordKinds.channel.defaults, name: `Channel ${i}`, platform: 'blog' } }))
const count = (t: Temp) => t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM channel`)?.n
const log = (t: Temp) => t.b.db.all(sql`SELECT seq, tbl, row_id, row_last, col, old_value, new_value, base FROM change_record ORDER BY id`)
const plan = { bulkKinds: ['channel' as const], rebuildTables: ['channel'] }

describe('a mutation written a part at a time (mutate.stream)', () => {
  it('writes the same rows, log and op as one mutate of all its parts', async () => {
    const b = await tempBackend(() => NOW)
    const changes = channels(a, 2500)
    a.b.mutate('import', changes)
    const s = b.b.mutate.stream('import', plan)
    for (let i = 0; i < changes.length; i += 1000) s.write(changes.slice(i, i + 1000))
    const r = s.finish()
    expect(r.tx).toBe(`${b.b.ws.deviceId}:1`)
    expect(r.changedIds).toHaveLength(2500)
    expect(count(b)).toBe(2500)
    expect(log(b)).toEqual(log(a))
    expect(b.b.db.all(sql`SELECT name FROM channel ORDER BY id`)).toEqual(a.b.db.all(sql`SELECT name FROM channel ORDER BY id`))
    expect(b.b.db.get(sql`SELECT seq, label FROM change_tx`)).toEqual({ seq: 1, label: 'import' })
    // The indexes dropped for the rebuild are back.
    expect(b.b.db.all(sql`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'channel' ORDER BY name`)).toEqual(
      a.b.db.all(sql`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'channel' ORDER BY name`)
    )
    b.cleanup()
  })

  it('leaves the workspace as it was when aborted, and the next op takes the next number', () => {
    const s = a.b.mutate.stream('import', plan)
    s.write(channels(a, 1500))
    s.abort()
    expect(count(a)).toBe(0)
    expect(a.b.db.all(sql`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'channel'`).length).toBeGreaterThan(0)
    expect(a.b.mutate('one', channels(a, 1)).tx).toBe(`${a.b.ws.deviceId}:1`)
  })

  it('rolls every part back when one fails, and refuses to go on', () => {
    const first = channels(a, 1200)
    const s = a.b.mutate.stream('import', plan)
    s.write(first)
    expect(() => s.write([first[3] as Change])).toThrow(`channel ${String(first[3]?.id)} already exists`)
    expect(count(a)).toBe(0)
    expect(() => s.write(channels(a, 1))).toThrow('The write "import" has already ended')
    expect(a.b.db.raw.inTransaction).toBe(false)
  })

  it('keeps the write lock from start to end: another connection cannot write in between', () => {
    const s = a.b.mutate.stream('import', plan)
    s.write(channels(a, 10))
    const other = new Database(a.b.ws.paths.db)
    other.pragma('busy_timeout = 0')
    expect(() => other.exec(`INSERT INTO local_state (key, value) VALUES ('x', 'y')`)).toThrow(/locked|busy/i)
    s.finish()
    other.exec(`INSERT INTO local_state (key, value) VALUES ('x', 'y')`)
    other.close()
  })

  it('numbers the next op after one another connection wrote to the same file', () => {
    a.b.mutate('first', channels(a, 1))
    const raw = new Database(a.b.ws.paths.db)
    connectionPragmas(raw, false)
    const elsewhere = createMutator(wrapDb(raw), a.b.ws.deviceId, () => NOW, () => {})
    const s = elsewhere.stream('import', plan)
    s.write(channels(a, 3))
    expect(s.finish().tx).toBe(`${a.b.ws.deviceId}:2`)
    raw.close()
    expect(a.b.mutate('after', channels(a, 1)).tx).toBe(`${a.b.ws.deviceId}:3`)
  })
})
