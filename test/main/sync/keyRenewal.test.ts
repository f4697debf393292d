/**
 * Team key renewal after a removal (issue #14 item 3, docs/SYNC-SECURITY.md) on real SQLite
 * workspaces and a real, passphrase-encrypted team folder with three computers: Hannah (root owner),
 * Ed (editor, stays) and Cy (editor, removed). After Cy's removal Hannah's computer makes a new key
 * generation, wrapped for the remaining computers' X25519 keys; what is written after it is
 * readable by Ed and by a member admitted later, and not by Cy, who still reads what came before.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { latestVersion } from '../../../src/main/backend/db/migrations/index'
import { sql } from '../../../src/main/backend/db/sql'
import { recordService } from '../../../src/main/backend/services/recordService'
import { appVersion, syncFolderOf, syncSetup, syncStateOf } from '../../../src/main/backend/services/syncService'
import { signingFor } from '../../../src/main/backend/services/syncSigning'
import { teamKeyCache } from '../../../src/main/backend/services/teamKeyCache'
import { realFolderIo } from '../../../src/main/backend/sync/folderIo'
import { decodeSegment } from '../../../src/main/backend/sync/segmentCodec'
import { newBoxKey } from '../../../src/main/backend/sync/signing/boxKey'
import type { BoxKey } from '../../../src/main/backend/sync/signing/boxKey'
import { KEYRING_DIR, newGeneration, readKeyRing, writeWraps } from '../../../src/main/backend/sync/signing/keyRing'
import { newMemberKey } from '../../../src/main/backend/sync/signing/memberKey'
import type { MemberKey } from '../../../src/main/backend/sync/signing/memberKey'
import { admitKey, readTeamTrust } from '../../../src/main/backend/sync/signing/teamTrust'
import { syncRound } from '../../../src/main/backend/sync/syncRound'
import type { RoundReport } from '../../../src/main/backend/sync/syncRound'
import { actAs } from '../../../src/main/backend/people/currentMember'
import { tempBackend, tempDir } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})
const scryptN = process.env.SMO_SYNC_SCRYPT_N
beforeAll(() => {
  process.env.SMO_SYNC_SCRYPT_N = '1024'
})
afterAll(() => {
  if (scryptN === undefined) delete process.env.SMO_SYNC_SCRYPT_N
  else process.env.SMO_SYNC_SCRYPT_N = scryptN
})

const PASS = 'correct horse battery staple'

type Computer = { b: Backend; key: MemberKey; box: BoxKey; member: string; name: string }

async function workspace(): Promise<Backend> {
  const w = await tempBackend()
  cleanups.push(w.cleanup)
  return w.b
}

const teamOf = (b: Backend): string => b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'sync_team'`)?.value ?? ''

function round(c: Computer): RoundReport {
  const dir = syncFolderOf(c.b) ?? ''
  const teamId = teamOf(c.b)
  return syncRound({
    store: syncStateOf(c.b).store,
    dir,
    teamId,
    dataKey: teamKeyCache.load(c.b, teamId),
    deviceName: c.name,
    app: appVersion(),
    schema: latestVersion,
    now: c.b.now(),
    durable: false,
    signing: { key: c.key, member: c.member, name: c.name, box: c.box }
  })
}

const channelNames = (b: Backend): string[] => b.db.raw.prepare(`SELECT name FROM channel WHERE deleted_at IS NULL ORDER BY name`).all().map((r) => (r as { name: string }).name)
const deviceOf = (c: Computer): string => syncStateOf(c.b).store.device
const newestFile = (dir: string, c: Computer): string => {
  const d = join(dir, 'devices', deviceOf(c))
  return join(d, readdirSync(d).filter((n) => n.startsWith('ops-')).sort().at(-1) ?? '')
}
const generationsIn = (dir: string): string[] => {
  try {
    return readdirSync(join(dir, KEYRING_DIR)).sort()
  } catch {
    return []
  }
}

/** Hannah founds an encrypted, signed team; the others join with the passphrase and are admitted. */
async function team(names: readonly string[]): Promise<{ dir: string; folder: string; hannah: Computer; others: Computer[]; ids: Record<string, string>; admit: (name: string) => Promise<Computer> }> {
  const { dir: folder, cleanup } = tempDir('smo-renew-')
  cleanups.push(cleanup)
  const a = await workspace()
  const ids: Record<string, string> = {}
  for (const name of ['Hannah', ...names, 'Dee']) {
    ids[name] = (recordService.create(a, 'member', { name, access: name === 'Hannah' ? 'owner' : 'editor' }) as { id: string }).id
    if (name === 'Hannah') actAs(a, ids.Hannah ?? '')
  }
  syncSetup(a, { mode: 'create', folder, passphrase: PASS, signed: true })
  const dir = syncFolderOf(a) ?? ''
  const own = signingFor(a, teamOf(a))
  if (!own) throw new Error('no signing identity')
  const hannah: Computer = { b: a, key: own.key, box: own.box, member: ids.Hannah ?? '', name: 'Hannah' }
  const admit = async (name: string): Promise<Computer> => {
    const b = await workspace()
    syncSetup(b, { mode: 'join', folder, passphrase: PASS })
    const c: Computer = { b, key: newMemberKey().key, box: newBoxKey().key, member: ids[name] ?? '', name }
    actAs(b, c.member)
    round(c)
    const request = readTeamTrust(realFolderIo, dir, teamOf(b))?.requests.find((r) => r.key === c.key.keyId)
    if (!request) throw new Error('no join request')
    admitKey(realFolderIo, dir, request, hannah.key, 'f'.repeat(32))
    round(c)
    return c
  }
  const others: Computer[] = []
  for (const name of names) others.push(await admit(name))
  return { dir, folder, hannah, others, ids, admit }
}

describe('team key renewal after a removal', () => {
  it('renews the key on removal: the remaining members and later ones read what follows, the removed computer does not', async () => {
    const t = await team(['Ed', 'Cy'])
    const [ed, cy] = t.others as [Computer, Computer]
    recordService.create(ed.b, 'channel', { name: 'Before removal', platform: 'blog' })
    round(ed)
    for (const c of [t.hannah, cy, ed]) round(c)
    expect(channelNames(cy.b)).toEqual(['Before removal'])
    // Nobody has left yet: the passphrase key is still the one in use.
    expect(generationsIn(t.dir)).toEqual([])

    // Hannah removes Cy and, before syncing, writes something Cy must not read.
    recordService.delete(t.hannah.b, 'member', cy.member)
    recordService.create(t.hannah.b, 'channel', { name: 'After removal', platform: 'blog' })
    const renewal = round(t.hannah)
    expect(renewal.sent).toBe(2)
    const [gen] = generationsIn(t.dir)
    expect(gen).toMatch(/^g1-[0-9a-f]{8}$/)
    // Wrapped for Hannah's and Ed's computers only.
    expect(readdirSync(join(t.dir, KEYRING_DIR, gen ?? '')).sort()).toEqual([t.hannah.key.keyId, ed.key.keyId].sort().map((k) => `${k}.json`))
    const header = decodeSegment(readFileSync(newestFile(t.dir, t.hannah)), { keys: () => null })
    expect(header.status === 'locked' && header.keyId).toBe(gen)

    // Ed reads it, and writes under the new generation too.
    round(ed)
    expect(channelNames(ed.b)).toEqual(['After removal', 'Before removal'])
    recordService.create(ed.b, 'channel', { name: 'Ed after', platform: 'blog' })
    expect(round(ed).sent).toBe(1)
    round(t.hannah)
    expect(channelNames(t.hannah.b)).toEqual(['After removal', 'Before removal', 'Ed after'])

    // Cy's computer keeps what it had and reads nothing written after; sync health says why.
    const r = round(cy)
    expect(channelNames(cy.b)).toEqual(['Before removal'])
    expect(r.problems.find((p) => p.code === 'key-not-handed')?.message).toMatch(/has not been handed the new key/)
    // Its own key (the passphrase's) opens none of the new files.
    const cyKey = teamKeyCache.load(cy.b, teamOf(cy.b))
    for (const c of [t.hannah, ed]) {
      const d = decodeSegment(readFileSync(newestFile(t.dir, c)), { keys: (id) => (id === cyKey?.keyId ? cyKey : null) })
      expect(d.status).toBe('locked')
    }
    // And it shares nothing under the old key that the others would have to trust.
    recordService.create(cy.b, 'channel', { name: 'Cy after', platform: 'blog' })
    expect(round(cy).sent).toBe(0)

    // A member admitted after the renewal joins with the passphrase and is handed the new key by
    // Hannah's next round: it reads both generations.
    const dee = await t.admit('Dee')
    expect(round(dee).problems.map((p) => p.code)).toContain('key-not-handed')
    round(t.hannah)
    round(dee)
    expect(channelNames(dee.b)).toEqual(['After removal', 'Before removal', 'Ed after'])
  })

  it('renews again after a second removal, and an inactive member counts as removed', async () => {
    const t = await team(['Ed', 'Cy', 'Bo'])
    const [ed, cy, bo] = t.others as [Computer, Computer, Computer]
    for (const c of [t.hannah, ed, cy, bo]) round(c)
    recordService.update(t.hannah.b, 'member', { id: cy.member, active: false })
    round(t.hannah)
    expect(generationsIn(t.dir)).toHaveLength(1)
    for (const c of [ed, bo]) round(c)
    recordService.delete(t.hannah.b, 'member', bo.member)
    recordService.create(t.hannah.b, 'channel', { name: 'Second', platform: 'blog' })
    round(t.hannah)
    const gens = generationsIn(t.dir)
    expect(gens.map((g) => g.split('-')[0])).toEqual(['g1', 'g2'])
    round(ed)
    round(bo)
    expect(channelNames(ed.b)).toEqual(['Second'])
    expect(channelNames(bo.b)).toEqual([])
    // A round with nothing new renews nothing.
    round(t.hannah)
    expect(generationsIn(t.dir)).toHaveLength(2)
  })

  it('ignores a key generation wrapped by someone who is not an owner, and a changed wrap', async () => {
    const t = await team(['Ed', 'Cy'])
    const [ed, cy] = t.others as [Computer, Computer]
    for (const c of [t.hannah, ed, cy]) round(c)
    // Ed's computer (an editor) writes a generation of its own, wrapped for everyone: if anyone
    // used it, Ed would decide who reads the team's files. Nobody may.
    const trust = readTeamTrust(realFolderIo, t.dir, teamOf(ed.b))
    if (!trust) throw new Error('no trust')
    const forged = newGeneration(5)
    writeWraps(realFolderIo, t.dir, trust, readKeyRing(realFolderIo, t.dir, trust), ed.key, forged, 5, [...trust.keys.values()], 'f'.repeat(32))
    for (const c of [t.hannah, ed, cy]) {
      recordService.create(c.b, 'channel', { name: `From ${c.name}`, platform: 'blog' })
      round(c)
      const d = decodeSegment(readFileSync(newestFile(t.dir, c)), { keys: () => null })
      expect(d.status === 'locked' && d.keyId).toBe('k1')
    }
    // Hannah removes Cy: her generation (numbered past the forged one) is the one used.
    recordService.delete(t.hannah.b, 'member', cy.member)
    round(t.hannah)
    const mine = generationsIn(t.dir).filter((g) => g !== forged.keyId)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatch(/^g6-/)
    // Ed's wrap of it, changed after signing (here: claiming to be by Ed), no longer counts.
    const wrapPath = join(t.dir, KEYRING_DIR, mine[0] ?? '', `${ed.key.keyId}.json`)
    const wrap = JSON.parse(readFileSync(wrapPath, 'utf8')) as Record<string, unknown>
    writeFileSync(wrapPath, JSON.stringify({ ...wrap, by: ed.key.keyId }))
    recordService.create(t.hannah.b, 'channel', { name: 'Renewed', platform: 'blog' })
    round(t.hannah)
    recordService.create(ed.b, 'channel', { name: 'Waits', platform: 'blog' })
    const r = round(ed)
    expect(channelNames(ed.b)).not.toContain('Renewed')
    expect(r.problems.map((p) => p.code)).toContain('key-not-handed')
    expect(r.sent).toBe(0)
  })
})
