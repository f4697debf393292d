/**
 * Team sync for one open workspace: set-up (create or join a team folder), one full round, status
 * and health. The team id lives in the workspace database (it belongs to the data); the folder path
 * is a per-machine setting and the unwrapped data key a per-machine secret (teamKeyCache), both
 * keyed by workspace folder. Every round is synchronous (SQLite and the folder I/O both are), so two
 * rounds never interleave in one process.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../core/api/apiError'
import type { SyncProblem, SyncRoundOut, SyncStatus } from '../../../core/api/methods/syncMethods'
import { kindNames, recordKinds } from '../../../core/domain/recordKinds'
import { openConflicts } from '../../../core/sync/openConflicts'
import type { Backend } from '../backend'
import type { AccessRole } from '../../../core/sync/access/memberRoles'
import { latestVersion } from '../db/migrations/index'
import { sql } from '../db/sql'
import { packageRoot } from '../packageRoot'
import type { DataKey } from '../sync/blockCipher'
import type { DeviceManifest } from '../sync/deviceManifest'
import { SyncFolderError } from '../sync/folderError'
import { realFolderIo } from '../sync/folderIo'
import { SqliteSyncStore } from '../sync/sqliteSyncStore'
import { syncRound } from '../sync/syncRound'
import { createTeam, readTeam, readTeamKeyFile, TEAM_FOLDER_NAME, TEAM_FORMAT } from '../sync/teamFolder'
import { createTeamKey, SCRYPT_N, unwrapDataKey } from '../sync/teamKey'
import { rekeyDevice } from './syncRekey'
import { teamKeyCache } from './teamKeyCache'
import { materializeCreationHeads } from '../sync/materializeCreationHeads'
import { coveredOps, listSnapshots } from '../sync/snapshotManifest'
import { hostname } from 'node:os'
import { readTeamTrust, SIGNING_FILE } from '../sync/signing/teamTrust'
import { admitComputer, signingFor, startSigning } from './syncSigning'

type SyncState = {
  store: SqliteSyncStore
  lastSyncAt: number | null
  problems: SyncProblem[]
  peers: DeviceManifest[]
  skewed: Set<string>
  notices: SyncProblem[]
}

const states = new WeakMap<Backend, SyncState>()
const kindOfTable = new Map<string, string>(kindNames.map((k) => [recordKinds[k].table, k]))

let version: string | null = null
export function appVersion(): string {
  if (version === null) {
    const pkg = path.join(packageRoot(), 'package.json')
    version = existsSync(pkg) ? ((JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version ?? '0.0.0') : '0.0.0'
  }
  return version
}

function newer(a: string, b: string): boolean {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0)
  return false
}

const getLocal = (b: Backend, key: string): string | undefined => b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = ${key}`)?.value
const setLocal = (b: Backend, key: string, value: string): void => {
  b.db.run(sql`INSERT INTO local_state (key, value) VALUES (${key}, ${value}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
}

/** Drop what sync keeps in memory for this workspace (after its records were replaced by a restore). */
export function forgetSyncState(b: Backend): void {
  states.delete(b)
}

export function syncStateOf(b: Backend): SyncState {
  let s = states.get(b)
  if (!s || s.store.device !== b.ws.deviceId) {
    const store = new SqliteSyncStore(b.db.raw, b.ws.deviceId, {
      now: b.now,
      onApplied: (c) => {
        const kinds = [...c.tables].map((t) => kindOfTable.get(t) ?? t)
        b.events.emit('data-changed', { tx: 'sync', kinds, ids: [...c.rows].slice(0, 500) })
      }
    })
    // What the last round learnt survives a restart (and shows in `smo sync status`).
    const saved = getLocal(b, 'sync_peers')
    const last = getLocal(b, 'sync_last_at')
    s = {
      store,
      lastSyncAt: s?.lastSyncAt ?? (last ? Number(last) : null),
      problems: s?.problems ?? [],
      peers: s?.peers ?? (saved ? (JSON.parse(saved) as DeviceManifest[]) : []),
      skewed: s?.skewed ?? new Set(),
      notices: s?.notices ?? []
    }
    states.set(b, s)
  }
  return s
}

const wsKey = (b: Backend): string => path.resolve(b.ws.paths.dir)

/** Remembers the team folder for this workspace on this machine. */
export function setSyncFolder(b: Backend, folder: string): void {
  b.settings.update({ syncFolders: { ...b.settings.get().syncFolders, [wsKey(b)]: teamDirFor(folder) } })
}

export function syncFolderOf(b: Backend): string | null {
  return b.settings.get().syncFolders[wsKey(b)] ?? null
}

function dataKeyOf(b: Backend): DataKey | null {
  return teamKeyCache.load(b, getLocal(b, 'sync_team') ?? null)
}

/** The team folder inside what the person picked: the folder itself if it holds TEAM.json. */
export function teamDirFor(folder: string): string {
  const abs = path.resolve(folder)
  if (path.basename(abs) === TEAM_FOLDER_NAME || existsSync(path.join(abs, 'TEAM.json'))) return abs
  return path.join(abs, TEAM_FOLDER_NAME)
}

function fail(err: unknown): never {
  if (err instanceof SyncFolderError) throw new ApiError('rule_violation', err.message)
  throw err
}

function unlock(b: Backend, dir: string, passphrase: string | undefined): void {
  const team = readTeam(realFolderIo, dir)
  if (!team.encryption) return
  if (!passphrase) throw new ApiError('rule_violation', 'This team protects its files with a passphrase. Enter it to join; ask the person who set up the team.')
  const keyId = team.encryption.keyIds[team.encryption.keyIds.length - 1] ?? 'k1'
  const dk = unwrapDataKey(passphrase, team.encryption, readTeamKeyFile(realFolderIo, dir, team.teamId, keyId))
  teamKeyCache.save(b, team.teamId, dk)
}

/** `signed`: a team founded here signs every change, with *me* as its root owner (docs/SYNC-SECURITY.md). */
export type SetupInput = { mode: 'create' | 'join'; folder: string; passphrase?: string | undefined; deviceName?: string | undefined; signed?: boolean | undefined }

export function syncSetup(b: Backend, input: SetupInput): SyncStatus {
  const dir = teamDirFor(input.folder)
  try {
    let teamId: string
    let founded = false
    if (input.mode === 'create') {
      const proposal = b.newId()
      const key = input.passphrase ? createTeamKey(input.passphrase, proposal, 'k1', Number(process.env.SMO_SYNC_SCRYPT_N ?? SCRYPT_N)) : null
      const team = createTeam(realFolderIo, dir, { magic: 'smo-desk-team', teamId: proposal, createdAt: new Date(b.now()).toISOString(), format: TEAM_FORMAT, encryption: key?.encryption ?? null }, key?.keyFile ?? null)
      teamId = team.teamId
      founded = teamId === proposal
      // Someone else's team was already there (or won the race): join it like everyone else.
      if (teamId === proposal && key) teamKeyCache.save(b, proposal, key.dataKey)
      else unlock(b, dir, input.passphrase)
    } else {
      // The folder is there but holds no team: that is not an unplugged drive, it is the wrong
      // choice of action or folder, and the person should be told so.
      if (!existsSync(dir) && existsSync(path.resolve(input.folder)))
        throw new ApiError('rule_violation', `There is no team in ${path.resolve(input.folder)} yet. Choose “Create a team” to start one there, or pick the folder your team already shares.`)
      teamId = readTeam(realFolderIo, dir).teamId
      unlock(b, dir, input.passphrase)
    }
    const bound = getLocal(b, 'sync_team')
    if (bound && bound !== teamId)
      throw new ApiError('rule_violation', 'This workspace already syncs with another team. Open the folder of that team, or use a new workspace to join this one.')
    // Fields never edited since creation get explicit heads before the first round reads them.
    materializeCreationHeads(b.db)
    setLocal(b, 'sync_team', teamId)
    // Before the first round, so that even the founder's first file is signed.
    if (founded && input.signed === true) startSigning(b, syncStateOf(b).store, dir, teamId)
  } catch (err) {
    fail(err)
  }
  const patch = { syncFolders: { ...b.settings.get().syncFolders, [wsKey(b)]: dir } }
  b.settings.update(input.deviceName ? { ...patch, deviceName: input.deviceName } : patch)
  syncNow(b)
  return syncStatus(b)
}

export function syncUnlock(b: Backend, passphrase: string): SyncStatus {
  const dir = syncFolderOf(b)
  if (!dir) throw new ApiError('rule_violation', 'Team sync is not set up for this workspace yet.')
  try {
    unlock(b, dir, passphrase)
  } catch (err) {
    fail(err)
  }
  syncNow(b)
  return syncStatus(b)
}

function emitChanged(b: Backend, running: boolean): void {
  b.events.emit('sync-changed', { at: b.now(), running })
}

/** Records a teammate's bulk deletion as a review item (restorable in one click). */
function noteBulkDeletes(b: Backend, items: { dev: string; tbl: string; rows: string[] }[]): void {
  for (const d of items) {
    const id = `bulk:${d.dev}:${d.tbl}:${d.rows.length}:${d.rows[0] ?? ''}`
    b.db.run(sql`INSERT OR IGNORE INTO sync_review (id, kind, payload, created_at) VALUES (${id}, 'bulk-delete', ${JSON.stringify(d)}, ${new Date(b.now()).toISOString()})`)
  }
}

/** One full round: flush, pull, manifests. Folder problems are kept for the status, never thrown. */
export function syncNow(b: Backend, opts: { forceSnapshot?: boolean } = {}): SyncRoundOut {
  const dir = syncFolderOf(b)
  const teamId = getLocal(b, 'sync_team')
  if (!dir || !teamId) throw new ApiError('rule_violation', 'Team sync is not set up for this workspace. Open Settings → Team sync to create or join a team.')
  const out: SyncRoundOut = { sent: 0, received: 0, review: 0, problems: [], snapshot: { loaded: null, created: null, compacted: 0 } }
  let s = syncStateOf(b)
  emitChanged(b, true)
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      const report = syncRound({
        store: s.store,
        dir,
        teamId,
        dataKey: dataKeyOf(b),
        deviceName: deviceNameOf(b),
        app: appVersion(),
        schema: latestVersion,
        now: b.now(),
        forceSnapshot: opts.forceSnapshot === true,
        // Only a signed team needs (and creates) this computer's signing key.
        signing: existsSync(path.join(dir, SIGNING_FILE)) ? signingFor(b, teamId) : null
      })
      if (report.cloned && attempt === 0) {
        // A copied profile or restored backup writes as our device: take a new id, keep every edit.
        const old = b.ws.deviceId
        rekeyDevice(b)
        s = syncStateOf(b)
        s.notices = [{ code: 'cloned', message: 'This workspace was writing to the team folder as another device (a copied profile or a restored backup). It now has its own device id; nothing was lost.', detail: `${old} → ${b.ws.deviceId}` }]
        continue
      }
      out.sent += report.sent
      out.received += report.received
      out.problems = report.problems
      out.snapshot = { loaded: report.snapshotLoaded, created: report.snapshotCreated, compacted: report.compacted }
      s.peers = report.peers
      s.skewed = new Set([...s.skewed, ...report.skewedDevices])
      noteBulkDeletes(b, report.bulkDeletes)
      break
    }
    s.lastSyncAt = b.now()
    setLocal(b, 'sync_last_at', String(s.lastSyncAt))
    setLocal(b, 'sync_peers', JSON.stringify(s.peers))
  } catch (err) {
    if (!(err instanceof SyncFolderError)) throw err
    out.problems = [{ code: err.code, message: err.message, detail: err.detail }]
  } finally {
    s.problems = out.problems
    emitChanged(b, false)
  }
  out.review = reviewCount(b)
  return out
}

export function reviewCount(b: Backend): number {
  const s = syncStateOf(b)
  const bulk = b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM sync_review WHERE closed_at IS NULL`)?.n ?? 0
  return openConflicts(s.store).length + bulk
}

function health(b: Backend, s: SyncState): SyncProblem[] {
  const out = [...s.problems, ...s.notices]
  const now = b.now()
  const nameOf = (dev: string): string => s.peers.find((p) => p.dev === dev)?.name || `Device ${dev.slice(0, 6)}`
  for (const dev of s.skewed) {
    out.push({ code: 'clock-ahead', message: `${nameOf(dev)}'s clock is more than 10 minutes ahead. Their edits are kept, but they win ties until the clock is fixed (set the date and time automatically on that computer).`, detail: dev })
  }
  const ahead = s.peers.filter((p) => p.clock.wall - now > 10 * 60_000).length
  if (s.peers.length >= 2 && ahead > s.peers.length / 2)
    out.push({ code: 'clock-behind', message: "This computer's clock seems to be behind your teammates'. Set the date and time automatically; your edits are kept either way.", detail: '' })
  for (const p of s.peers) {
    if (newer(p.app, appVersion()))
      out.push({ code: 'newer-app', message: `${p.name || 'A teammate'} uses a newer SMO Desk (${p.app}). Update to see everything they share; syncing continues meanwhile.`, detail: p.dev })
  }
  const parked = b.db.get<{ n: number }>(sql`SELECT count(DISTINCT op) AS n FROM sync_pending`)?.n ?? 0
  if (parked > 0) out.push({ code: 'parked', message: `${parked} change(s) from a newer version are kept aside until you update SMO Desk; nothing was dropped.`, detail: '' })
  const forks = s.store.forks().filter((f) => f.dev !== b.ws.deviceId)
  if (forks.length > 0)
    out.push({ code: 'fork', message: `${nameOf(forks[0]?.dev ?? '')} seems to run on two computers at once (a copied profile). Both versions are kept; that device gets a new id when it next syncs.`, detail: '' })
  out.push(...signingHealth(b))
  const seen = new Set<string>()
  return out.filter((p) => (seen.has(p.code + p.detail) ? false : (seen.add(p.code + p.detail), true)))
}

export function syncStatus(b: Backend): SyncStatus {
  const dir = syncFolderOf(b)
  const teamId = getLocal(b, 'sync_team') ?? null
  const s = syncStateOf(b)
  const self = b.ws.deviceId
  let encrypted = false
  if (dir) {
    try {
      encrypted = readTeam(realFolderIo, dir).encryption !== null
    } catch {
      encrypted = dataKeyOf(b) !== null
    }
  }
  const devices = s.peers.map((p) => ({ dev: p.dev, name: p.name || `Device ${p.dev.slice(0, 6)}`, app: p.app, self: false, received: p.ack[self] ?? 0, lastSeen: p.clock.wall as number | null }))
  const published = s.store.lastPublished()
  devices.unshift({ dev: self, name: deviceNameOf(b), app: appVersion(), self: true, received: published, lastSeen: s.lastSyncAt })
  return {
    configured: dir !== null && teamId !== null,
    folder: dir,
    teamId,
    encrypted,
    deviceId: self,
    deviceName: deviceNameOf(b),
    lastSyncAt: s.lastSyncAt,
    waiting: s.store.unpublishedCount(),
    published,
    devices,
    problems: dir && teamId ? health(b, s) : [],
    review: dir && teamId ? reviewCount(b) : 0,
    snapshot: dir && teamId ? newestSnapshot(dir, teamId, s.peers, self, deviceNameOf(b)) : null,
    keyProtection: b.secrets.protection.kind
  }
}

function newestSnapshot(dir: string, teamId: string, peers: readonly DeviceManifest[], self: string, selfName: string): SyncStatus['snapshot'] {
  const m = listSnapshots(realFolderIo, dir, teamId)[0]
  if (!m) return null
  const by = m.createdBy === self ? selfName : (peers.find((p) => p.dev === m.createdBy)?.name ?? `Device ${m.createdBy.slice(0, 6)}`)
  return { at: m.wall, by, edits: coveredOps(m) }
}

export function syncSetDeviceName(b: Backend, name: string): SyncStatus {
  b.settings.update({ deviceName: name })
  return syncStatus(b)
}

/** The name teammates see for this device: the one chosen in Settings, else the computer's name. */
function deviceNameOf(b: Backend): string {
  return b.settings.get().deviceName || hostname()
}

/** Signed teams: changes refused (who and what, the first 20) and computers waiting to be admitted. */
function signingHealth(b: Backend): SyncProblem[] {
  const out: SyncProblem[] = []
  type R = { who: string; reason: string; dev: string; seq: number }
  const refused = b.db.raw.prepare(`SELECT who, reason, dev, seq FROM sync_refused ORDER BY at DESC, dev, seq`).all() as R[]
  if (refused.length > 0) {
    const first = refused.slice(0, 20).map((r) => `${r.who || 'unknown'} (device ${r.dev.slice(0, 6)}, change ${r.seq}): ${r.reason}`)
    const rest = refused.length > 20 ? ` …and ${refused.length - 20} more` : ''
    out.push({ code: 'refused', message: `${refused.length} change(s) from the team folder were refused: not signed by an admitted member, or not allowed by their role. They were not applied here.`, detail: first.join('\n') + rest })
  }
  const dir = syncFolderOf(b)
  const teamId = getLocal(b, 'sync_team')
  if (dir && teamId && existsSync(path.join(dir, SIGNING_FILE))) {
    try {
      for (const r of readTeamTrust(realFolderIo, dir, teamId)?.requests ?? []) {
        out.push({ code: 'join-request', message: `${r.name}'s computer asks to join the team. An owner can admit it on the Members screen (or smo sync admit --key ${r.key}).`, detail: r.key })
      }
    } catch (err) {
      out.push({ code: 'signing-broken', message: err instanceof Error ? err.message : String(err), detail: SIGNING_FILE })
    }
  }
  return out
}

/** Owner: makes this (unsigned) team a signed one; what was shared before stays legacy, unsigned. */
export function syncStartSigning(b: Backend): SyncStatus {
  const dir = syncFolderOf(b)
  const teamId = getLocal(b, 'sync_team')
  if (!dir || !teamId) throw new ApiError('rule_violation', 'Team sync is not set up for this workspace. Open Settings → Team sync to create or join a team.')
  syncNow(b)
  if (!startSigning(b, syncStateOf(b).store, dir, teamId)) throw new ApiError('rule_violation', 'This team signs its changes already.')
  syncNow(b)
  return syncStatus(b)
}

/**
 * Owner: admits a computer that asked to join (its key id, as sync health shows it). With `role`,
 * the member it signs as gets that role first (an ordinary member-list change, signed by this owner).
 */
export function syncAdmit(b: Backend, keyId: string, role?: AccessRole): SyncStatus {
  const dir = syncFolderOf(b)
  const teamId = getLocal(b, 'sync_team')
  if (!dir || !teamId) throw new ApiError('rule_violation', 'Team sync is not set up for this workspace. Open Settings → Team sync to create or join a team.')
  admitComputer(b, syncStateOf(b).store, dir, teamId, keyId, role)
  return syncStatus(b)
}
