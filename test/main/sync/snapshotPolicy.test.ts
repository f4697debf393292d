/**
 * The rules around snapshots (SYNC.md §2.9) as plain functions: who writes one and when, which one
 * a new member may load, and how far a device may compact its own files.
 */
import { describe, expect, it } from 'vitest'
import { compactLimit } from '../../../src/main/backend/sync/compactOwnFiles'
import type { SnapshotManifest } from '../../../src/main/backend/sync/snapshotManifest'
import { snapshotDue, snapshotUsable } from '../../../src/main/backend/sync/snapshotPolicy'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 10, 23)
const A = 'a000000000000000'
const B = 'b000000000000000'
const C = 'c000000000000000'
const peer = (dev: string, daysAgo: number, ack: Record<string, number> = {}) => ({ dev, ack, clock: { wall: NOW - daysAgo * DAY, hlc: '' } })
const snap = (covered: Record<string, number>, daysAgo: number): SnapshotManifest => ({
  magic: 'smo-desk-snapshot',
  fmt: 1,
  id: `snap-${'0'.repeat(32)}-${A}`,
  team: 't',
  createdBy: A,
  createdAt: '',
  wall: NOW - daysAgo * DAY,
  schema: 7,
  covered,
  file: '',
  size: 0,
  sha256: '',
  enc: null
})

describe('snapshotDue', () => {
  it('writes after 200,000 ops since the newest snapshot, only on the lowest active device', () => {
    expect(snapshotDue({ self: A, now: NOW, peers: [peer(B, 1)], newest: null, heldOps: 199_999 })).toBe(false)
    expect(snapshotDue({ self: A, now: NOW, peers: [peer(B, 1)], newest: null, heldOps: 200_000 })).toBe(true)
    expect(snapshotDue({ self: B, now: NOW, peers: [peer(A, 1)], newest: null, heldOps: 500_000 })).toBe(false)
    // A has not been seen for 8 days: B is the lowest active device now.
    expect(snapshotDue({ self: B, now: NOW, peers: [peer(A, 8)], newest: null, heldOps: 500_000 })).toBe(true)
    expect(snapshotDue({ self: A, now: NOW, peers: [], newest: snap({ [A]: 300_000 }, 1), heldOps: 450_000 })).toBe(false)
    expect(snapshotDue({ self: A, now: NOW, peers: [], newest: snap({ [A]: 300_000 }, 1), heldOps: 500_000 })).toBe(true)
  })
  it('writes when the newest is over 30 days old and anything happened since', () => {
    expect(snapshotDue({ self: A, now: NOW, peers: [], newest: snap({ [A]: 10 }, 31), heldOps: 11 })).toBe(true)
    expect(snapshotDue({ self: A, now: NOW, peers: [], newest: snap({ [A]: 10 }, 31), heldOps: 10 })).toBe(false)
    expect(snapshotDue({ self: A, now: NOW, peers: [], newest: snap({ [A]: 10 }, 29), heldOps: 11 })).toBe(false)
  })
})

describe('snapshotUsable', () => {
  it('needs the snapshot to reach the first file still in the folder for every device', () => {
    const first = new Map([
      [A, 1001],
      [B, 1]
    ])
    expect(snapshotUsable({ covered: { [A]: 1000 } }, first)).toBe(true)
    expect(snapshotUsable({ covered: { [A]: 1500, [B]: 3 } }, first)).toBe(true)
    // A lagging device's newer snapshot that stops at 800 would miss A's 801–1000, compacted away.
    expect(snapshotUsable({ covered: { [A]: 800 } }, first)).toBe(false)
  })
})

describe('compactLimit', () => {
  it('is the lower of what every active teammate acknowledged and what a 14-day-old snapshot covers', () => {
    const peers = [peer(B, 3, { [A]: 900 }), peer(C, 10, { [A]: 700 })]
    expect(compactLimit({ self: A, now: NOW, peers, snapshots: [snap({ [A]: 800 }, 15)] })).toBe(700)
    expect(compactLimit({ self: A, now: NOW, peers: [peer(B, 3, { [A]: 900 })], snapshots: [snap({ [A]: 800 }, 15)] })).toBe(800)
    // A snapshot younger than 14 days does not count; none at all means nothing may go.
    expect(compactLimit({ self: A, now: NOW, peers, snapshots: [snap({ [A]: 800 }, 13)] })).toBe(0)
    expect(compactLimit({ self: A, now: NOW, peers, snapshots: [] })).toBe(0)
    // A teammate not seen for over 60 days no longer holds compaction back.
    expect(compactLimit({ self: A, now: NOW, peers: [peer(B, 3, { [A]: 900 }), peer(C, 61, { [A]: 5 })], snapshots: [snap({ [A]: 800 }, 15)] })).toBe(800)
    // A teammate that never acknowledged anything of ours holds everything.
    expect(compactLimit({ self: A, now: NOW, peers: [peer(B, 3, {})], snapshots: [snap({ [A]: 800 }, 15)] })).toBe(0)
  })
})
