import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordKinds } from '../../src/core/domain/recordKinds'
import { sql } from '../../src/main/backend/db/sql'
import { tempBackend } from './helpers/tempWorkspace'

type Temp = Awaited<ReturnType<typeof tempBackend>>
let t: Temp
beforeEach(async () => {
  t = await tempBackend()
})
afterEach(() => t.cleanup())

const channel = (name: string) => ({ ...recordKinds.channel.defaults, name, platform: 'blog' })

describe('the mutation path for bulk creates', () => {
  it('refuses a second record with an existing id by name, and writes nothing of the batch', () => {
    const id = t.b.newId()
    t.b.mutate('first', [{ op: 'create', kind: 'channel', id, values: channel('Blog') }])
    const other = t.b.newId()
    expect(() => t.b.mutate('again', [{ op: 'create', kind: 'channel', id: other, values: channel('Other') }, { op: 'create', kind: 'channel', id, values: channel('Again') }])).toThrow(
      `channel ${id} already exists`
    )
    expect(t.b.db.all(sql`SELECT id FROM channel WHERE id = ${other}`)).toEqual([])
    expect(t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_tx`)?.n).toBe(1)
  })

  it('rebinds a statement only with as many values as it has parameters', () => {
    const q = sql`SELECT ${1} AS a, ${2} AS b`
    expect(sql.rebind(q, [3, 4])).toEqual({ text: q.text, values: [3, 4], __sql: true })
    expect(() => sql.rebind(q, [3])).toThrow('sql.rebind: 1 values for 2 parameters')
  })

  it('gives ids that stay unique and sorted over a large batch (pooled random source)', () => {
    const ids = Array.from({ length: 20_000 }, () => t.b.newId())
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
  })
})
