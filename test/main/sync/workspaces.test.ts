/**
 * Real workspaces (SQLite files in temp folders, the real mutation path) syncing through one real
 * temp folder: create/join, edits both ways, a conflict resolved on one side and cleared on all,
 * delete-vs-edit, a bulk deletion undone in one click, three devices converging, and the folder
 * faults a person can run into, each a clear problem with nothing local changed.
 */
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { createBackend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { meService } from '../../../src/main/backend/people/meService'
import { recordService } from '../../../src/main/backend/services/recordService'
import { syncReviewList, syncReviewResolve } from '../../../src/main/backend/services/syncReview'
import { syncNow, syncSetup, syncStatus } from '../../../src/main/backend/services/syncService'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { tempDir } from '../helpers/tempWorkspace'

process.env.SMO_SYNC_SCRYPT_N = '1024'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

async function workspace(root: string, name: string, deviceName = name): Promise<Backend> {
  const ws = await openWorkspace(join(root, name), { create: true, lock: 'test' })
  const b = createBackend(ws, memorySettings({ deviceName }), fileSecrets(join(root, `${name}-userdata`)))
  cleanups.push(() => b.close())
  return b
}

function setup(): { root: string; folder: string } {
  const t = tempDir('smo-sync-ws-')
  cleanups.push(t.cleanup)
  const folder = join(t.dir, 'Dropbox')
  mkdirSync(folder)
  return { root: t.dir, folder }
}

const channel = (b: Backend, id: string) => recordService.get(b, 'channel', id) as { name: string; notes: string; handle: string; deletedAt: string | null }
const tableDump = (b: Backend) =>
  JSON.stringify(b.db.all(sql`SELECT id, name, handle, notes, audience_size, deleted_at IS NOT NULL AS del FROM channel ORDER BY id`))

async function pair(encrypted = false) {
  const { root, folder } = setup()
  const a = await workspace(root, 'a', 'Priya’s laptop')
  const c = recordService.create(a, 'channel', { name: 'Company blog', platform: 'blog' }) as { id: string }
  const pass = encrypted ? 'correct horse' : undefined
  syncSetup(a, { mode: 'create', folder, passphrase: pass })
  const b = await workspace(root, 'b', 'Sam’s PC')
  syncSetup(b, { mode: 'join', folder, passphrase: pass })
  return { root, folder, a, b, id: c.id }
}

describe('two workspaces through one folder', () => {
  it('join fills the new workspace; edits travel both ways; status shows delivery', async () => {
    const { a, b, id } = await pair()
    expect(channel(b, id).name).toBe('Company blog')
    recordService.update(b, 'channel', { id, notes: 'from Sam' })
    syncNow(b)
    const r = syncNow(a)
    expect(r.received).toBe(1)
    expect(channel(a, id).notes).toBe('from Sam')
    syncNow(b)
    const st = syncStatus(a)
    expect(st.configured).toBe(true)
    expect(st.waiting).toBe(0)
    const sam = st.devices.find((d) => !d.self)
    expect(sam?.name).toBe('Sam’s PC')
    expect(sam?.received).toBe(st.published)
    expect(tableDump(a)).toBe(tableDump(b))
  })

  it('keeps both values of a conflict, shows it on both, and resolving on one clears it everywhere', async () => {
    const { a, b, id } = await pair()
    recordService.update(a, 'channel', { id, name: 'Blog (Priya)' })
    recordService.update(b, 'channel', { id, name: 'Blog (Sam)' })
    syncNow(a)
    syncNow(b)
    syncNow(a)
    const ia = syncReviewList(a)
    const ib = syncReviewList(b)
    expect(ia).toHaveLength(1)
    expect(ib.map((i) => i.id)).toEqual(ia.map((i) => i.id))
    const item = ia[0]
    expect(item?.field).toBe('Name')
    expect(item?.base).toBe('Company blog')
    expect(item?.candidates.map((c) => c.value).sort()).toEqual(['Blog (Priya)', 'Blog (Sam)'])
    expect(channel(a, id).name).toBe(channel(b, id).name)
    const sams = item?.candidates.find((c) => c.value === 'Blog (Sam)')
    syncReviewResolve(b, { id: item?.id ?? '', action: 'keep', headId: sams?.headId })
    expect(syncReviewList(b)).toHaveLength(0)
    syncNow(b)
    syncNow(a)
    expect(syncReviewList(a)).toHaveLength(0)
    expect(channel(a, id).name).toBe('Blog (Sam)')
    expect(tableDump(a)).toBe(tableDump(b))
  })

  it('delete vs edit offers restore, and a bulk deletion is undone in one click', async () => {
    const { a, b, id } = await pair()
    recordService.delete(a, 'channel', id)
    recordService.update(b, 'channel', { id, notes: 'still needed' })
    syncNow(a)
    syncNow(b)
    syncNow(a)
    const item = syncReviewList(b).find((i) => i.kind === 'deleted-while-edited')
    expect(item?.summary).toContain('deleted it while')
    syncReviewResolve(b, { id: item?.id ?? '', action: 'restore' })
    syncNow(b)
    syncNow(a)
    expect(channel(a, id).deletedAt).toBeNull()
    expect(channel(a, id).notes).toBe('still needed')

    const ids: string[] = []
    for (let i = 0; i < 60; i++) ids.push((recordService.create(a, 'channel', { name: `Channel ${i}`, platform: 'blog' }) as { id: string }).id)
    syncNow(a)
    syncNow(b)
    a.mutate('Delete many', ids.map((x) => ({ op: 'delete' as const, kind: 'channel' as const, id: x })))
    syncNow(a)
    syncNow(b)
    const bulk = syncReviewList(b).find((i) => i.kind === 'bulk-delete')
    expect(bulk?.rows).toBe(60)
    syncReviewResolve(b, { id: bulk?.id ?? '', action: 'restore' })
    expect(b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM channel WHERE deleted_at IS NOT NULL`)?.n).toBe(0)
    syncNow(b)
    syncNow(a)
    expect(tableDump(a)).toBe(tableDump(b))
  })

  it('three workspaces converge, encrypted', async () => {
    const { root, folder, a, b, id } = await pair(true)
    const c = await workspace(root, 'c')
    syncSetup(c, { mode: 'join', folder, passphrase: 'correct horse' })
    recordService.update(a, 'channel', { id, handle: '@a' })
    recordService.update(b, 'channel', { id, notes: 'b' })
    recordService.create(c, 'channel', { name: 'From C', platform: 'blog' })
    for (let round = 0; round < 2; round++) for (const x of [a, b, c]) syncNow(x)
    expect(tableDump(a)).toBe(tableDump(b))
    expect(tableDump(b)).toBe(tableDump(c))
    expect(channel(c, id).handle).toBe('@a')
  })
})

describe('folder faults are clear problems and change nothing local', () => {
  it('wrong passphrase, another team, missing folder, read-only folder', async () => {
    const { root, folder, a } = await pair(true)
    const x = await workspace(root, 'x')
    expect(() => syncSetup(x, { mode: 'join', folder, passphrase: 'wrong' })).toThrow(/passphrase is not correct/)
    expect(() => syncSetup(x, { mode: 'join', folder })).toThrow(/passphrase/)

    const other = join(root, 'Other')
    mkdirSync(other)
    // Joining a folder that exists but holds no team says so (not "cannot be found", which is for
    // an unplugged drive) and points to Create a team; nothing is set up.
    expect(() => syncSetup(x, { mode: 'join', folder: other })).toThrow(/There is no team in .*Other yet\. Choose “Create a team”/)
    expect(syncStatus(x).configured).toBe(false)
    syncSetup(x, { mode: 'create', folder: other })
    // Point x's setting at a's team folder: a different team, so the round stops untouched.
    x.settings.update({ syncFolders: { ...x.settings.get().syncFolders, [join(root, 'x')]: join(folder, 'SMO Desk Team') } })
    const before = tableDump(x)
    expect(syncNow(x).problems[0]?.code).toBe('other-team')
    expect(tableDump(x)).toBe(before)

    const id = (recordService.create(a, 'channel', { name: 'Offline work', platform: 'blog' }) as { id: string }).id
    a.settings.update({ syncFolders: { [join(root, 'a')]: join(root, 'unplugged', 'SMO Desk Team') } })
    expect(syncNow(a).problems[0]?.message).toMatch(/cannot be found/)
    expect(channel(a, id).name).toBe('Offline work')
    a.settings.update({ syncFolders: { [join(root, 'a')]: join(folder, 'SMO Desk Team') } })
    if (process.getuid?.() !== 0) {
      chmodSync(join(folder, 'SMO Desk Team', 'devices', a.ws.deviceId), 0o555)
      const r = syncNow(a)
      chmodSync(join(folder, 'SMO Desk Team', 'devices', a.ws.deviceId), 0o755)
      expect(r.problems.map((p) => p.code)).toContain('read-only')
      expect(syncStatus(a).waiting).toBe(1)
    }
    syncNow(a)
    expect(syncStatus(a).waiting).toBe(0)
  })

  it('a copied workspace writing as the same device gets a new device id and loses nothing', async () => {
    const { root, folder, a, b, id } = await pair()
    a.close()
    cpSync(join(root, 'a'), join(root, 'copy'), { recursive: true })
    writeFileSync(join(root, 'copy', 'workspace.lock'), '')
    const a2 = await workspace(root, 'a')
    const copy = await workspace(root, 'copy')
    a2.settings.update({ syncFolders: { [join(root, 'a')]: join(folder, 'SMO Desk Team') } })
    copy.settings.update({ syncFolders: { [join(root, 'copy')]: join(folder, 'SMO Desk Team') } })
    expect(copy.ws.deviceId).toBe(a2.ws.deviceId)
    recordService.update(a2, 'channel', { id, notes: 'original' })
    syncNow(a2)
    recordService.update(copy, 'channel', { id, handle: '@copy' })
    const r = syncNow(copy)
    expect(copy.ws.deviceId).not.toBe(a2.ws.deviceId)
    expect(r.sent).toBe(1)
    expect(syncStatus(copy).problems.map((p) => p.code)).toContain('cloned')
    for (const x of [a2, b, copy, a2, b]) syncNow(x)
    expect(tableDump(a2)).toBe(tableDump(copy))
    expect(channel(b, id).handle).toBe('@copy')
    expect(channel(b, id).notes).toBe('original')
    // Edits made under the new device id still say who made them.
    const dana = recordService.create(copy, 'member', { name: 'Dana Fox', access: 'owner' }) as { id: string }
    meService.pick(copy, dana.id)
    recordService.update(copy, 'channel', { id, notes: 'after the new id' })
    expect(copy.db.get<{ member_id: string | null }>(sql`SELECT member_id FROM change_tx ORDER BY created_at DESC, seq DESC LIMIT 1`)?.member_id).toBe(dana.id)
  })
})
