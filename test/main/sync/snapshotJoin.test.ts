/**
 * Snapshots with real workspaces (SYNC.md §2.9): a new member starts from the team snapshot and reads
 * only the tail; an encrypted team's snapshot is encrypted; a damaged snapshot is skipped with a
 * sentence and the member reads everything instead; compaction deletes a device's own files only
 * once everyone has them and a 14-day-old snapshot covers them, and a member joining after that
 * still gets every edit.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { createBackend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { recordService } from '../../../src/main/backend/services/recordService'
import { syncFolderOf, syncNow, syncSetup, syncStatus } from '../../../src/main/backend/services/syncService'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { readNewestManifest } from '../../../src/main/backend/sync/deviceManifest'
import { realFolderIo } from '../../../src/main/backend/sync/folderIo'
import { tempDir } from '../helpers/tempWorkspace'

process.env.SMO_SYNC_SCRYPT_N = '1024'

const DAY = 86_400_000
const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

type Clock = { now: number }

async function team(encrypted = false) {
  const t = tempDir('smo-snap-ws-')
  cleanups.push(t.cleanup)
  const folder = join(t.dir, 'Dropbox')
  mkdirSync(folder)
  const clock: Clock = { now: Date.UTC(2026, 10, 1) }
  const workspace = async (name: string): Promise<Backend> => {
    const ws = await openWorkspace(join(t.dir, name), { create: true, lock: 'test' })
    const b = createBackend(ws, memorySettings({ deviceName: name }), fileSecrets(join(t.dir, `${name}-userdata`)), () => clock.now)
    cleanups.push(() => b.close())
    return b
  }
  const pass = encrypted ? 'correct horse' : undefined
  const a = await workspace('a')
  syncSetup(a, { mode: 'create', folder, passphrase: pass })
  const b = await workspace('b')
  syncSetup(b, { mode: 'join', folder, passphrase: pass })
  const ids: string[] = []
  for (let i = 0; i < 30; i++) ids.push((recordService.create(a, 'channel', { name: `Channel ${i}`, platform: 'blog', notes: `secret note ${i}` }) as { id: string }).id)
  syncNow(a)
  syncNow(b)
  return { dir: t.dir, folder, clock, workspace, pass, a, b, ids, teamDir: syncFolderOf(a) as string }
}

const channels = (b: Backend): string => JSON.stringify(b.db.all(sql`SELECT id, name, notes, handle, deleted_at IS NOT NULL AS del FROM channel ORDER BY id`))
const opsFiles = (teamDir: string, dev: string): string[] => readdirSync(join(teamDir, 'devices', dev)).filter((n) => n.startsWith('ops-'))
const snapshotFiles = (teamDir: string): string[] => (existsSync(join(teamDir, 'snapshots')) ? readdirSync(join(teamDir, 'snapshots')).sort() : [])
const startedFrom = (teamDir: string, b: Backend): string | null => readNewestManifest(realFolderIo, join(teamDir, 'devices', b.ws.deviceId), b.ws.deviceId)?.snapshot ?? null

describe('team snapshots', () => {
  it('a new member starts from the snapshot and reads only the edits after it', async () => {
    const t = await team()
    t.clock.now += 1000
    const r = syncNow(t.a, { forceSnapshot: true })
    expect(r.snapshot.created).toMatch(/^snap-[0-9a-f]{32}-[0-9a-f]{16}$/)
    expect(snapshotFiles(t.teamDir)).toEqual([`${r.snapshot.created}.json`, `${r.snapshot.created}.sqlite.gz`])
    expect(syncStatus(t.b).snapshot).toMatchObject({ at: t.clock.now, by: 'a', edits: 30 })
    // Edits after the snapshot: the tail.
    t.clock.now += 1000
    recordService.update(t.a, 'channel', { id: t.ids[0] as string, name: 'Renamed after the snapshot' })
    recordService.update(t.b, 'channel', { id: t.ids[1] as string, handle: '@from-sam' })
    syncNow(t.b)
    syncNow(t.a)
    const c = await t.workspace('c')
    syncSetup(c, { mode: 'join', folder: t.folder })
    expect(startedFrom(t.teamDir, c)).toBe(r.snapshot.created)
    expect(channels(c)).toBe(channels(t.a))
    expect(channels(c)).toContain('Renamed after the snapshot')
    expect(channels(c)).toContain('@from-sam')
    // Only the tail was applied as ops: the 30 creations arrived inside the snapshot.
    const remote = c.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_tx WHERE origin = 'remote'`)?.n ?? 0
    expect(remote).toBeLessThan(5)
    // And the new member keeps syncing like anyone else.
    recordService.update(c, 'channel', { id: t.ids[2] as string, notes: 'from the new member' })
    syncNow(c)
    syncNow(t.a)
    expect(channels(t.a)).toBe(channels(c))
    expect(syncStatus(c).problems).toEqual([])
  })

  it("an encrypted team's snapshot is encrypted and still loads with the passphrase", async () => {
    const t = await team(true)
    const r = syncNow(t.a, { forceSnapshot: true })
    const file = join(t.teamDir, 'snapshots', `${r.snapshot.created}.sqlite.gz.enc`)
    expect(existsSync(file)).toBe(true)
    const bytes = readFileSync(file)
    expect(bytes.includes(Buffer.from('secret note'))).toBe(false)
    const c = await t.workspace('c')
    syncSetup(c, { mode: 'join', folder: t.folder, passphrase: t.pass })
    expect(startedFrom(t.teamDir, c)).toBe(r.snapshot.created)
    expect(channels(c)).toBe(channels(t.a))
  })

  it('a damaged snapshot is skipped with a sentence, and the member reads every edit instead', async () => {
    const t = await team()
    const r = syncNow(t.a, { forceSnapshot: true })
    const file = join(t.teamDir, 'snapshots', `${r.snapshot.created}.sqlite.gz`)
    const bytes = readFileSync(file)
    bytes[Math.floor(bytes.length / 2)] ^= 0xff
    writeFileSync(file, bytes)
    const c = await t.workspace('c')
    syncSetup(c, { mode: 'join', folder: t.folder })
    expect(startedFrom(t.teamDir, c)).toBeNull()
    expect(channels(c)).toBe(channels(t.a))
    const problem = syncStatus(c).problems.find((p) => p.code === 'snapshot-skipped')
    expect(problem?.message).toMatch(/reads every shared change instead/)
    expect(problem?.detail).toMatch(/hash does not match/)
  })

  it('compaction waits for every active teammate and a 14-day-old snapshot, then a late joiner still gets everything', async () => {
    const t = await team()
    recordService.update(t.b, 'channel', { id: t.ids[4] as string, handle: '@sam' })
    syncNow(t.b)
    syncNow(t.a)
    const aDev = t.a.ws.deviceId
    const bFiles = opsFiles(t.teamDir, t.b.ws.deviceId)
    const before = opsFiles(t.teamDir, aDev)
    expect(before.length).toBeGreaterThan(0)
    syncNow(t.a, { forceSnapshot: true })
    // Young snapshot: nothing may go yet.
    t.clock.now += 2 * DAY
    syncNow(t.b)
    expect(syncNow(t.a).snapshot.compacted).toBe(0)
    expect(opsFiles(t.teamDir, aDev)).toEqual(before)
    // 15 days on, but B has not acknowledged A's newest edits yet: only what B has may go.
    t.clock.now += 13 * DAY
    recordService.update(t.a, 'channel', { id: t.ids[3] as string, name: 'Edited on day 15' })
    const r = syncNow(t.a)
    expect(r.snapshot.compacted).toBeGreaterThan(0)
    const left = opsFiles(t.teamDir, aDev)
    expect(left.length).toBeGreaterThan(0) // the day-15 edit is not in the snapshot nor acknowledged
    expect(left.some((n) => before.includes(n))).toBe(false)
    // B's own files are never touched by A.
    expect(opsFiles(t.teamDir, t.b.ws.deviceId)).toEqual(bFiles)
    syncNow(t.b)
    const c = await t.workspace('c')
    syncSetup(c, { mode: 'join', folder: t.folder })
    expect(channels(c)).toBe(channels(t.a))
    expect(channels(c)).toContain('Edited on day 15')
    expect(syncStatus(c).problems).toEqual([])
  })
})

describe('a computer away for longer than the team keeps old files', () => {
  async function awayTooLong() {
    const t = await team()
    // B goes quiet with an edit of its own waiting; A edits what B also has.
    recordService.update(t.b, 'channel', { id: t.ids[5] as string, handle: '@written-offline' })
    recordService.update(t.b, 'channel', { id: t.ids[0] as string, notes: 'B, offline, same field' })
    for (let i = 0; i < 5; i++) recordService.update(t.a, 'channel', { id: t.ids[i] as string, notes: `while B was away ${i}` })
    const snap = syncNow(t.a, { forceSnapshot: true }).snapshot.created
    t.clock.now += 61 * DAY
    // B is no longer an active teammate: A compacts everything the 61-day-old snapshot covers.
    expect(syncNow(t.a).snapshot.compacted).toBeGreaterThan(0)
    return { ...t, snap }
  }

  it('catches up from the snapshot, keeps its own offline edits, and shows the clash it had', async () => {
    const t = await awayTooLong()
    const r = syncNow(t.b)
    expect(r.snapshot.loaded).toBe(t.snap)
    expect(syncStatus(t.b).problems).toEqual([])
    syncNow(t.a)
    syncNow(t.b)
    // Same rows everywhere, B's offline edits included, and the field both changed is in review.
    expect(channels(t.b)).toBe(channels(t.a))
    expect(channels(t.a)).toContain('@written-offline')
    expect(syncStatus(t.a).review).toBe(1)
    expect(syncStatus(t.b).review).toBe(1)
    // A new member agrees with both.
    const c = await t.workspace('c')
    syncSetup(c, { mode: 'join', folder: t.folder })
    expect(channels(c)).toBe(channels(t.a))
  })

  it('without a usable snapshot it says what it cannot read, still shares its own edits, and a fresh join has everything', async () => {
    const t = await awayTooLong()
    const file = join(t.teamDir, 'snapshots', `${t.snap}.sqlite.gz`)
    const bytes = readFileSync(file)
    bytes[100] ^= 0xff
    writeFileSync(file, bytes)
    syncNow(t.b)
    const problem = syncStatus(t.b).problems.find((p) => p.code === 'behind-compaction')
    expect(problem?.message).toMatch(/away longer than the team keeps old changes/)
    expect(problem?.detail).toBe(t.a.ws.deviceId)
    syncNow(t.a)
    expect(channels(t.a)).toContain('@written-offline')
  })
})
