/**
 * Sealing in a signed team (SYNC.md §2.4.4, docs/SYNC-SECURITY.md): a device re-writes its chunks as
 * one sealed file, and every reader judges each op against the causal past its file names. A seal
 * signed with the device's causal past at sealing time moved an editor's changes made before their
 * demotion under the demotion: whoever read the chunks applied them, whoever read only the seal (a
 * computer joining later) refused them. Real SQLite stores and a real folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { localWrite } from '../../../src/core/sync/localWrite'
import { parseOpRecord } from '../../../src/core/sync/op'
import { flushOutbox, pullFolder, sealOwn } from '../../../src/main/backend/sync/folderSync'
import { newMemberKey } from '../../../src/main/backend/sync/signing/memberKey'
import type { MemberKey } from '../../../src/main/backend/sync/signing/memberKey'
import { logOwnMemberWrites, signingGuard } from '../../../src/main/backend/sync/signing/signingGuard'
import type { TeamTrust } from '../../../src/main/backend/sync/signing/teamTrust'
import { SqliteSyncStore } from '../../../src/main/backend/sync/sqliteSyncStore'
import { SyncFolder } from '../../../src/main/backend/sync/syncFolder'
import { migratedDb } from './sqliteStoreFactory'

const TEAM = 'team-seal'
const T0 = Date.UTC(2026, 11, 6)
const DEV = { hannah: 'a'.repeat(16), ed: 'b'.repeat(16), late: 'c'.repeat(16) } as const
type Who = keyof typeof DEV
type Computer = { key: MemberKey; db: Database.Database; store: SqliteSyncStore; folder: SyncFolder }

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function team() {
  const dir = mkdtempSync(join(tmpdir(), 'smo-seal-'))
  dirs.push(dir)
  const c = {} as Record<Who, Computer>
  for (const who of Object.keys(DEV) as Who[]) {
    const db = migratedDb()
    const store = new SqliteSyncStore(db, DEV[who], { now: () => T0 })
    const key = newMemberKey().key
    const deps = () => Object.fromEntries(store.knownDevices().filter((d) => d !== DEV[who]).map((d) => [d, store.highWaterMark(d)]))
    c[who] = { key, db, store, folder: new SyncFolder(dir, { teamId: TEAM, durable: false, signer: { keyId: key.keyId, sign: (sha) => key.sign(sha), deps } }) }
  }
  const root = c.hannah.key
  const entry = (w: Who) => ({ magic: 'smo-desk-member-key' as const, team: TEAM, key: c[w].key.keyId, dev: DEV[w], publicKey: c[w].key.publicKey, member: w, name: w, h: '', admittedBy: root.keyId, sig: '' })
  const trust: TeamTrust = {
    genesis: { magic: 'smo-desk-signing', team: TEAM, root: { member: 'hannah', name: 'hannah', key: root.keyId, dev: DEV.hannah, publicKey: root.publicKey }, roles: { hannah: 'owner', ed: 'editor', late: 'viewer' }, names: {}, legacy: {}, h: '', sig: '' },
    keys: new Map((Object.keys(DEV) as Who[]).map((w) => [c[w].key.keyId, entry(w)])),
    requests: []
  }
  const reader = new SyncFolder(dir, { teamId: TEAM })
  let clock = 0
  let pulls = 0
  const pull = (w: Who) => pullFolder(c[w].store, reader, T0 + ++pulls, signingGuard(c[w].db, trust))
  const write = (w: Who, tbl: string, row: string, set: Record<string, string>) => {
    localWrite(c[w].store, T0 + ++clock, [{ t: tbl, r: row, set }])
    const own = c[w].store.unpublished().map((e) => ({ op: parseOpRecord(DEV[w], JSON.parse(e.text)) ?? fail(), hash: e.hash }))
    flushOutbox(c[w].store, c[w].folder)
    logOwnMemberWrites(c[w].db, w, own)
  }
  const names = (w: Who) => c[w].db.prepare(`SELECT name FROM channel ORDER BY name`).all().map((r) => (r as { name: string }).name)
  const refused = (w: Who) => c[w].db.prepare(`SELECT dev, seq, reason FROM sync_refused ORDER BY dev, seq`).all()
  const files = (w: Who) => readdirSync(join(dir, 'devices', DEV[w])).filter((n) => n.startsWith('ops-')).sort()
  return { c, pull, write, names, refused, files }
}

function fail(): never {
  throw new Error('unparseable own op')
}

describe('sealing in a signed team', () => {
  it('never moves a change under a causal past it was not published with: a later reader judges it like everyone', () => {
    const t = team()
    t.write('ed', 'channel', 'r1', { name: 'Before the demotion' })
    t.write('hannah', 'member', 'ed', { access: 'viewer' })
    t.pull('ed')
    t.write('ed', 'channel', 'r2', { name: 'After the demotion' })
    t.pull('hannah')
    expect(t.names('hannah')).toEqual(['Before the demotion'])

    // Two chunks naming different pasts: not one seal.
    expect(sealOwn(t.c.ed.store, t.c.ed.folder)).toBeNull()
    expect(t.files('ed')).toHaveLength(2)
    t.pull('late')
    t.pull('late')
    expect(t.names('late')).toEqual(t.names('hannah'))
    expect(t.refused('late')).toEqual(t.refused('hannah'))
  })

  it('still seals chunks that name the same causal past, signed so every reader accepts them', () => {
    const t = team()
    for (let i = 1; i <= 3; i++) t.write('hannah', 'channel', `r${i}`, { name: `Channel ${i}` })
    const sealed = sealOwn(t.c.hannah.store, t.c.hannah.folder)
    expect(sealed).toMatch(/ops-0+1-0+3\.log\.gz$/)
    expect(t.files('hannah')).toEqual(['ops-000000000001-000000000003.log.gz'])
    t.pull('late')
    expect(t.names('late')).toEqual(['Channel 1', 'Channel 2', 'Channel 3'])
    expect(t.refused('late')).toEqual([])
  })
})
