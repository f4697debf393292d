/**
 * Device manifest `devices/<dev>/state-<hlc>.json` (SYNC.md §2.2): immutable; the newest valid one
 * wins; the owner keeps its newest 3. `ack` (contiguous high-water marks of the other devices)
 * drives "delivered to 4/5 teammates" and safe compaction (compactOwnFiles); `snapshot` names the
 * snapshot the device last started from or wrote.
 */
import path from 'node:path'
import { parseSyncFileName } from '../../../core/sync/syncFileName'
import type { FolderIo } from './folderIo'
import { writeOnce } from './teamFolder'

export type DeviceManifest = {
  dev: string
  name: string
  user: string
  app: string
  fmt: number
  schema: number
  published: { last: number }
  ack: Record<string, number>
  snapshot: string | null
  clock: { wall: number; hlc: string }
}

const KEEP = 3

function isManifest(v: unknown): v is DeviceManifest {
  if (typeof v !== 'object' || v === null) return false
  const m = v as Record<string, unknown>
  return typeof m.dev === 'string' && typeof m.published === 'object' && m.published !== null && typeof m.ack === 'object' && m.ack !== null
}

export function writeDeviceManifest(io: FolderIo, devDir: string, manifest: DeviceManifest): string {
  io.mkdirp(devDir)
  const name = `state-${manifest.clock.hlc}.json`
  writeOnce(io, devDir, name, Buffer.from(JSON.stringify(manifest)))
  // Prune only our own older manifests, and only ones that parse as ours by name.
  const own = io
    .readdir(devDir)
    .filter((n) => {
      const p = parseSyncFileName(n)
      return p.kind === 'state' && p.conflicted === null
    })
    .sort()
  for (const old of own.slice(0, Math.max(0, own.length - KEEP))) io.unlink(path.join(devDir, old))
  return name
}

/** The newest manifest that parses, conflicted copies included; null when none is readable yet. */
export function readNewestManifest(io: FolderIo, devDir: string, dev: string): DeviceManifest | null {
  let names: string[]
  try {
    names = io.readdir(devDir)
  } catch {
    return null
  }
  const states = names
    .map((n) => ({ n, p: parseSyncFileName(n) }))
    .filter((x) => x.p.kind === 'state')
    .sort((a, b) => {
      const ha = a.p.kind === 'state' ? a.p.hlc : ''
      const hb = b.p.kind === 'state' ? b.p.hlc : ''
      return ha < hb ? 1 : ha > hb ? -1 : 0
    })
  for (const { n } of states) {
    try {
      const value: unknown = JSON.parse(io.readFile(path.join(devDir, n)).toString('utf8'))
      if (isManifest(value) && value.dev === dev) return value
    } catch {
      continue // torn or placeholder: fall back to the next newest
    }
  }
  return null
}
