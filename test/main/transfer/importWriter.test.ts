/**
 * The writer thread of a pipelined import, run as the CLI runs it: the built worker
 * (out/main/importWriter.js, made by the build step before these tests) on a real workspace file.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordKinds } from '../../../src/core/domain/recordKinds'
import { sql } from '../../../src/main/backend/db/sql'
import type { Change, DataChanged } from '../../../src/main/backend/mutate'
import { historyService } from '../../../src/main/backend/services/historyService'
import { importWriter } from '../../../src/main/backend/services/importWriter'
import { tempBackend } from '../helpers/tempWorkspace'

const WORKER = join(process.cwd(), 'out', 'main', 'importWriter.js')
type Temp = Awaited<ReturnType<typeof tempBackend>>
let t: Temp
beforeEach(async () => {
  t = await tempBackend()
})
afterEach(() => t.cleanup())

const channels = (n: number, from = 0): Change[] =>
  Array.from({ length: n }, (_, i) => ({ op: 'create', kind: 'channel', id: t.b.newId(), values: { ...recordKinds.channel.defaults, name: `Channel ${from + i}`, platform: 'blog' } }))
const count = () => t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM channel`)?.n
const plan = { bulkKinds: ['channel' as const], rebuildTables: [] }
const start = () => {
  expect(existsSync(WORKER), 'out/main/importWriter.js: run `npm run build` first').toBe(true)
  const w = importWriter(t.b, 'import plan.csv', plan, WORKER)
  if (w === null) throw new Error('no writer')
  return w
}

describe('a pipelined import’s writer thread', () => {
  it('writes the parts it is given as one op, announced here, and this connection’s next op follows it', async () => {
    const seen: DataChanged[] = []
    t.b.events.on((event, payload) => {
      if (event === 'data-changed') seen.push(payload as DataChanged)
    })
    const w = start()
    w.write(channels(1500))
    w.write(channels(1500, 1500))
    const r = await w.finish()
    expect(r.tx).toBe(`${t.b.ws.deviceId}:1`)
    expect(count()).toBe(3000)
    expect(t.b.db.all(sql`SELECT seq, label FROM change_tx`)).toEqual([{ seq: 1, label: 'import plan.csv' }])
    expect(seen).toHaveLength(1)
    expect(seen[0]?.ids).toHaveLength(3000)
    expect(t.b.mutate('next', channels(1, 3000)).tx).toBe(`${t.b.ws.deviceId}:2`)
    // One undo takes the whole written op back (then the later one first).
    historyService.record(t.b, r.tx, 'import plan.csv')
    historyService.undo(t.b)
    expect(t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM channel WHERE deleted_at IS NULL`)?.n).toBe(1)
  })

  it('rolls everything back when aborted after parts were written', async () => {
    const w = start()
    w.write(channels(2000))
    await w.abort()
    expect(count()).toBe(0)
    expect(t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_record`)?.n).toBe(0)
  })

  it('reports the first failure at the end and writes nothing', async () => {
    const first = channels(1200)
    const w = start()
    w.write(first)
    w.write([first[7] as Change])
    w.write(channels(10, 1200))
    await expect(w.finish()).rejects.toThrow(`writing it failed (channel ${String(first[7]?.id)} already exists); the workspace is as it was`)
    expect(count()).toBe(0)
    // The file is free again: this connection writes.
    expect(t.b.mutate('after', channels(1, 9)).tx).toBe(`${t.b.ws.deviceId}:1`)
  })
})
