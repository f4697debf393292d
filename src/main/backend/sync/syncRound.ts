/**
 * One full sync round against the team folder (SYNC.md §2.4–2.5): check the folder is our team's,
 * sweep our own temp files, flush the outbox, seal when chunks pile up, pull every device's files,
 * replay parked writes, then publish a manifest with our acks and read the teammates' manifests.
 * A problem with one step is reported and the others still run: a read-only folder still pulls, a
 * torn file still lets the rest apply. Nothing here deletes or rewrites another device's file.
 */
import path from 'node:path'
import type { BulkDeleteReview } from '../../../core/sync/bulkDelete'
import { replayPending } from '../../../core/sync/pendingOps'
import type { DataKey } from './blockCipher'
import { readNewestManifest, writeDeviceManifest } from './deviceManifest'
import type { DeviceManifest } from './deviceManifest'
import { SyncFolderError } from './folderError'
import { realFolderIo } from './folderIo'
import type { FolderIo } from './folderIo'
import { flushOutbox, pullFolder, sealOwn } from './folderSync'
import type { PullReport } from './folderSync'
import { pullInChild } from './pullInChild'
import { FORMAT_VERSION } from './segmentCodec'
import type { SqliteSyncStore } from './sqliteSyncStore'
import { SyncFolder } from './syncFolder'
import { openTeam } from './teamFolder'
import { COMPACT_SNAPSHOT_AGE_MS, compactOwnFiles } from './compactOwnFiles'
import { createSnapshot } from './createSnapshot'
import { loadSnapshot } from './loadSnapshot'
import { mergeSnapshot } from './mergeSnapshot'
import { listSnapshots } from './snapshotManifest'
import type { SnapshotManifest } from './snapshotManifest'
import { snapshotDue, snapshotUsable } from './snapshotPolicy'
import { parseOpRecord } from '../../../core/sync/op'
import type { ReceivedOp } from '../../../core/sync/op'
import type { MemberKey } from './signing/memberKey'
import { keyFingerprint } from './signing/memberKey'
import { logOwnMemberWrites, signingGuard } from './signing/signingGuard'
import { readTeamTrust, writeJoinRequest } from './signing/teamTrust'
import type { BoxKey } from './signing/boxKey'
import { roundKeys } from './signing/roundKeys'
import { mayWriteSnapshots, snapshotTrust } from './signing/snapshotTrust'
import { MEMBER_TABLE } from '../../../core/sync/access/memberRoles'
import type { MemberListWrite } from '../../../core/sync/access/memberRoles'
import { opId } from '../../../core/sync/op'

export type SyncProblem = { code: string; message: string; detail: string }

export type RoundInput = {
  store: SqliteSyncStore
  dir: string
  teamId: string
  dataKey: DataKey | null
  deviceName: string
  app: string
  schema: number
  now: number
  io?: FolderIo
  durable?: boolean
  /** Write a snapshot this round whatever the policy says (`smo sync snapshot`, tests, bench). */
  forceSnapshot?: boolean
  /** Unread bytes from which the pull runs in a child process (see pullInChild); Infinity: never. */
  childPullBytes?: number
  /** This computer's signing key and the member it signs as (a signed team needs it to publish). */
  signing?: { key: MemberKey; member: string; name: string; box?: BoxKey | undefined } | null
}

export type RoundReport = {
  sent: number
  received: number
  duplicates: number
  filesRead: number
  bulkDeletes: BulkDeleteReview[]
  skewedDevices: string[]
  /** Our own device id is being written by another copy of this workspace: re-key and run again. */
  cloned: boolean
  peers: DeviceManifest[]
  problems: SyncProblem[]
  /** The snapshot this round started from (a new member) and the one it wrote, if any. */
  snapshotLoaded: string | null
  snapshotCreated: string | null
  /** Own files deleted by compaction. */
  compacted: number
  /** The pull was bulk work done by a child process with a capped heap (see pullInChild). */
  pulledInChild: boolean
  /** Signed teams: teammates' changes refused this round (listed in sync health). */
  refused: number
}

const SEAL_AFTER_CHUNKS = 64

const SNAPSHOT_SKIPPED =
  "The team's snapshot could not be used, so SMO Desk reads every shared change instead; this first sync takes longer, nothing is missing."

const BEHIND_COMPACTION =
  "This computer was away longer than the team keeps old changes (60 days) and no team snapshot it can use covers them, so some of your teammates' edits from that time are missing here. Your own edits are shared as usual. To see everything, join the team again into a new workspace (Settings → Team sync, or smo sync join --workspace NEW-FOLDER --folder …)."

const NOT_ADMITTED =
  'This team signs every change, and no owner has admitted this computer yet, so your edits wait here unshared. An owner admits it on the Members screen; nothing is lost meanwhile.'

const REFUSED =
  "Some teammates' changes were refused because their signature or role does not allow them; they were not applied here. Sync health lists who and what."

const KEY_NOT_HANDED =
  "An owner renewed the team's key after someone left the team, and this computer has not been handed the new key yet, so it cannot read the newest shared changes and keeps your edits here unshared. It arrives when an owner's computer next syncs; if you were removed from the team, ask an owner."

const DAMAGED =
  'Some shared files could not be read completely yet (still downloading, or damaged). SMO Desk keeps what it could read and retries; nothing was changed.'

function problemOf(err: unknown, fallback: string): SyncProblem {
  if (err instanceof SyncFolderError) return { code: err.code, message: err.message, detail: err.detail }
  return { code: 'error', message: `Sync stopped: ${err instanceof Error ? err.message : String(err)}`, detail: fallback }
}

function ownChunks(folder: SyncFolder, dev: string): number {
  return folder.listOpsFiles().filter((f) => f.dir === dev && f.parsed.kind === 'ops' && !f.parsed.sealed).length
}

/** True when the folder holds ops or a manifest of our device id that this database never wrote. */
function clonedProfile(folder: SyncFolder, io: FolderIo, store: SqliteSyncStore): boolean {
  const dev = store.device
  const last = store.lastLocalSeq()
  const manifest = readNewestManifest(io, folder.deviceDir(dev), dev)
  if (manifest && manifest.published.last > last) return true
  return folder.listOpsFiles().some((f) => f.dir === dev && f.parsed.kind === 'ops' && f.parsed.last > last)
}

export function syncRound(input: RoundInput): RoundReport {
  const { store, dir, teamId, now } = input
  const io = input.io ?? realFolderIo
  const report: RoundReport = {
    sent: 0,
    received: 0,
    duplicates: 0,
    filesRead: 0,
    bulkDeletes: [],
    skewedDevices: [],
    cloned: false,
    peers: [],
    problems: [],
    snapshotLoaded: null,
    snapshotCreated: null,
    compacted: 0,
    pulledInChild: false,
    refused: 0
  }
  // Wrong folder, another team, unplugged, newer format: stop before touching anything.
  const team = openTeam(io, dir, teamId)
  if (team.encryption && !input.dataKey) throw new SyncFolderError('wrong-passphrase', 'no key on this device')
  // A signed team (TEAM.signing.json present): every file is judged by the guard, ours are signed.
  const trust = readTeamTrust(io, dir, teamId)
  const signing = input.signing ?? null
  const admitted = trust !== null && signing !== null && trust.keys.get(signing.key.keyId)?.dev === store.device
  const dev = store.device
  // This computer's changes not published yet, parsed once: signed, their member-list writes are
  // logged on publish, and a removal among them renews the team key before they go out.
  const own: ReceivedOp[] = []
  if (signing !== null) {
    for (const e of store.unpublished()) {
      const op = parseOpRecord(dev, JSON.parse(e.text))
      if (op) own.push({ op, hash: e.hash })
    }
  }
  const keys = roundKeys({
    io,
    dir,
    db: store.database,
    trust,
    signing,
    admitted,
    passphraseKey: input.dataKey,
    ownWrites: signing ? memberWritesOf(own, signing.member) : [],
    stamp: stampOf(store, now, dev)
  })
  const folder = new SyncFolder(dir, {
    teamId,
    io,
    writeKey: keys.writeKey,
    readKeys: keys.readKeys,
    schema: input.schema,
    app: input.app,
    durable: input.durable ?? true,
    signer:
      admitted && signing
        ? {
            keyId: signing.key.keyId,
            sign: (sha) => signing.key.sign(sha),
            deps: () => Object.fromEntries(store.knownDevices().filter((d) => d !== dev).map((d) => [d, store.highWaterMark(d)]))
          }
        : null
  })
  const guard = trust !== null ? signingGuard(store.database, trust) : null
  if (clonedProfile(folder, io, store)) return { ...report, cloned: true }
  // Teammates' manifests, the snapshots and where each device's files start: read once per round.
  const peers = readPeers(io, folder, dir, dev)
  const snapshots = listSnapshots(io, dir, teamId)
  const from = readableFrom(firstSeqs(folder), peers)
  // A signed team loads only a snapshot its root owner signed (see snapshotTrust).
  const usable = (m: SnapshotManifest): boolean | string => snapshotUsable(m, from) && (trust === null || snapshotTrust(trust, m))
  if (store.isFresh()) {
    // A new member starts from the newest usable snapshot and then reads only the tail.
    const loaded = loadSnapshot({ db: store.database, recordTables: store.recordTables(), teamDir: dir, teamId, keys: keys.readKeys, io, schema: input.schema, accept: usable })
    report.snapshotLoaded = loaded.loaded?.id ?? null
    const skipped = loaded.skipped[0]
    if (!loaded.loaded && skipped) report.problems.push({ code: 'snapshot-skipped', message: SNAPSHOT_SKIPPED, detail: `${skipped.id}: ${skipped.reason}` })
  } else if (compactedAway(store, from, snapshots, now).length > 0) {
    // Back after longer than the team keeps old files: catch up on what was compacted from a
    // snapshot that covers it, merged into what this computer already has (in a signed team, only
    // one its root owner signed, with the member-list log the tail is judged by).
    report.snapshotLoaded = mergeSnapshot(store, { teamDir: dir, teamId, keys: keys.readKeys, io, schema: input.schema, accept: usable }).loaded?.id ?? null
  }
  let published = true
  try {
    folder.sweepTemps(dev)
    if (trust !== null && !admitted) {
      // Unadmitted, our files would be refused everywhere: keep the edits and ask to be let in.
      if (signing !== null && !trust.requests.some((r) => r.key === signing.key.keyId)) {
        writeJoinRequest(io, dir, { team: teamId, key: signing.key, dev, member: signing.member, name: signing.name, h: stampOf(store, now, dev) })
      }
      // The fingerprint the owner compares on the Members screen before admitting.
      report.problems.push({ code: 'not-admitted', message: NOT_ADMITTED, detail: signing ? `This computer's key fingerprint: ${keyFingerprint(signing.key.keyId)}` : 'no signing key' })
      published = false
    } else if (keys.waitingFor !== null) {
      // Writing under an older key could let a removed member read these edits: wait for the new one.
      report.problems.push({ code: 'key-not-handed', message: KEY_NOT_HANDED, detail: keys.waitingFor })
      published = false
    } else {
      report.sent = flushOutbox(store, folder).published
      if (signing !== null && trust !== null) logOwnMemberWrites(store.database, signing.member, own)
      if (ownChunks(folder, dev) > SEAL_AFTER_CHUNKS) sealOwn(store, folder)
    }
  } catch (err) {
    if (err instanceof SyncFolderError && err.code === 'name-taken') return { ...report, cloned: true }
    report.problems.push(problemOf(err, 'publishing'))
    published = false
  }
  // The child builds the same guard from the folder, so a signed team's bulk pull is verified there too.
  const inChild = bulkPullInChild(input, folder, io, keys.readKeys, trust !== null)
  report.pulledInChild = inChild !== null
  const pull = inChild ?? pullFolder(store, folder, now, guard)
  report.refused = pull.refused ?? 0
  report.received = pull.applied
  report.duplicates = pull.duplicates
  report.filesRead = pull.filesRead
  report.bulkDeletes = pull.bulkDeletes
  report.skewedDevices = pull.skewedDevices
  if (store.forks().some((f) => f.dev === dev)) report.cloned = true
  const seen = new Set<string>()
  for (const p of pull.problems) {
    // One sentence per kind of problem, not one per file.
    if (seen.has(p.code)) continue
    seen.add(p.code)
    if (p.code === 'refused') report.problems.push({ code: 'refused', message: REFUSED, detail: p.detail })
    // Locked under a renewed generation (not the passphrase's): the passphrase is not what is wrong.
    else if (p.code === 'wrong-passphrase' && /^key g[0-9]/.test(p.detail)) {
      if (!report.problems.some((q) => q.code === 'key-not-handed')) report.problems.push({ code: 'key-not-handed', message: KEY_NOT_HANDED, detail: p.detail.slice(4) })
    }
    else report.problems.push(p.code === 'damaged' ? { code: 'damaged', message: DAMAGED, detail: p.path } : problemOf(new SyncFolderError(p.code, p.path), p.path))
  }
  replayPending(store)

  const missed = compactedAway(store, from, snapshots, now)
  if (missed.length > 0) report.problems.push({ code: 'behind-compaction', message: BEHIND_COMPACTION, detail: missed.join(', ') })
  // A snapshot only from a device whose every edit is in the folder: it claims to cover them.
  // In a signed team only the root owner's computers write snapshots (the only ones a joiner trusts):
  // the policy below picks a writer among all devices.
  const snapshotSigner = trust !== null && admitted && signing !== null && mayWriteSnapshots(trust, signing.key.keyId) ? signing.key : null
  const settled = published && store.lastPublished() === store.lastLocalSeq()
  if (settled && (guard === null || snapshotSigner !== null)) {
    const heldOps = store.knownDevices().reduce((n, d) => n + store.highWaterMark(d), 0)
    const newest = trust === null ? snapshots[0] : snapshots.find((m) => snapshotTrust(trust, m) === true)
    if (input.forceSnapshot === true || snapshotDue({ self: dev, now, peers: trust === null ? peers : [], newest: newest ?? null, heldOps })) {
      try {
        const made = createSnapshot({
          db: store.database,
          recordTables: store.recordTables(),
          teamDir: dir,
          teamId,
          device: dev,
          dataKey: keys.writeKey,
          io,
          now,
          hlc: stampOf(store, now, dev),
          lastPublished: store.lastPublished(),
          signer: snapshotSigner ? { keyId: snapshotSigner.keyId, sign: (text) => snapshotSigner.sign(text) } : null
        })
        if (made) {
          report.snapshotCreated = made.id
          snapshots.unshift(made)
        }
      } catch (err) {
        report.problems.push(problemOf(err, 'snapshot'))
      }
    }
  }
  // Every device compacts its own files; a signed team against the snapshots its readers trust (the
  // root owner's): a new member starts from one of those and judges only the tail, as it does anyway.
  if (settled) {
    try {
      const trusted = trust === null ? snapshots : snapshots.filter((m) => snapshotTrust(trust, m) === true)
      report.compacted = compactOwnFiles({ folder, self: dev, now, peers, snapshots: trusted }).length
    } catch (err) {
      report.problems.push(problemOf(err, 'compaction'))
    }
  }

  const ack: Record<string, number> = {}
  for (const d of store.knownDevices()) if (d !== dev) ack[d] = store.highWaterMark(d)
  try {
    writeDeviceManifest(io, folder.deviceDir(dev), {
      dev,
      name: input.deviceName,
      user: '',
      app: input.app,
      fmt: FORMAT_VERSION,
      schema: input.schema,
      published: { last: store.lastPublished() },
      ack,
      snapshot: report.snapshotCreated ?? report.snapshotLoaded,
      clock: { wall: now, hlc: stampOf(store, now, dev) }
    })
  } catch (err) {
    if (!report.problems.some((p) => p.code === 'read-only' || p.code === 'disk-full')) report.problems.push(problemOf(err, 'manifest'))
  }
  report.peers = peers
  return report
}

function memberWritesOf(ops: readonly ReceivedOp[], author: string): MemberListWrite[] {
  const out: MemberListWrite[] = []
  for (const { op } of ops) {
    for (const w of op.tx) {
      if (w.t !== MEMBER_TABLE) continue
      for (const col of Object.keys(w.set)) out.push({ id: opId(op.d, op.s), h: op.h, author, member: w.r, col, v: w.set[col] ?? null })
    }
  }
  return out
}

/** A manifest name stamp that sorts after the previous one even if the wall clock went back. */
function formatStamp(millis: number, dev: string): string {
  return Math.floor(millis).toString(16).padStart(12, '0') + '0000' + dev
}

/** The first seq of each device's ops files still in the folder. */
function firstSeqs(folder: SyncFolder): Map<string, number> {
  const first = new Map<string, number>()
  for (const f of folder.listOpsFiles()) if (f.parsed.kind === 'ops') first.set(f.dir, Math.min(first.get(f.dir) ?? Infinity, f.parsed.first))
  return first
}

/**
 * Teammates whose older edits this device never received and can no longer read: their files start
 * above what we have, and a snapshot old enough for compaction holds the gap (a device away for over
 * 60 days). A newest-files-first download looks the same for a while, hence the 14-day condition.
 */
/** Where each teammate's readable edits start: its first file, or past its last published edit when every file of it is gone. */
function readableFrom(first: ReadonlyMap<string, number>, peers: readonly DeviceManifest[]): Map<string, number> {
  const from = new Map(first)
  for (const p of peers) if (!from.has(p.dev)) from.set(p.dev, p.published.last + 1)
  return from
}

function compactedAway(store: SqliteSyncStore, from: ReadonlyMap<string, number>, snapshots: readonly SnapshotManifest[], now: number): string[] {
  const out: string[] = []
  for (const [dev, seq] of from) {
    if (dev === store.device || seq <= store.highWaterMark(dev) + 1) continue
    if (snapshots.some((s) => now - s.wall >= COMPACT_SNAPSHOT_AGE_MS && (s.covered[dev] ?? 0) >= seq - 1)) out.push(dev)
  }
  return out.sort()
}

/** Compressed bytes of unread files from which a pull is bulk work for a child process (~150 k ops). */
const CHILD_PULL_BYTES = 4 << 20

/** A big pull on the real file system runs in a child process with a capped heap; null: pull here. */
function bulkPullInChild(input: RoundInput, folder: SyncFolder, io: FolderIo, keys: readonly DataKey[], signed: boolean): PullReport | null {
  const { store } = input
  if (io !== realFolderIo) return null
  let unread = 0
  for (const f of folder.listOpsFiles()) {
    const state = store.fileState(f.path)?.state
    if (state !== 'done' && state !== 'foreign') unread += f.size
  }
  if (unread < (input.childPullBytes ?? CHILD_PULL_BYTES)) return null
  const out = pullInChild({ db: store.database.name, dir: input.dir, teamId: input.teamId, device: store.device, keys, signed, wallMs: input.now, schema: input.schema, app: input.app })
  if (out === null) return null
  store.notifyApplied({ tables: new Set(out.tables), rows: new Set() })
  return out.report
}

function stampOf(store: SqliteSyncStore, now: number, dev: string): string {
  return formatStamp(Math.max(store.clock().millis, now), dev)
}

/** Teammates' newest manifests (our own excluded). */
function readPeers(io: FolderIo, folder: SyncFolder, dir: string, self: string): DeviceManifest[] {
  let dirs: string[] = []
  try {
    dirs = io.readdir(path.join(dir, 'devices'))
  } catch {
    dirs = []
  }
  const peers: DeviceManifest[] = []
  for (const d of dirs.sort()) {
    if (d === self || !/^[0-9a-f]{16}$/.test(d)) continue
    const m = readNewestManifest(io, folder.deviceDir(d), d)
    if (m) peers.push(m)
  }
  return peers
}
