import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { dispatch } from '../../../src/main/backend/dispatch'
import { sql } from '../../../src/main/backend/db/sql'
import { startWebHost, type WebHost } from '../../../src/main/web/webHost'
import { tempBackend } from '../helpers/tempWorkspace'

// Issue #13 item 5: one record per create gesture, enforced by the backend (not by a disabled button).
let b: Backend
let dir: string
let cleanup: () => void
beforeEach(async () => {
  ;({ b, dir, cleanup } = await tempBackend())
})
afterEach(() => cleanup())

const items = () => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM content_item`)?.n ?? -1
const members = () => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM member`)?.n ?? -1
type Created = { tx: string | null; item: { id: string } }
const txs = () => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_tx`)?.n ?? -1

describe('idempotent creation', () => {
  it('the same calendar create sent twice writes one item and answers both with it', async () => {
    const input = { creationId: 'gesture-0001', values: { title: 'Launch post', plannedDate: '2026-03-23', status: 'idea' } }
    const first = await dispatch(b, 'calendar-create', input)
    const again = await dispatch(b, 'calendar-create', { values: { status: 'idea', plannedDate: '2026-03-23', title: 'Launch post' }, creationId: 'gesture-0001' })
    if (!first.ok || !again.ok) throw new Error('create failed')
    expect((again.data as Created).item.id).toBe((first.data as Created).item.id)
    expect((again.data as Created).tx).toBeNull()
    expect(items()).toBe(1)
    expect(txs()).toBe(1)
    // A new gesture is a new item.
    await dispatch(b, 'calendar-create', { ...input, creationId: 'gesture-0002' })
    expect(items()).toBe(2)
  })

  it('a record table create (member-create) with a creation id is idempotent too; without one every call creates', async () => {
    const a = await dispatch(b, 'member-create', { name: 'Ada', creationId: 'new-member-1' })
    const a2 = await dispatch(b, 'member-create', { name: 'Ada', creationId: 'new-member-1' })
    if (!a.ok || !a2.ok) throw new Error('create failed')
    expect((a2.data as { id: string }).id).toBe((a.data as { id: string }).id)
    expect(members()).toBe(1)
    await dispatch(b, 'member-create', { name: 'Ada' })
    await dispatch(b, 'member-create', { name: 'Ada' })
    expect(members()).toBe(3)
  })

  it('reusing a creation id for a different record is refused, naming the field, and writes nothing', async () => {
    await dispatch(b, 'calendar-create', { creationId: 'gesture-0003', values: { title: 'One' } })
    const n = txs()
    const r = await dispatch(b, 'calendar-create', { creationId: 'gesture-0003', values: { title: 'Two' } })
    const m = await dispatch(b, 'member-create', { creationId: 'gesture-0003', name: 'One' })
    expect(m.ok).toBe(false)
    if (r.ok) throw new Error('a reused creation id must be refused')
    expect(r.error.code).toBe('conflict')
    expect(r.error.issues[0]?.path).toEqual(['creationId'])
    expect([items(), txs()]).toEqual([1, n])
  })

  it('a refused create does not use up its creation id', async () => {
    const bad = await dispatch(b, 'calendar-create', { creationId: 'gesture-0004', values: { title: '' } })
    expect(bad.ok).toBe(false)
    const good = await dispatch(b, 'calendar-create', { creationId: 'gesture-0004', values: { title: 'Fixed' } })
    expect(good.ok).toBe(true)
    expect(items()).toBe(1)
  })

  it('twenty copies of one create racing over HTTP make one item', async () => {
    const renderer = join(dir, '..', 'renderer')
    mkdirSync(renderer, { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>SMO Desk</title>')
    const host: WebHost = await startWebHost(b, { port: 0, rendererDir: renderer })
    try {
      const body = JSON.stringify({ creationId: 'gesture-race', values: { title: 'Raced', plannedDate: '2026-03-23' } })
      const post = () =>
        new Promise<{ status: number; id: string }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/calendar-create', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' } }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { item?: { id: string } }
              resolve({ status: res.statusCode ?? 0, id: parsed.item?.id ?? '' })
            })
          })
          req.on('error', reject)
          req.end(body)
        })
      const all = await Promise.all(Array.from({ length: 20 }, post))
      expect(all.every((r) => r.status === 200)).toBe(true)
      expect(new Set(all.map((r) => r.id)).size).toBe(1)
      expect(items()).toBe(1)
    } finally {
      await host.close()
    }
  })
})
