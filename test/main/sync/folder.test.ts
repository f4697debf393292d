import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { localWrite } from '../../../src/core/sync/localWrite'
import { MemorySyncStore } from '../../../src/core/sync/memorySyncStore'
import { replicaDigest } from '../../../src/core/sync/replicaDigest'
import { readNewestManifest, writeDeviceManifest } from '../../../src/main/backend/sync/deviceManifest'
import type { DeviceManifest } from '../../../src/main/backend/sync/deviceManifest'
import { classifyFsError, SyncFolderError } from '../../../src/main/backend/sync/folderError'
import { realFolderIo } from '../../../src/main/backend/sync/folderIo'
import { flushOutbox, pullFolder, sealOwn } from '../../../src/main/backend/sync/folderSync'
import { SyncFolder } from '../../../src/main/backend/sync/syncFolder'
import { createTeam, openTeam, readTeam, TEAM_FOLDER_NAME } from '../../../src/main/backend/sync/teamFolder'
import type { TeamFile } from '../../../src/main/backend/sync/teamFolder'

const A = 'aaaaaaaaaaaaaaaa'
const B = 'bbbbbbbbbbbbbbbb'
const T0 = Date.UTC(2026, 10, 23)
const team = (teamId: string): TeamFile => ({ magic: 'smo-desk-team', teamId, createdAt: '2026-11-23T00:00:00Z', format: 1, encryption: null })
const codeOf = (fn: () => unknown): string => {
  try {
    fn()
  } catch (e) {
    return e instanceof SyncFolderError ? e.code : `other: ${String(e)}`
  }
  return 'no error'
}

let root = ''
let dir = ''
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'smo-sync-folder-'))
  dir = path.join(root, TEAM_FOLDER_NAME)
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('TEAM.json bootstrap (SYNC.md §2.2)', () => {
  it('is create-only: a second founder joins the existing team', () => {
    expect(createTeam(realFolderIo, dir, team('01JB'), null).teamId).toBe('01JB')
    expect(createTeam(realFolderIo, dir, team('01JA'), null).teamId).toBe('01JB')
    expect(fs.readdirSync(dir).sort()).toEqual(['README.txt', 'TEAM.json'])
  })

  it('after a founders race every device picks the lowest teamId, conflicted copy or not', () => {
    createTeam(realFolderIo, dir, team('01JZ'), null)
    fs.writeFileSync(path.join(dir, 'TEAM (conflicted copy 2026-11-23).json'), JSON.stringify(team('01JA')))
    fs.writeFileSync(path.join(dir, 'TEAM (1).json'), '') // a zero-byte placeholder changes nothing
    expect(readTeam(realFolderIo, dir).teamId).toBe('01JA')
  })

  it('refuses another team, a missing folder, a device folder without team file, a newer format', () => {
    createTeam(realFolderIo, dir, team('01JA'), null)
    expect(codeOf(() => openTeam(realFolderIo, dir, '01JQ'))).toBe('other-team')
    expect(codeOf(() => openTeam(realFolderIo, path.join(root, 'unplugged'), '01JA'))).toBe('missing')
    const bare = path.join(root, 'bare')
    fs.mkdirSync(path.join(bare, 'devices'), { recursive: true })
    expect(codeOf(() => createTeam(realFolderIo, bare, team('01JN'), null))).toBe('not-a-team-folder')
    const newer = path.join(root, 'newer')
    fs.mkdirSync(newer)
    fs.writeFileSync(path.join(newer, 'TEAM.json'), JSON.stringify({ ...team('01JA'), format: 9 }))
    expect(codeOf(() => readTeam(realFolderIo, newer))).toBe('newer-format')
  })
})

describe('folder driver (SYNC.md §2.4, §2.5)', () => {
  const setup = (): { a: MemorySyncStore; b: MemorySyncStore; fa: SyncFolder; fb: SyncFolder } => {
    createTeam(realFolderIo, dir, team('01JA'), null)
    return {
      a: new MemorySyncStore(A),
      b: new MemorySyncStore(B),
      fa: new SyncFolder(dir, { teamId: '01JA' }),
      fb: new SyncFolder(dir, { teamId: '01JA' })
    }
  }

  it('publishes a verified file under its own directory and the peer pulls it', () => {
    const { a, b, fa, fb } = setup()
    localWrite(a, T0, [{ t: 'item', r: 'r1', set: { title: 'hello' } }])
    localWrite(a, T0 + 1, [{ t: 'item', r: 'r1', set: { status: 'draft' } }])
    expect(flushOutbox(a, fa)).toEqual({ published: 2, file: path.join('devices', A, 'ops-000000000001-000000000002.log') })
    expect(a.unpublished()).toEqual([])
    expect(pullFolder(b, fb, T0)).toMatchObject({ filesRead: 1, applied: 2, problems: [] })
    expect(replicaDigest(b)).toBe(replicaDigest(a))
    // the idle round reads nothing: the file is cached as complete
    expect(pullFolder(b, fb, T0)).toMatchObject({ filesRead: 0, filesSkipped: 1 })
  })

  it('a crash after rename leaves the outbox intact; the retry accepts the identical file', () => {
    const { a } = setup()
    const crashing = new SyncFolder(dir, { teamId: '01JA', hooks: { afterRename: () => { throw new Error('kill -9') } } })
    localWrite(a, T0, [{ t: 'item', r: 'r1', set: { title: 'x' } }])
    expect(() => flushOutbox(a, crashing)).toThrow('kill -9')
    expect(a.unpublished()).toHaveLength(1)
    expect(flushOutbox(a, new SyncFolder(dir, { teamId: '01JA' })).published).toBe(1)
  })

  it('refuses to overwrite an existing name holding different records (cloned device)', () => {
    const { a, fa } = setup()
    const clone = new MemorySyncStore(A)
    localWrite(a, T0, [{ t: 'item', r: 'r1', set: { title: 'x' } }])
    localWrite(clone, T0, [{ t: 'item', r: 'r1', set: { title: 'y' } }])
    flushOutbox(a, fa)
    expect(codeOf(() => flushOutbox(clone, fa))).toBe('name-taken')
    expect(clone.unpublished()).toHaveLength(1)
  })

  it('never loses state when files vanish, empty out or tear (I7), and skips temp files', () => {
    const { a, b, fa, fb } = setup()
    for (let i = 0; i < 5; i++) {
      localWrite(a, T0 + i, [{ t: 'item', r: `r${i}`, set: { title: `t${i}` } }])
      flushOutbox(a, fa)
    }
    pullFolder(b, fb, T0)
    const before = replicaDigest(b)
    const files = fs.readdirSync(path.join(dir, 'devices', A))
    fs.rmSync(path.join(dir, 'devices', A, files[0] ?? ''))
    fs.writeFileSync(path.join(dir, 'devices', A, files[1] ?? ''), '')
    fs.truncateSync(path.join(dir, 'devices', A, files[2] ?? ''), 20)
    fs.writeFileSync(path.join(dir, 'devices', A, 'ops-000000000009-000000000009.log.tmp-dead'), 'partial')
    b.clearFileCache()
    const r = pullFolder(b, fb, T0 + 10)
    expect(replicaDigest(b)).toBe(before)
    expect(r.problems.map((p) => p.code)).toEqual(['damaged', 'damaged'])
  })

  it('seals chunks into one gzip segment, then deletes only its own chunks', () => {
    const { a, b, fa, fb } = setup()
    for (let i = 0; i < 4; i++) {
      localWrite(a, T0 + i, [{ t: 'item', r: 'r1', set: { title: `t${i}` } }])
      flushOutbox(a, fa)
    }
    localWrite(b, T0, [{ t: 'item', r: 'r2', set: { title: 'b' } }])
    flushOutbox(b, fb)
    expect(sealOwn(a, fa)).toBe(path.join('devices', A, 'ops-000000000001-000000000004.log.gz'))
    expect(fs.readdirSync(path.join(dir, 'devices', A))).toEqual(['ops-000000000001-000000000004.log.gz'])
    expect(fs.readdirSync(path.join(dir, 'devices', B))).toHaveLength(1)
    expect(() => fa.removeOwn(A, path.join('devices', B, 'x'))).toThrow(/refusing/)
    const c = new MemorySyncStore('cccccccccccccccc')
    pullFolder(c, fb, T0)
    expect(c.highWaterMark(A)).toBe(4)
  })

  it('reports files of another team and newer formats without applying them', () => {
    const { a, b, fb } = setup()
    localWrite(a, T0, [{ t: 'item', r: 'r1', set: { title: 'x' } }])
    flushOutbox(a, new SyncFolder(dir, { teamId: '01JOTHER' }))
    expect(pullFolder(b, fb, T0).problems.map((p) => p.code)).toEqual(['other-team'])
    expect(b.highWaterMark(A)).toBe(0)
  })

  it('keeps the newest 3 device manifests and reads the newest valid one', () => {
    const devDir = path.join(dir, 'devices', A)
    const m = (hlc: string): DeviceManifest => ({ dev: A, name: 'Priya’s MacBook', user: 'Priya', app: '0.1.0', fmt: 1, schema: 1, published: { last: 1 }, ack: {}, snapshot: null, clock: { wall: T0, hlc } })
    for (let i = 1; i <= 5; i++) writeDeviceManifest(realFolderIo, devDir, m(`${String(i).padStart(12, '0')}0000${A}`))
    expect(fs.readdirSync(devDir)).toHaveLength(3)
    fs.writeFileSync(path.join(devDir, `state-${'9'.repeat(12)}0000${A}.json`), '{"torn')
    expect(readNewestManifest(realFolderIo, devDir, A)?.clock.hlc).toBe(`${'5'.padStart(12, '0')}0000${A}`)
  })
})

describe('error taxonomy', () => {
  it.each([
    ['ENOENT', 'missing'],
    ['EROFS', 'read-only'],
    ['EACCES', 'read-only'],
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EBUSY', 'busy'],
    ['EIO', 'unavailable']
  ])('%s → %s with a message a person can act on', (errno, code) => {
    const e = classifyFsError(Object.assign(new Error('x'), { code: errno }), '/x')
    expect(e).toBeInstanceOf(SyncFolderError)
    expect((e as SyncFolderError).code).toBe(code)
    expect((e as SyncFolderError).message.length).toBeGreaterThan(40)
  })

  it('a read-only shared folder keeps the outbox and says so', () => {
    // Running as root makes chmod useless, so the share's EROFS comes from a thin io wrapper.
    const erofs = (): never => {
      throw Object.assign(new Error('read-only file system'), { code: 'EROFS' })
    }
    const ro = new SyncFolder(root, { teamId: '01JA', io: { ...realFolderIo, writeNew: erofs } })
    const a = new MemorySyncStore(A)
    localWrite(a, T0, [{ t: 'item', r: 'r1', set: { title: 'x' } }])
    expect(codeOf(() => flushOutbox(a, ro))).toBe('read-only')
    expect(a.unpublished()).toHaveLength(1)
  })
})
