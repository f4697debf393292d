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
import { FORMAT_VERSION } from './segmentCodec'
import type { SqliteSyncStore } from './sqliteSyncStore'
import { SyncFolder } from './syncFolder'
import { openTeam } from './teamFolder'

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
}

const SEAL_AFTER_CHUNKS = 64

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
  const report: RoundReport = { sent: 0, received: 0, duplicates: 0, filesRead: 0, bulkDeletes: [], skewedDevices: [], cloned: false, peers: [], problems: [] }
  // Wrong folder, another team, unplugged, newer format: stop before touching anything.
  const team = openTeam(io, dir, teamId)
  if (team.encryption && !input.dataKey) throw new SyncFolderError('wrong-passphrase', 'no key on this device')
  const folder = new SyncFolder(dir, {
    teamId,
    io,
    writeKey: input.dataKey,
    readKeys: input.dataKey ? [input.dataKey] : [],
    schema: input.schema,
    app: input.app,
    durable: input.durable ?? true
  })
  if (clonedProfile(folder, io, store)) return { ...report, cloned: true }
  const dev = store.device
  try {
    folder.sweepTemps(dev)
    report.sent = flushOutbox(store, folder).published
    if (ownChunks(folder, dev) > SEAL_AFTER_CHUNKS) sealOwn(store, folder)
  } catch (err) {
    if (err instanceof SyncFolderError && err.code === 'name-taken') return { ...report, cloned: true }
    report.problems.push(problemOf(err, 'publishing'))
  }
  const pull = pullFolder(store, folder, now)
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
    report.problems.push(p.code === 'damaged' ? { code: 'damaged', message: DAMAGED, detail: p.path } : problemOf(new SyncFolderError(p.code, p.path), p.path))
  }
  replayPending(store)

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
      snapshot: null,
      clock: { wall: now, hlc: store.clock().millis > now ? formatStamp(store.clock().millis, dev) : formatStamp(now, dev) }
    })
  } catch (err) {
    if (!report.problems.some((p) => p.code === 'read-only' || p.code === 'disk-full')) report.problems.push(problemOf(err, 'manifest'))
  }
  let dirs: string[] = []
  try {
    dirs = io.readdir(path.join(dir, 'devices'))
  } catch {
    dirs = []
  }
  for (const d of dirs.sort()) {
    if (d === dev || !/^[0-9a-f]{16}$/.test(d)) continue
    const m = readNewestManifest(io, folder.deviceDir(d), d)
    if (m) report.peers.push(m)
  }
  return report
}

/** A manifest name stamp that sorts after the previous one even if the wall clock went back. */
function formatStamp(millis: number, dev: string): string {
  return Math.floor(millis).toString(16).padStart(12, '0') + '0000' + dev
}
