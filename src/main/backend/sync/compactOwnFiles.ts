/**
 * Compaction (SYNC.md §2.9), owner-only: a device deletes its own ops files once nobody needs them —
 * every device active in the last 60 days has acknowledged them (its manifest's `ack`), and a
 * snapshot at least 14 days old covers them, so a new member still gets everything from the
 * snapshot plus the tail. It also deletes its own snapshots beyond the two newest in the folder
 * (manifest first, so no reader is ever pointed at a missing file). Nothing of another device's is
 * ever touched.
 */
import path from 'node:path'
import type { DeviceManifest } from './deviceManifest'
import { SNAPSHOT_DIR } from './snapshotManifest'
import type { SnapshotManifest } from './snapshotManifest'
import type { SyncFolder } from './syncFolder'

const DAY = 86_400_000
export const COMPACT_ACTIVE_MS = 60 * DAY
export const COMPACT_SNAPSHOT_AGE_MS = 14 * DAY
const KEEP_SNAPSHOTS = 2

export type CompactInput = {
  folder: SyncFolder
  self: string
  now: number
  peers: readonly Pick<DeviceManifest, 'dev' | 'ack' | 'clock'>[]
  /** Newest first (listSnapshots). */
  snapshots: readonly SnapshotManifest[]
}

/** The highest own seq every file up to which may be deleted (0: none). */
export function compactLimit(input: Omit<CompactInput, 'folder'>): number {
  const active = input.peers.filter((p) => p.dev !== input.self && input.now - p.clock.wall <= COMPACT_ACTIVE_MS)
  const acked = Math.min(...active.map((p) => p.ack[input.self] ?? 0))
  const old = input.snapshots.filter((s) => input.now - s.wall >= COMPACT_SNAPSHOT_AGE_MS)
  const covered = Math.max(0, ...old.map((s) => s.covered[input.self] ?? 0))
  return Math.max(0, Math.min(acked, covered))
}

export function compactOwnFiles(input: CompactInput): string[] {
  const { folder, self } = input
  const removed: string[] = []
  const limit = compactLimit(input)
  if (limit > 0) {
    for (const f of folder.listOpsFiles()) {
      if (f.dir !== self || f.parsed.kind !== 'ops' || f.parsed.last > limit) continue
      folder.removeOwn(self, f.path)
      removed.push(f.path)
    }
  }
  const dir = path.join(folder.root, SNAPSHOT_DIR)
  for (const s of input.snapshots.slice(KEEP_SNAPSHOTS)) {
    if (s.createdBy !== self) continue
    for (const name of [`${s.id}.json`, s.file]) {
      try {
        folder.io.unlink(path.join(dir, name))
        removed.push(path.join(SNAPSHOT_DIR, name))
      } catch {
        // Already gone (or not synced here yet): the next round tries again.
      }
    }
  }
  return removed
}
