/**
 * Snapshots in the shared folder (SYNC.md §2.9): `snapshots/snap-<hlc>-<dev>.sqlite.gz[.enc]` holds
 * the replicated state of one device at one moment, and `snap-<hlc>-<dev>.json`, written last, is
 * its commit point: a snapshot without a readable manifest does not exist. The manifest says which
 * ops it covers (a contiguous high-water mark per device), so a joiner loads it and replays only
 * the tail. Any device may write a snapshot under a unique name; only its creator deletes it.
 */
import path from 'node:path'
import type { FolderIo } from './folderIo'

export const SNAPSHOT_FORMAT = 1
export const SNAPSHOT_DIR = 'snapshots'

export type SnapshotManifest = {
  magic: 'smo-desk-snapshot'
  fmt: number
  /** `snap-<hlc>-<dev>`: the base name of both files. */
  id: string
  team: string
  createdBy: string
  createdAt: string
  wall: number
  /** Workspace schema (user_version) of the database inside. */
  schema: number
  /** Every op dev:seq with seq ≤ covered[dev] is in the snapshot. */
  covered: Record<string, number>
  file: string
  size: number
  sha256: string
  enc: null | { alg: 'A256GCM'; keyId: string }
  /** Signed teams: the writer's key and its signature over `snapshotSignedText` (docs/SYNC-SECURITY.md). */
  sign?: { key: string; sig: string }
}

/** What a snapshot's signature covers: every manifest field but the signature (the file by its SHA-256). */
export function snapshotSignedText(m: Omit<SnapshotManifest, 'sign'>): string {
  const { id, team, createdBy, createdAt, wall, schema, covered, file, size, sha256, enc, fmt } = m
  return JSON.stringify({ kind: 'snapshot', fmt, id, team, createdBy, createdAt, wall, schema, covered, file, size, sha256, enc })
}

const ID = /^snap-[0-9a-f]{32}-[0-9a-f]{16}$/

export function snapshotId(hlc: string, dev: string): string {
  return `snap-${hlc}-${dev}`
}

export function snapshotFileName(id: string, encrypted: boolean): string {
  return `${id}.sqlite.gz${encrypted ? '.enc' : ''}`
}

function isManifest(v: unknown, team: string): v is SnapshotManifest {
  if (typeof v !== 'object' || v === null) return false
  const m = v as Record<string, unknown>
  if (m.magic !== 'smo-desk-snapshot' || typeof m.fmt !== 'number' || m.team !== team) return false
  if (typeof m.id !== 'string' || !ID.test(m.id) || typeof m.createdBy !== 'string' || typeof m.wall !== 'number') return false
  if (typeof m.schema !== 'number' || typeof m.file !== 'string' || m.file !== snapshotFileName(m.id, m.enc !== null)) return false
  if (typeof m.size !== 'number' || typeof m.sha256 !== 'string' || typeof m.covered !== 'object' || m.covered === null) return false
  if (m.sign !== undefined) {
    const g = m.sign as Record<string, unknown> | null
    if (typeof g !== 'object' || g === null || typeof g.key !== 'string' || typeof g.sig !== 'string') return false
  }
  return Object.values(m.covered as Record<string, unknown>).every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)
}

/**
 * Readable manifests of this team, newest first. Conflicted copies of a manifest are ignored (the
 * name is the creator's own and unique); torn or foreign ones are skipped, never an error.
 */
export function listSnapshots(io: FolderIo, teamDir: string, teamId: string): SnapshotManifest[] {
  const dir = path.join(teamDir, SNAPSHOT_DIR)
  let names: string[]
  try {
    names = io.readdir(dir)
  } catch {
    return []
  }
  const out: SnapshotManifest[] = []
  for (const name of names) {
    if (!/^snap-[0-9a-f]{32}-[0-9a-f]{16}\.json$/.test(name)) continue
    try {
      const value: unknown = JSON.parse(io.readFile(path.join(dir, name)).toString('utf8'))
      if (isManifest(value, teamId) && `${value.id}.json` === name) out.push(value)
    } catch {
      continue
    }
  }
  return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
}

/** How many ops a snapshot covers: the sum of its high-water marks. */
export function coveredOps(m: Pick<SnapshotManifest, 'covered'>): number {
  return Object.values(m.covered).reduce((n, v) => n + v, 0)
}
