/**
 * Two computers of one team (issue #16): the pause of a waiting conversation is derived from synced
 * fields only, so both compute the same due times, and a teammate ending the wait moves the due time
 * on the other computer too.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { InboxRow } from '../../../src/core/api/methods/deskMethods'
import type { Backend } from '../../../src/main/backend/backend'
import { createBackend } from '../../../src/main/backend/backend'
import { dispatch } from '../../../src/main/backend/dispatch'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { syncNow, syncSetup } from '../../../src/main/backend/services/syncService'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { tempDir } from '../helpers/tempWorkspace'

process.env.SMO_SYNC_SCRYPT_N = '1024'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

async function call<T>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = (await dispatch(b, method as never, input as never)) as { ok: boolean; data?: T; error?: unknown }
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
  return r.data as T
}

const clocks = (r: InboxRow) => ({ state: r.state, waitingSince: r.waitingSince, waits: r.waits, firstResponseDueAt: r.firstResponseDueAt, resolutionDueAt: r.resolutionDueAt, nextDueAt: r.nextDueAt, breached: r.breached })

describe('waiting on two computers', () => {
  it('gives both the same paused and resumed due times from the synced fields', async () => {
    const t = tempDir('smo-desk-wait-sync-')
    cleanups.push(t.cleanup)
    const folder = join(t.dir, 'Dropbox')
    mkdirSync(folder)
    // Monday 9 Feb 2026, 10:00 Berlin.
    const clock = { now: Date.parse('2026-02-09T09:00:00Z') }
    const workspace = async (name: string): Promise<Backend> => {
      const ws = await openWorkspace(join(t.dir, name), { create: true, lock: 'test' })
      const b = createBackend(ws, memorySettings({ deviceName: name }), fileSecrets(join(t.dir, `${name}-userdata`)), () => clock.now)
      cleanups.push(() => b.close())
      return b
    }
    const a = await workspace('a')
    syncSetup(a, { mode: 'create', folder })
    const b = await workspace('b')
    syncSetup(b, { mode: 'join', folder })

    await call(a, 'desk-settings-set', { timeZone: 'Europe/Berlin', targets: [{ type: 'complaint', priority: 'high', firstResponseHours: 2, resolutionHours: 8 }] })
    const expert = await call<{ id: string }>(a, 'expert-create', { name: 'Support lead', team: 'Support' })
    const c = await call<InboxRow>(a, 'conversation-create', { occurredAt: '2026-02-09T08:00:00Z', author: 'Sam', summary: 'Charged twice', type: 'complaint', priority: 'high', assigneeId: expert.id, state: 'assigned' })
    await call(a, 'conversation-respond', { id: c.id, replyText: 'Which invoice?', waitForAuthor: true })
    syncNow(a)
    syncNow(b)
    const onA = clocks(await call<InboxRow>(a, 'inbox-get', { id: c.id }))
    expect(onA).toMatchObject({ state: 'waiting', waitingSince: '2026-02-09T09:00:00.000Z', nextDueAt: null, resolutionDueAt: null })
    expect(clocks(await call<InboxRow>(b, 'inbox-get', { id: c.id }))).toEqual(onA)

    // The author answers Tuesday 10:00 Berlin; B takes it up. A sees the wait closed and the due time moved.
    clock.now = Date.parse('2026-02-10T09:00:00Z')
    await call(b, 'conversation-update', { id: c.id, state: 'assigned' })
    syncNow(b)
    syncNow(a)
    const afterB = clocks(await call<InboxRow>(b, 'inbox-get', { id: c.id }))
    expect(afterB).toMatchObject({ state: 'assigned', waitingSince: null, waits: [{ from: '2026-02-09T09:00:00.000Z', to: '2026-02-10T09:00:00.000Z' }], resolutionDueAt: '2026-02-10T16:00:00.000Z' })
    expect(clocks(await call<InboxRow>(a, 'inbox-get', { id: c.id }))).toEqual(afterB)
  })
})
