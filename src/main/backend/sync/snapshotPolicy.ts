/**
 * When a device writes a snapshot and which one a joiner may load (SYNC.md §2.9).
 *
 * Writing: after 200 k ops since the newest snapshot, or when it is over 30 days old and anything
 * happened since; only the lowest device id among the devices active in the last 7 days does it, so
 * a team does not write one per member (duplicates would be harmless, just wasted space).
 *
 * Loading: a snapshot is usable only if the folder still holds every op after it. Snapshots from
 * different devices cover different ranges, and compaction deletes files a 14-day-old snapshot
 * covers, so the newest snapshot is not always the right one: a lagging device's newer snapshot may
 * cover less than what was compacted.
 */
import type { DeviceManifest } from './deviceManifest'
import { coveredOps } from './snapshotManifest'
import type { SnapshotManifest } from './snapshotManifest'

const DAY = 86_400_000
export const SNAPSHOT_EVERY_OPS = 200_000
export const SNAPSHOT_MAX_AGE_MS = 30 * DAY
export const SNAPSHOT_ACTIVE_MS = 7 * DAY

export type SnapshotDueInput = {
  self: string
  now: number
  peers: readonly Pick<DeviceManifest, 'dev' | 'clock'>[]
  newest: SnapshotManifest | null
  /** Ops this device holds: the sum of its contiguous high-water marks, its own published included. */
  heldOps: number
}

export function snapshotDue(input: SnapshotDueInput): boolean {
  const active = [input.self, ...input.peers.filter((p) => input.now - p.clock.wall <= SNAPSHOT_ACTIVE_MS).map((p) => p.dev)]
  if (active.some((d) => d < input.self)) return false
  const since = input.heldOps - (input.newest ? coveredOps(input.newest) : 0)
  if (since >= SNAPSHOT_EVERY_OPS) return true
  return input.newest !== null && input.now - input.newest.wall > SNAPSHOT_MAX_AGE_MS && since > 0
}

/**
 * True when, for every device with ops files in the folder, the snapshot reaches at least up to the
 * first file still there: nothing between the snapshot and the remaining files was compacted away.
 */
export function snapshotUsable(m: Pick<SnapshotManifest, 'covered'>, firstAvailable: ReadonlyMap<string, number>): boolean {
  for (const [dev, first] of firstAvailable) if (first > 1 && (m.covered[dev] ?? 0) < first - 1) return false
  return true
}
