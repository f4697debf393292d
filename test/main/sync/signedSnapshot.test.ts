/**
 * Snapshots and bulk pulls of a signed team (issue #14, docs/SYNC-SECURITY.md) on real workspaces:
 * the root owner's computer writes a signed snapshot; a new member joins from it after checking the
 * signature, and refuses one signed by anyone else or changed after signing; and a bulk pull in the
 * capped child process judges every file like the in-process pull does.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { latestVersion } from '../../../src/main/backend/db/migrations/index'
import { sql } from '../../../src/main/backend/db/sql'
import { recordService } from '../../../src/main/backend/services/recordService'
import { appVersion, syncFolderOf, syncSetup, syncStateOf } from '../../../src/main/backend/services/syncService'
import { signingFor } from '../../../src/main/backend/services/syncSigning'
import { createSnapshot } from '../../../src/main/backend/sync/createSnapshot'
import { realFolderIo } from '../../../src/main/backend/sync/folderIo'
import { newMemberKey } from '../../../src/main/backend/sync/signing/memberKey'
import type { MemberKey } from '../../../src/main/backend/sync/signing/memberKey'
import { admitKey, readTeamTrust, writeJoinRequest } from '../../../src/main/backend/sync/signing/teamTrust'
import { listSnapshots, SNAPSHOT_DIR } from '../../../src/main/backend/sync/snapshotManifest'
import { syncRound } from '../../../src/main/backend/sync/syncRound'
import type { RoundReport } from '../../../src/main/backend/sync/syncRound'
import { actAs, withActing } from '../../../src/main/backend/people/currentMember'
import { tempBackend, tempDir } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

type Computer = { b: Backend; key: MemberKey; member: string; name: string; dir: string; teamId: string }

async function workspace(): Promise<Backend> {
  const w = await tempBackend()
  cleanups.push(w.cleanup)
  return w.b
}

const teamOf = (b: Backend): string => b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'sync_team'`)?.value ?? ''

function round(c: Computer, opts: { forceSnapshot?: boolean; childPullBytes?: number } = {}): RoundReport {
  return syncRound({
    store: syncStateOf(c.b).store,
    dir: c.dir,
    teamId: c.teamId,
    dataKey: null,
    deviceName: c.name,
    app: appVersion(),
    schema: latestVersion,
    now: c.b.now(),
    durable: false,
    childPullBytes: opts.childPullBytes ?? Infinity,
    forceSnapshot: opts.forceSnapshot === true,
    signing: { key: c.key, member: c.member, name: c.name }
  })
}

const channelNames = (b: Backend): string[] => b.db.raw.prepare(`SELECT name FROM channel WHERE deleted_at IS NULL ORDER BY name`).all().map((r) => (r as { name: string }).name)

/** Hannah (root owner) founds a signed team; Ed (editor) and Vi (viewer) are admitted; Vi's computer writes what a viewer may not. */
async function team(): Promise<{ dir: string; folder: string; hannah: Computer; ed: Computer; vi: Computer; join: (name: string) => Promise<Computer> }> {
  const { dir: folder, cleanup } = tempDir('smo-signsnap-')
  cleanups.push(cleanup)
  const a = await workspace()
  const ids: Record<string, string> = {}
  for (const [name, access] of [['Hannah', 'owner'], ['Ed', 'editor'], ['Vi', 'viewer'], ['Dee', 'editor']] as const) {
    ids[name] = (recordService.create(a, 'member', { name, access }) as { id: string }).id
    if (name === 'Hannah') actAs(a, ids.Hannah ?? '')
  }
  syncSetup(a, { mode: 'create', folder, signed: true })
  const dir = syncFolderOf(a) ?? ''
  const own = signingFor(a, teamOf(a))
  if (!own) throw new Error('no signing identity')
  const hannah: Computer = { b: a, key: own.key, member: ids.Hannah ?? '', name: 'Hannah', dir, teamId: teamOf(a) }
  /**
   * A new computer, admitted before its first round, so that round is a fresh member's first pull
   * (syncSetup would already run one, before *me* is known there).
   */
  const join = async (name: string): Promise<Computer> => {
    const b = await workspace()
    const c: Computer = { b, key: newMemberKey().key, member: ids[name] ?? '', name, dir, teamId: teamOf(a) }
    const trust = readTeamTrust(realFolderIo, dir, teamOf(a))
    if (!trust) throw new Error('not signed')
    // Ask to join the way a round does, then be admitted before the first real pull.
    writeJoinRequest(realFolderIo, dir, { team: teamOf(a), key: c.key, dev: syncStateOf(b).store.device, member: c.member, name, h: '0'.repeat(32) })
    const request = readTeamTrust(realFolderIo, dir, teamOf(a))?.requests.find((r) => r.key === c.key.keyId)
    if (!request) throw new Error('no join request')
    admitKey(realFolderIo, dir, request, hannah.key, 'f'.repeat(32))
    return c
  }
  const ed = await join('Ed')
  const vi = await join('Vi')
  for (const c of [ed, vi]) {
    round(c)
    actAs(c.b, c.member)
  }
  recordService.create(ed.b, 'channel', { name: 'Blog', platform: 'blog' })
  round(ed)
  withActing(vi.b, hannah.member, () => recordService.create(vi.b, 'channel', { name: 'Rogue', platform: 'blog' }))
  round(vi)
  return { dir, folder, hannah, ed, vi, join }
}

describe('signed team snapshots', () => {
  it("the root owner's snapshot is signed and a new member joins from it, then reads the verified tail", async () => {
    const t = await team()
    expect(round(t.ed, { forceSnapshot: true }).snapshotCreated).toBeNull()
    const made = round(t.hannah, { forceSnapshot: true })
    expect(made.refused).toBe(1)
    expect(made.snapshotCreated).not.toBeNull()
    const [manifest] = listSnapshots(realFolderIo, t.dir, teamOf(t.hannah.b))
    expect(manifest?.sign?.key).toBe(t.hannah.key.keyId)
    recordService.create(t.ed.b, 'channel', { name: 'Newsletter', platform: 'blog' })
    round(t.ed)
    const dee = await t.join('Dee')
    const r = round(dee)
    expect(r.snapshotLoaded).toBe(manifest?.id)
    expect(channelNames(dee.b)).toEqual(['Blog', 'Newsletter'])
    // Vi's refused change came in the snapshot as received-not-applied: it stays out.
    actAs(dee.b, dee.member)
    recordService.create(dee.b, 'channel', { name: 'From Dee', platform: 'blog' })
    expect(round(dee).sent).toBe(1)
    round(t.hannah)
    expect(channelNames(t.hannah.b)).toEqual(['Blog', 'From Dee', 'Newsletter'])
  })

  it('refuses a snapshot signed by anyone but the root owner, or changed after signing, and reads the logs instead', async () => {
    const t = await team()
    // Ed's computer writes a snapshot anyway (a changed app), carrying a channel nobody made.
    withActing(t.ed.b, t.hannah.member, () => recordService.create(t.ed.b, 'channel', { name: 'Planted', platform: 'blog' }))
    const store = syncStateOf(t.ed.b).store
    const planted = createSnapshot({ db: store.database, recordTables: store.recordTables(), teamDir: t.dir, teamId: t.ed.teamId, device: store.device, dataKey: null, io: realFolderIo, now: t.ed.b.now(), hlc: 'e'.repeat(32), lastPublished: store.lastPublished(), signer: { keyId: t.ed.key.keyId, sign: (x) => t.ed.key.sign(x) } })
    expect(planted?.sign?.key).toBe(t.ed.key.keyId)
    const dee = await t.join('Dee')
    const r = round(dee)
    expect(r.snapshotLoaded).toBeNull()
    expect(r.problems.find((p) => p.code === 'snapshot-skipped')?.detail).toMatch(/not signed by the team's root owner/)
    expect(channelNames(dee.b)).toEqual(['Blog'])

    // Hannah's genuine snapshot with its manifest edited (another coverage claim) no longer verifies.
    round(t.hannah, { forceSnapshot: true })
    const mine = listSnapshots(realFolderIo, t.dir, teamOf(t.hannah.b)).find((m) => m.sign?.key === t.hannah.key.keyId)
    if (!mine) throw new Error('no snapshot')
    writeFileSync(join(t.dir, SNAPSHOT_DIR, `${mine.id}.json`), JSON.stringify({ ...mine, covered: { ...mine.covered, ['0'.repeat(16)]: 5 } }))
    const fay = await t.join('Dee')
    const f = round(fay)
    expect(f.snapshotLoaded).toBeNull()
    expect(f.problems.find((p) => p.code === 'snapshot-skipped')?.detail).toMatch(/signature does not match|root owner/)
    expect(channelNames(fay.b)).toEqual(['Blog'])
  })

  it('judges every file in the capped child process too: a bulk pull of a signed team refuses what the guard refuses', async () => {
    const t = await team()
    const dee = await t.join('Dee')
    const r = round(dee, { childPullBytes: 0 })
    expect(r.pulledInChild).toBe(true)
    expect(r.refused).toBe(1)
    expect(channelNames(dee.b)).toEqual(['Blog'])
    const refused = dee.b.db.raw.prepare(`SELECT who, reason FROM sync_refused`).all()
    expect(refused).toEqual([{ who: 'Vi', reason: 'Vi is a viewer and may not change anything' }])
  })
})
