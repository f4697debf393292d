/**
 * Signed team sync (issue #14 item 3, docs/SYNC-SECURITY.md) on real SQLite workspaces and a real
 * team folder: joining by request and admission, and every attack the issue names — a viewer's
 * computer that edits its database directly, a tampered log, a forged signature, another member's
 * signed change replayed under a new id, a demoted member who keeps writing — refused on every other
 * computer, listed in sync_refused with who and why, while honest changes still arrive.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { latestVersion } from '../../../src/main/backend/db/migrations/index'
import { sql } from '../../../src/main/backend/db/sql'
import { recordService } from '../../../src/main/backend/services/recordService'
import { appVersion, syncAdmit, syncFolderOf, syncSetup, syncStateOf, syncStatus } from '../../../src/main/backend/services/syncService'
import { realFolderIo } from '../../../src/main/backend/sync/folderIo'
import { decodeSegment, encodeSegment } from '../../../src/main/backend/sync/segmentCodec'
import { newMemberKey } from '../../../src/main/backend/sync/signing/memberKey'
import type { MemberKey } from '../../../src/main/backend/sync/signing/memberKey'
import { admitKey, readTeamTrust } from '../../../src/main/backend/sync/signing/teamTrust'
import { signingFor } from '../../../src/main/backend/services/syncSigning'
import { syncRound } from '../../../src/main/backend/sync/syncRound'
import type { RoundReport } from '../../../src/main/backend/sync/syncRound'
import { actAs, withActing } from '../../../src/main/backend/people/currentMember'
import { tempBackend, tempDir } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

type Computer = { b: Backend; key: MemberKey; member: string; name: string }

async function workspace(): Promise<Backend> {
  const w = await tempBackend()
  cleanups.push(w.cleanup)
  return w.b
}

const teamOf = (b: Backend): string => b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'sync_team'`)?.value ?? ''

function round(c: Computer): RoundReport {
  const dir = syncFolderOf(c.b) ?? ''
  return syncRound({ store: syncStateOf(c.b).store, dir, teamId: teamOf(c.b), dataKey: null, deviceName: c.name, app: appVersion(), schema: latestVersion, now: c.b.now(), durable: false, signing: { key: c.key, member: c.member, name: c.name } })
}

const channelNames = (b: Backend): string[] => b.db.raw.prepare(`SELECT name FROM channel WHERE deleted_at IS NULL ORDER BY name`).all().map((r) => (r as { name: string }).name)
const refusals = (b: Backend): { who: string; reason: string }[] => b.db.raw.prepare(`SELECT who, reason FROM sync_refused ORDER BY dev, seq`).all() as { who: string; reason: string }[]
const deviceOf = (c: Computer): string => syncStateOf(c.b).store.device
const ownFiles = (dir: string, c: Computer): string[] => readdirSync(join(dir, 'devices', deviceOf(c))).filter((n) => n.startsWith('ops-')).sort()

/**
 * A write the app on that computer would refuse (its own role checks, issue #14), made anyway — a
 * changed app or SQL on the database file. Locally it pretends to be the owner; what it publishes is
 * still signed with that computer's own key, which is all the other computers can go by.
 */
function tampered<T>(c: Computer, ownerId: string, write: () => T): T {
  return withActing(c.b, ownerId, write)
}

/** Hannah founds a signed team (root owner); Ed (editor) and Vi (viewer) join and are admitted. */
async function team(): Promise<{ dir: string; hannah: Computer; ed: Computer; vi: Computer }> {
  const { dir: folder, cleanup } = tempDir('smo-sign-')
  cleanups.push(cleanup)
  const a = await workspace()
  // Hannah creates the workspace and herself as its owner, then is *me* there and adds the others.
  const ids: Record<string, string> = {}
  for (const name of ['Hannah', 'Ed', 'Vi'] as const) {
    ids[name] = (recordService.create(a, 'member', { name, access: name === 'Hannah' ? 'owner' : name === 'Ed' ? 'editor' : 'viewer' }) as { id: string }).id
    if (name === 'Hannah') actAs(a, ids.Hannah ?? '')
  }
  // Founded signed: TEAM.signing.json names Hannah (the first owner, *me* here) as root, and the
  // member list as it is now; her first round already signs.
  syncSetup(a, { mode: 'create', folder, signed: true })
  const dir = syncFolderOf(a) ?? ''
  const own = signingFor(a, teamOf(a))
  if (!own) throw new Error('no signing identity')
  const hannah: Computer = { b: a, key: own.key, member: ids.Hannah ?? '', name: 'Hannah' }
  expect(own.member).toBe(hannah.member)
  expect(readTeamTrust(realFolderIo, dir, teamOf(a))?.genesis.root.key).toBe(own.key.keyId)
  expect(readdirSync(join(dir, 'devices', deviceOf(hannah))).filter((n) => n.startsWith('ops-'))).toHaveLength(1)
  const admitted = async (name: 'Ed' | 'Vi'): Promise<Computer> => {
    const b = await workspace()
    syncSetup(b, { mode: 'join', folder })
    const c: Computer = { b, key: newMemberKey().key, member: ids[name] ?? '', name }
    actAs(b, c.member)
    // Not admitted yet: it receives the team's changes, asks to join, and keeps its edits unshared.
    const first = round(c)
    expect(first.problems.map((p) => p.code)).toContain('not-admitted')
    const request = readTeamTrust(realFolderIo, dir, teamOf(b))?.requests.find((r) => r.key === c.key.keyId)
    if (!request) throw new Error('no join request')
    admitKey(realFolderIo, dir, request, hannah.key, 'f'.repeat(32))
    expect(round(c).problems.map((p) => p.code)).not.toContain('not-admitted')
    return c
  }
  return { dir, hannah, ed: await admitted('Ed'), vi: await admitted('Vi') }
}

describe('signed team sync', () => {
  let t: Awaited<ReturnType<typeof team>>
  beforeEach(async () => {
    t = await team()
  })

  it('carries honest changes signed, and an admitted editor edits like before', () => {
    recordService.create(t.ed.b, 'channel', { name: 'Company blog', platform: 'blog' })
    expect(round(t.ed).sent).toBe(1)
    const r = round(t.hannah)
    expect(r.refused).toBe(0)
    expect(channelNames(t.hannah.b)).toEqual(['Company blog'])
    const trailer = readFileSync(join(t.dir, 'devices', deviceOf(t.ed), ownFiles(t.dir, t.ed).at(-1) ?? ''), 'utf8').trim().split('\n').at(-1) ?? ''
    expect(JSON.parse(trailer)).toHaveProperty('sig')
  })

  it("refuses everywhere what a viewer's computer writes into its own database and syncs", () => {
    // Nothing on Vi's computer stops this (a changed app, or SQL on the file): the readers do.
    tampered(t.vi, t.hannah.member, () => recordService.create(t.vi.b, 'channel', { name: 'Rogue channel', platform: 'blog' }))
    expect(round(t.vi).sent).toBe(1)
    for (const c of [t.hannah, t.ed]) {
      const r = round(c)
      expect(r.refused).toBe(1)
      expect(r.problems.find((p) => p.code === 'refused')?.detail).toMatch(/Vi is a viewer/)
      expect(channelNames(c.b)).toEqual([])
      expect(refusals(c.b)).toEqual([{ who: 'Vi', reason: 'Vi is a viewer and may not change anything' }])
      const health = syncStatus(c.b).problems.find((p) => p.code === 'refused')
      expect(health?.message).toMatch(/^1 change\(s\) from the team folder were refused/)
      expect(health?.detail).toMatch(/^Vi \(device [0-9a-f]{6}, change 1\): Vi is a viewer/)
    }
  })

  it('shows a computer asking to join in sync health, and an owner admits it', async () => {
    const b = await workspace()
    syncSetup(b, { mode: 'join', folder: join(t.dir, '..') })
    const leo: Computer = { b, key: newMemberKey().key, member: t.ed.member, name: 'Ed' }
    actAs(b, leo.member)
    recordService.create(b, 'channel', { name: 'From the laptop', platform: 'blog' })
    expect(round(leo).sent).toBe(0)
    const ask = syncStatus(t.hannah.b).problems.find((p) => p.code === 'join-request')
    expect(ask).toMatchObject({ message: expect.stringMatching(/^Ed's computer asks to join the team/), detail: leo.key.keyId })
    expect(() => syncAdmit(t.ed.b, leo.key.keyId)).toThrow(/cannot admit others|Only an owner can admit/)
    syncAdmit(t.hannah.b, leo.key.keyId)
    expect(syncStatus(t.hannah.b).problems.some((p) => p.code === 'join-request')).toBe(false)
    expect(round(leo).sent).toBe(1)
    round(t.hannah)
    expect(channelNames(t.hannah.b)).toEqual(['From the laptop'])
  })

  it('refuses a log file changed after signing, and a change replayed under a new id', () => {
    recordService.create(t.ed.b, 'channel', { name: 'Newsletter', platform: 'blog' })
    round(t.ed)
    const name = ownFiles(t.dir, t.ed).at(-1) ?? ''
    const path = join(t.dir, 'devices', deviceOf(t.ed), name)
    const original = readFileSync(path)
    const decoded = decodeSegment(original, { keys: () => null })
    if (decoded.status !== 'ok') throw new Error('unreadable')
    const sig = (JSON.parse(original.toString('utf8').trim().split('\n').at(-1) ?? '{}') as { sig: string }).sig
    // Tamper: a new value with every CRC and the SHA-256 recomputed, so only the signature can tell.
    const tampered = decoded.records.map((r) => r.replace('Newsletter', 'Hijacked'))
    writeFileSync(path, encodeSegment(decoded.header, tampered, false, null, () => sig))
    // Replay: the same signed record under the next seq of Ed's device, in a file of its own.
    const seq = decoded.header.last + 1
    const replayed = decoded.records.map((r) => r.replace(/"s":\d+/, `"s":${seq}`))
    writeFileSync(join(t.dir, 'devices', deviceOf(t.ed), `ops-${String(seq).padStart(12, '0')}-${String(seq).padStart(12, '0')}.log`), encodeSegment({ ...decoded.header, first: seq, last: seq }, replayed, false, null, () => sig))
    const r = round(t.hannah)
    expect(r.refused).toBe(2)
    expect(channelNames(t.hannah.b)).toEqual([])
    expect(refusals(t.hannah.b).map((x) => x.reason)).toEqual([expect.stringMatching(/signature does not match/), expect.stringMatching(/signature does not match/)])
    // The genuine file, restored (a cloud client's older version), still applies: a forgery blocks nothing.
    writeFileSync(path, original)
    round(t.hannah)
    expect(channelNames(t.hannah.b)).toEqual(['Newsletter'])
  })

  it("refuses a forged signature: an unknown key, or a member's key on another member's device", () => {
    recordService.create(t.ed.b, 'channel', { name: 'Podcast', platform: 'podcast' })
    round(t.ed)
    const name = ownFiles(t.dir, t.ed).at(-1) ?? ''
    const decoded = decodeSegment(readFileSync(join(t.dir, 'devices', deviceOf(t.ed), name)), { keys: () => null })
    if (decoded.status !== 'ok') throw new Error('unreadable')
    const forged = decoded.records.map((r) => r.replace('Podcast', 'Forged'))
    const stranger = newMemberKey().key
    const seq = decoded.header.last + 1
    const file = (s: number): string => join(t.dir, 'devices', deviceOf(t.ed), `ops-${String(s).padStart(12, '0')}-${String(s).padStart(12, '0')}.log`)
    const resigned = (key: MemberKey, s: number): Buffer =>
      encodeSegment({ ...decoded.header, first: s, last: s, sign: { key: key.keyId, deps: decoded.header.sign?.deps ?? {} } }, forged.map((r) => r.replace(/"s":\d+/, `"s":${s}`)), false, null, (sha) => key.sign(sha))
    writeFileSync(file(seq), resigned(stranger, seq))
    writeFileSync(file(seq + 1), resigned(t.vi.key, seq + 1))
    const r = round(t.hannah)
    expect(channelNames(t.hannah.b)).toEqual(['Podcast'])
    expect(r.refused).toBe(2)
    const reasons = refusals(t.hannah.b).map((x) => x.reason)
    expect(reasons.some((x) => /no owner has admitted/.test(x))).toBe(true)
    expect(reasons.some((x) => /Vi's key from another computer/.test(x))).toBe(true)
  })

  it('refuses what a demoted member writes after seeing the demotion; an edit concurrent with it stands', () => {
    recordService.update(t.hannah.b, 'member', { id: t.ed.member, access: 'viewer' })
    round(t.hannah)
    // Written before Ed's computer read the demotion: concurrent with it, so it stands (see docs).
    recordService.create(t.ed.b, 'channel', { name: 'Before', platform: 'blog' })
    round(t.ed)
    // Ed's computer has now read the demotion; anything it signs next names it in its causal past.
    tampered(t.ed, t.hannah.member, () => recordService.create(t.ed.b, 'channel', { name: 'After', platform: 'blog' }))
    round(t.ed)
    for (const c of [t.hannah, t.vi]) {
      round(c)
      expect(channelNames(c.b)).toEqual(['Before'])
      expect(refusals(c.b).map((x) => x.reason)).toEqual(['Ed is a viewer and may not change anything'])
    }
  })

  it('lets only an owner change the member list', () => {
    tampered(t.ed, t.hannah.member, () => recordService.update(t.ed.b, 'member', { id: t.ed.member, access: 'owner' }))
    round(t.ed)
    round(t.hannah)
    expect(refusals(t.hannah.b).map((x) => x.reason)).toEqual([expect.stringMatching(/Ed is an editor and may not change the member list/)])
    expect(t.hannah.b.db.raw.prepare(`SELECT access FROM member WHERE id = ?`).get(t.ed.member)).toEqual({ access: 'editor' })
  })
})
