/**
 * Folder faults a person runs into (SYNC.md §3.3 items 13, 16, 23, 24) on real SQLite workspaces:
 * a read-only team folder, a full one, an unplugged one, a teammate's file from a newer format and a
 * missing or wrong passphrase. For each, one round of `syncRound` must report one sentence that says
 * what to do, leave the local database as it was (app tables, field heads, change log, published
 * mark), keep the unpublished edits in the outbox and leave no temp file in the folder; once the
 * fault is gone, a normal round publishes and receives everything.
 *
 * We run as root, so chmod cannot make a folder read-only: the faults are injected under the
 * FolderIo port, either into the `node:fs` calls the real port makes (so its own clean-up runs) or
 * as a view of the folder (vanished, empty, an older reader).
 */
import { createHash } from 'node:crypto'
import fs, { mkdirSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { latestVersion } from '../../../src/main/backend/db/migrations/index'
import { sql } from '../../../src/main/backend/db/sql'
import { recordService } from '../../../src/main/backend/services/recordService'
import { appVersion, syncFolderOf, syncNow, syncSetup, syncStateOf, syncUnlock } from '../../../src/main/backend/services/syncService'
import type { DataKey } from '../../../src/main/backend/sync/blockCipher'
import { SyncFolderError } from '../../../src/main/backend/sync/folderError'
import { fsFolderIo } from '../../../src/main/backend/sync/folderIo'
import type { FileStat, FolderFs, FolderIo } from '../../../src/main/backend/sync/folderIo'
import { syncRound } from '../../../src/main/backend/sync/syncRound'
import type { SyncProblem } from '../../../src/main/backend/sync/syncRound'
import { kindNames, recordKinds } from '../../../src/core/domain/recordKinds'
import { tempBackend, tempDir } from '../helpers/tempWorkspace'

process.env.SMO_SYNC_SCRYPT_N = '1024'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

// ---------------------------------------------------------------------------------------------
// Faults under the port

/** The fs calls a fault can hit; `write` fails after a short write, like a disk filling up. */
type Stage = 'open' | 'write' | 'fsync' | 'close' | 'mkdir' | 'link' | 'rename' | 'unlink'

const errno = (code: string, call: string): Error => Object.assign(new Error(`${code}: ${call}`), { code })

/** `node:fs` with the stages in `faults` failing with their errno code. */
function faultyFs(faults: Map<Stage, string>): FolderFs {
  const fail = (stage: Stage, what: string): void => {
    const code = faults.get(stage)
    if (code) throw errno(code, `${stage} ${what}`)
  }
  const writeSync = (fd: number, buf: NodeJS.ArrayBufferView, offset = 0, length = buf.byteLength - offset): number => {
    if (faults.has('write')) {
      // The first bytes still land (a disk fills up mid-file): a short count, then the error.
      if (length > 1) return fs.writeSync(fd, buf, offset, Math.floor(length / 2))
      fail('write', `fd ${fd}`)
    }
    return fs.writeSync(fd, buf, offset, length)
  }
  return {
    readdirSync: fs.readdirSync,
    statSync: fs.statSync,
    readFileSync: fs.readFileSync,
    existsSync: fs.existsSync,
    openSync: ((p: string, flags: string) => {
      fail('open', p)
      return fs.openSync(p, flags)
    }) as typeof fs.openSync,
    writeSync: writeSync as typeof fs.writeSync,
    fsyncSync: (fd: number) => {
      fail('fsync', `fd ${fd}`)
      fs.fsyncSync(fd)
    },
    closeSync: (fd: number) => {
      fs.closeSync(fd)
      fail('close', `fd ${fd}`)
    },
    mkdirSync: ((p: string, opts: fs.MakeDirectoryOptions) => {
      // `mkdir -p` of a folder that is already there succeeds even on a read-only share.
      if (!fs.existsSync(p)) fail('mkdir', p)
      return fs.mkdirSync(p, opts)
    }) as typeof fs.mkdirSync,
    linkSync: (a: fs.PathLike, b: fs.PathLike) => {
      fail('link', String(b))
      fs.linkSync(a, b)
    },
    renameSync: (a: fs.PathLike, b: fs.PathLike) => {
      fail('rename', String(b))
      fs.renameSync(a, b)
    },
    unlinkSync: (p: fs.PathLike) => {
      fail('unlink', String(p))
      fs.unlinkSync(p)
    }
  }
}

/** How the folder looks to this device, on top of the fs faults. */
type View =
  | { kind: 'normal' }
  /** Unplugged: the whole folder is gone (ENOENT on the root and everything in it). */
  | { kind: 'vanished' }
  /** An unmounted mount point or an unsynced placeholder: the root is there and empty. */
  | { kind: 'empty' }
  /** We are an older app: these files (and, with `team`, TEAM.json) carry a format we do not know. */
  | { kind: 'older-reader'; files: ReadonlySet<string>; team: boolean }

/** Re-frames a file whose first line says `"fmt":1` as format 2, same size (as an old reader sees it). */
function bumpFormat(buf: Buffer): Buffer {
  const nl = buf.indexOf(0x0a)
  const json = buf.subarray(9, nl).toString('utf8').replace('"fmt":1', '"fmt":2')
  return Buffer.concat([Buffer.from(`${crc32(json).toString(16).padStart(8, '0')} ${json}`), buf.subarray(nl)])
}

class FaultIo implements FolderIo {
  readonly faults = new Map<Stage, string>()
  view: View = { kind: 'normal' }
  /** Every write the round attempted, failed or not (an unplugged folder must see none). */
  readonly writes: string[] = []
  private readonly inner = fsFolderIo(faultyFs(this.faults))
  constructor(private readonly root: string) {}

  clear(): void {
    this.faults.clear()
    this.view = { kind: 'normal' }
  }

  private under(p: string): boolean {
    return p === this.root || p.startsWith(this.root + sep)
  }
  /** Throws what the file system says about a path that the view hides. */
  private gone(p: string): void {
    if (!this.under(p)) return
    if (this.view.kind === 'vanished' || (this.view.kind === 'empty' && p !== this.root)) throw errno('ENOENT', p)
  }

  readdir(p: string): string[] {
    this.gone(p)
    if (this.view.kind === 'empty' && p === this.root) return []
    return this.inner.readdir(p)
  }
  stat(p: string): FileStat {
    this.gone(p)
    return this.inner.stat(p)
  }
  readFile(p: string): Buffer {
    this.gone(p)
    const buf = this.inner.readFile(p)
    if (this.view.kind !== 'older-reader') return buf
    if (this.view.files.has(p)) return bumpFormat(buf)
    if (this.view.team && p === join(this.root, 'TEAM.json')) return Buffer.from(JSON.stringify({ ...(JSON.parse(buf.toString('utf8')) as object), format: 2 }))
    return buf
  }
  writeNew(p: string, data: Buffer, durable: boolean): void {
    this.writes.push(p)
    this.gone(p)
    this.inner.writeNew(p, data, durable)
  }
  renameNoReplace(source: string, target: string): boolean {
    this.writes.push(target)
    this.gone(target)
    return this.inner.renameNoReplace(source, target)
  }
  unlink(p: string): void {
    this.writes.push(p)
    this.gone(p)
    this.inner.unlink(p)
  }
  mkdirp(p: string): void {
    this.writes.push(p)
    this.gone(p)
    this.inner.mkdirp(p)
  }
  exists(p: string): boolean {
    if (this.under(p) && (this.view.kind === 'vanished' || (this.view.kind === 'empty' && p !== this.root))) return false
    return this.inner.exists(p)
  }
}

// ---------------------------------------------------------------------------------------------
// Workspaces

/** A real workspace (SQLite file, real mutation path) in its own temp folder. */
async function workspace(): Promise<Backend> {
  const t = await tempBackend()
  cleanups.push(t.cleanup)
  return t.b
}

type Team = { dir: string; a: Backend; b: Backend; id: string; passphrase: string | undefined }

/** Priya (a) founds a team in a real temp folder, Sam (b) joins; both share one channel. */
async function team(encrypted = false): Promise<Team> {
  const t = tempDir('smo-sync-faults-')
  cleanups.push(t.cleanup)
  const folder = join(t.dir, 'Dropbox')
  mkdirSync(folder)
  const passphrase = encrypted ? 'correct horse' : undefined
  const a = await workspace()
  const id = (recordService.create(a, 'channel', { name: 'Company blog', platform: 'blog' }) as { id: string }).id
  syncSetup(a, { mode: 'create', folder, passphrase, deviceName: 'Priya' })
  const b = await workspace()
  syncSetup(b, { mode: 'join', folder, passphrase, deviceName: 'Sam' })
  const dir = syncFolderOf(a)
  if (!dir) throw new Error('no team folder')
  return { dir, a, b, id, passphrase }
}

const local = (b: Backend, key: string): string | undefined => b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = ${key}`)?.value

type Outcome = { sent: number; received: number; problems: SyncProblem[] }

/**
 * One round of `syncRound` for `b` through `io`. A fault found before anything is touched (folder
 * gone, newer team file, no key) is thrown; the service turns it into the round's one problem,
 * exactly as here. Anything else thrown fails the test.
 */
function round(b: Backend, io: FolderIo, dataKey: DataKey | null = null): Outcome {
  const teamId = local(b, 'sync_team')
  const dir = syncFolderOf(b)
  if (!teamId || !dir) throw new Error('sync is not set up')
  try {
    const r = syncRound({ store: syncStateOf(b).store, dir, teamId, dataKey, deviceName: 'test', app: appVersion(), schema: latestVersion, now: b.now(), io })
    expect(r.cloned).toBe(false)
    return { sent: r.sent, received: r.received, problems: r.problems }
  } catch (err) {
    if (!(err instanceof SyncFolderError)) throw err
    return { sent: 0, received: 0, problems: [{ code: err.code, message: err.message, detail: err.detail }] }
  }
}

/** Everything a round could wrongly change: app rows, field registers, the change log, the published mark. */
function localDigest(b: Backend): string {
  const h = createHash('sha256')
  const tables = [...kindNames.map((k) => recordKinds[k].table), 'field_head', 'change_tx', 'change_record', 'sync_ref', 'sync_pending']
  for (const t of tables) {
    const rows = b.db.raw.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r))
    h.update(`${t}\n${rows.sort().join('\n')}\n`)
  }
  h.update(`published ${local(b, 'sync_published') ?? '0'}`)
  return h.digest('hex')
}

/** The outbox as seqs, so "still there" means the same edits, not just as many. */
const outbox = (b: Backend): number[] =>
  syncStateOf(b)
    .store.unpublished()
    .map((e) => e.seq)

/** Every temp file anywhere in the team folder (ours `*.tmp-*`; SyncFolder skips and sweeps them). */
function tempFiles(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile() && e.name.includes('.tmp-')) out.push(relative(dir, join(e.parentPath, e.name)))
  return out
}

const deletedAt = (b: Backend, id: string): string | null | undefined => b.db.get<{ d: string | null }>(sql`SELECT deleted_at AS d FROM channel WHERE id = ${id}`)?.d
const channel = (b: Backend, id: string) => recordService.get(b, 'channel', id) as { name: string; notes: string; handle: string }

/** Offline work on Priya's side: a new channel and an edit, three unpublished edits in all. */
function offlineWork(t: Team): { created: string } {
  const created = (recordService.create(t.a, 'channel', { name: 'Webinars', platform: 'blog' }) as { id: string }).id
  recordService.update(t.a, 'channel', { id: t.id, notes: 'written while the folder was broken' })
  recordService.update(t.a, 'channel', { id: created, handle: '@webinars' })
  return { created }
}

/** After the fault: one plain round publishes everything, and Sam receives every edit. */
function recovers(t: Team, io: FaultIo, pending: number[], created: string): void {
  io.clear()
  const r = round(t.a, io)
  expect(r.problems).toEqual([])
  expect(r.sent).toBe(pending.length)
  expect(outbox(t.a)).toEqual([])
  expect(tempFiles(t.dir)).toEqual([])
  syncNow(t.b)
  expect(channel(t.b, t.id).notes).toBe('written while the folder was broken')
  expect(channel(t.b, created)).toMatchObject({ name: 'Webinars', handle: '@webinars' })
}

/** The one problem of a faulted round: its code, and a sentence saying what happened and what to do. */
function oneProblem(r: Outcome, code: string, says: RegExp[]): void {
  expect(r.problems.map((p) => p.code)).toEqual([code])
  const message = r.problems[0]?.message ?? ''
  for (const re of says) expect(message).toMatch(re)
}

// ---------------------------------------------------------------------------------------------

describe('a read-only team folder', () => {
  const codes = ['EROFS', 'EACCES', 'EPERM']
  // create: the share is read-only throughout, nothing can be created. rename: the temp is written,
  // then the rename is refused (permission revoked, an ACL that allows no new names); the port
  // removes the temp it wrote.
  const stages: Record<string, Stage[]> = {
    create: ['open', 'mkdir', 'link', 'rename', 'unlink'],
    rename: ['link', 'rename']
  }
  it.each(codes.flatMap((code) => Object.keys(stages).map((stage) => [code, stage] as const)))('%s on %s: one clear problem, nothing changed, published once writable', async (code, stage) => {
    const t = await team()
    const io = new FaultIo(t.dir)
    const { created } = offlineWork(t)
    const pending = outbox(t.a)
    expect(pending).toHaveLength(3)
    const before = localDigest(t.a)
    for (const s of stages[stage] ?? []) io.faults.set(s, code)

    const r = round(t.a, io)
    oneProblem(r, 'read-only', [/cannot write to the shared folder/, /write access/])
    expect(r.sent).toBe(0)
    expect(localDigest(t.a)).toBe(before)
    expect(outbox(t.a)).toEqual(pending)
    expect(tempFiles(t.dir)).toEqual([])
    recovers(t, io, pending, created)
  })

  it('a temp the share no longer lets us delete is skipped by readers and swept once writable', async () => {
    const t = await team()
    const io = new FaultIo(t.dir)
    const { created } = offlineWork(t)
    const pending = outbox(t.a)
    const before = localDigest(t.a)
    // Permission revoked between writing the temp and renaming it: nothing can remove it now.
    for (const s of ['mkdir', 'link', 'rename', 'unlink'] as const) io.faults.set(s, 'EACCES')
    oneProblem(round(t.a, io), 'read-only', [/write access/])
    expect(localDigest(t.a)).toBe(before)
    expect(outbox(t.a)).toEqual(pending)
    // The ops temp and the manifest temp, both in our own device folder, where only we look.
    const left = tempFiles(t.dir)
    expect(left).toHaveLength(2)
    for (const f of left) expect(f.startsWith(join('devices', t.a.ws.deviceId) + sep)).toBe(true)
    expect(syncNow(t.b).problems).toEqual([])
    recovers(t, io, pending, created)
  })

  it("still pulls teammates' edits while ours wait", async () => {
    const t = await team()
    const io = new FaultIo(t.dir)
    recordService.update(t.b, 'channel', { id: t.id, handle: '@from-sam' })
    expect(syncNow(t.b).sent).toBe(1)
    const { created } = offlineWork(t)
    const pending = outbox(t.a)
    for (const s of ['open', 'mkdir', 'link', 'rename', 'unlink'] as const) io.faults.set(s, 'EROFS')

    const r = round(t.a, io)
    oneProblem(r, 'read-only', [/write access/])
    expect(r.received).toBe(1)
    expect(channel(t.a, t.id).handle).toBe('@from-sam')
    expect(channel(t.a, t.id).notes).toBe('written while the folder was broken')
    expect(outbox(t.a)).toEqual(pending)
    recovers(t, io, pending, created)
    expect(channel(t.b, t.id).handle).toBe('@from-sam')
  })
})

describe('a full team folder', () => {
  // ENOSPC part-way through the file (after a short write), EDQUOT when the quota is checked at
  // fsync or only at close (network and cloud file systems).
  it.each([
    ['ENOSPC', 'write'],
    ['EDQUOT', 'write'],
    ['EDQUOT', 'fsync'],
    ['ENOSPC', 'close']
  ] as const)('%s at %s: one clear problem, no partial file, nothing changed, published once there is space', async (code, stage) => {
    const t = await team()
    const io = new FaultIo(t.dir)
    const { created } = offlineWork(t)
    const pending = outbox(t.a)
    const before = localDigest(t.a)
    const ownFiles = readdirSync(join(t.dir, 'devices', t.a.ws.deviceId))
    io.faults.set(stage, code)

    const r = round(t.a, io)
    oneProblem(r, 'disk-full', [/is full/, /free some space/])
    expect(r.sent).toBe(0)
    expect(localDigest(t.a)).toBe(before)
    expect(outbox(t.a)).toEqual(pending)
    // Not even a truncated ops file under its final name: that would block the range for ever.
    expect(tempFiles(t.dir)).toEqual([])
    expect(readdirSync(join(t.dir, 'devices', t.a.ws.deviceId))).toEqual(ownFiles)
    recovers(t, io, pending, created)
  })
})

describe('an unplugged team folder', () => {
  it.each(['vanished', 'empty'] as const)('%s: "cannot be found", nothing written, nothing deleted locally', async (kind) => {
    const t = await team()
    const io = new FaultIo(t.dir)
    // Sam's deletion is in the folder too: an empty folder must not look like "everything deleted".
    const gone = (recordService.create(t.b, 'channel', { name: 'Podcast', platform: 'blog' }) as { id: string }).id
    syncNow(t.b)
    syncNow(t.a)
    recordService.delete(t.b, 'channel', gone)
    syncNow(t.b)
    const { created } = offlineWork(t)
    const pending = outbox(t.a)
    const before = localDigest(t.a)
    io.view = { kind }

    const r = round(t.a, io)
    oneProblem(r, 'missing', [/cannot be found/, /plug it in or reconnect/])
    expect(io.writes).toEqual([])
    expect(localDigest(t.a)).toBe(before)
    expect(deletedAt(t.a, gone)).toBeNull()
    expect(outbox(t.a)).toEqual(pending)
    recovers(t, io, pending, created)
    // The folder is back: Sam's real deletion arrives now, and only that one.
    expect(deletedAt(t.a, gone)).not.toBeNull()
    expect(deletedAt(t.a, t.id)).toBeNull()
  })
})

describe('a file from a newer format', () => {
  it("a teammate's newer file is kept aside, the rest syncs, and ours are published", async () => {
    const t = await team()
    const c = await workspace()
    syncSetup(c, { mode: 'join', folder: t.dir, deviceName: 'Chen' })
    const io = new FaultIo(t.dir)
    recordService.update(t.b, 'channel', { id: t.id, handle: '@newer-app' })
    syncNow(t.b)
    const samsFiles = readdirSync(join(t.dir, 'devices', t.b.ws.deviceId))
      .filter((n) => n.startsWith('ops-'))
      .map((n) => join(t.dir, 'devices', t.b.ws.deviceId, n))
    recordService.update(c, 'channel', { id: t.id, name: 'Blog (C)' })
    syncNow(c)
    const { created } = offlineWork(t)
    io.view = { kind: 'older-reader', files: new Set(samsFiles), team: false }

    const r = round(t.a, io)
    oneProblem(r, 'newer-format', [/newer version/, /Update/])
    // "Everything else keeps syncing": C's edit arrives, ours go out; Sam's stays unread, not dropped.
    expect(channel(t.a, t.id).handle).not.toBe('@newer-app')
    expect(channel(t.a, t.id).name).toBe('Blog (C)')
    expect(channel(t.a, t.id).notes).toBe('written while the folder was broken')
    expect(r.received).toBe(1)
    expect(r.sent).toBe(3)
    expect(outbox(t.a)).toEqual([])
    expect(tempFiles(t.dir)).toEqual([])
    syncNow(t.b)
    expect(channel(t.b, created)).toMatchObject({ name: 'Webinars', handle: '@webinars' })
    // Still unreadable next round: the problem stays on show instead of vanishing after one round.
    oneProblem(round(t.a, io), 'newer-format', [/newer version/, /Update/])
    // "After the update" the same unchanged file is read again and Sam's edit arrives.
    io.clear()
    const after = round(t.a, io)
    expect(after.problems).toEqual([])
    expect(after.received).toBe(1)
    expect(channel(t.a, t.id).handle).toBe('@newer-app')
  })

  it('a newer team file stops the round before anything is touched', async () => {
    const t = await team()
    const io = new FaultIo(t.dir)
    const { created } = offlineWork(t)
    const pending = outbox(t.a)
    const before = localDigest(t.a)
    io.view = { kind: 'older-reader', files: new Set(), team: true }

    const r = round(t.a, io)
    oneProblem(r, 'newer-format', [/newer version/, /Update/])
    expect(io.writes).toEqual([])
    expect(localDigest(t.a)).toBe(before)
    expect(outbox(t.a)).toEqual(pending)
    recovers(t, io, pending, created)
  })
})

describe('a missing or wrong passphrase', () => {
  it('stops before anything is touched, and the right passphrase publishes everything', async () => {
    const t = await team(true)
    const io = new FaultIo(t.dir)
    const { created } = offlineWork(t)
    const pending = outbox(t.a)
    const before = localDigest(t.a)

    // No key on this device (the passphrase was never entered here, or the saved key is gone).
    const r = round(t.a, io, null)
    oneProblem(r, 'wrong-passphrase', [/passphrase/, /Settings → Team sync/])
    expect(io.writes).toEqual([])
    expect(() => syncUnlock(t.a, 'wrong horse')).toThrow(/passphrase is not correct.*Settings → Team sync/)
    expect(localDigest(t.a)).toBe(before)
    expect(outbox(t.a)).toEqual(pending)

    syncUnlock(t.a, t.passphrase ?? '')
    expect(outbox(t.a)).toEqual([])
    syncNow(t.b)
    expect(channel(t.b, t.id).notes).toBe('written while the folder was broken')
    expect(channel(t.b, created)).toMatchObject({ name: 'Webinars', handle: '@webinars' })
  })
})
