/**
 * Model-based harness (SYNC.md §3.2): N devices, each with its own store and its own faulty view of
 * one real temp folder, run a random action list; then faults stop, everyone syncs, and the
 * invariants are checked against a reference model computed from every op ever committed.
 * Mutants plug in through `Variant` so the same checks can prove they have teeth.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { localWrite, deleteRow, restoreRow, resolveField } from '../../../src/core/sync/localWrite'
import { MemorySyncStore } from '../../../src/core/sync/memorySyncStore'
import type { SchemaCatalog } from '../../../src/core/sync/memorySyncStore'
import type { SyncStore } from '../../../src/core/sync/syncStore'
import { DELETED_COLUMN, opId } from '../../../src/core/sync/op'
import type { Op } from '../../../src/core/sync/op'
import { conflictsKey, openConflicts } from '../../../src/core/sync/openConflicts'
import { replayPending } from '../../../src/core/sync/pendingOps'
import { replicaDigest } from '../../../src/core/sync/replicaDigest'
import { winnerOf, valueKey } from '../../../src/core/sync/fieldRegister'
import type { DataKey } from '../../../src/main/backend/sync/blockCipher'
import { flushOutbox, pullFolder, sealOwn } from '../../../src/main/backend/sync/folderSync'
import type { RecordLineDecoder } from '../../../src/main/backend/sync/recordFrame'
import { SyncFolder } from '../../../src/main/backend/sync/syncFolder'
import type { PublishHooks } from '../../../src/main/backend/sync/syncFolder'
import { FaultyIo } from './faultyIo'

export type Action =
  | { k: 'edit'; dev: number; row: number; col: number; val: number }
  | { k: 'delete'; dev: number; row: number }
  | { k: 'restore'; dev: number; row: number }
  | { k: 'resolve'; dev: number; pick: number }
  | { k: 'flush'; dev: number; crash: 'none' | 'afterTempWrite' | 'afterRename' }
  | { k: 'pull'; dev: number; seed: number }
  | { k: 'tick'; ms: number }
  | { k: 'clock'; dev: number; offsetMs: number }
  | { k: 'seal'; dev: number }
  | { k: 'upgrade'; dev: number }

export type Scenario = { n: number; encrypted: boolean; oldDevices: boolean[]; actions: Action[] }

/** What the model needs beyond the port: swap the schema on upgrade, forget the file cache (I4). */
export type ModelStore = SyncStore & { schema: SchemaCatalog; clearFileCache(): void; close?: () => void }

export type Variant = {
  makeStore?: (dev: string, schema: SchemaCatalog) => ModelStore
  decodeLine?: RecordLineDecoder
  flush?: (store: ModelStore, folder: SyncFolder) => void
  /** Extra per-replica checks at quiescence (the SQLite store compares app rows with winners). */
  checkReplica?: (store: ModelStore) => void
}

export type RunStats = { ops: number; files: number; conflicts: number }

// A real record table and three of its text columns, so the SQLite store also materialises rows.
export const TABLE = 'channel'
export const COLS = ['name', 'handle', 'notes']
const ROWS = ['01JROW0000000000000000000A', '01JROW0000000000000000000B', '01JROW0000000000000000000C']
const TEAM = '01JTEAM000000000000000000T'
const DAY = 86_400_000

export const TEST_KEY: DataKey = { keyId: 'k1', key: Buffer.alloc(32, 7) }

const dev = (i: number): number => i
const offsets = fc.oneof(
  fc.integer({ min: -10 * 60_000, max: 10 * 60_000 }),
  fc.constantFrom(3 * DAY, -365 * DAY, 2 * DAY),
  fc.integer({ min: -DAY, max: DAY })
)

export function actionArb(n: number): fc.Arbitrary<Action> {
  const d = fc.integer({ min: 0, max: n - 1 }).map(dev)
  return fc.oneof(
    { weight: 10, arbitrary: fc.record({ k: fc.constant('edit' as const), dev: d, row: fc.nat(2), col: fc.nat(2), val: fc.nat(3) }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('delete' as const), dev: d, row: fc.nat(2) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('restore' as const), dev: d, row: fc.nat(2) }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('resolve' as const), dev: d, pick: fc.nat(5) }) },
    { weight: 5, arbitrary: fc.record({ k: fc.constant('flush' as const), dev: d, crash: fc.constantFrom('none' as const, 'none' as const, 'none' as const, 'afterTempWrite' as const, 'afterRename' as const) }) },
    { weight: 7, arbitrary: fc.record({ k: fc.constant('pull' as const), dev: d, seed: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 120_000 }) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('clock' as const), dev: d, offsetMs: offsets }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('seal' as const), dev: d }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('upgrade' as const), dev: d }) }
  )
}

export const scenarioArb: fc.Arbitrary<Scenario> = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    encrypted: fc.boolean(),
    oldDevices: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    actions: fc.array(actionArb(n), { minLength: 40, maxLength: 150, size: 'max' })
  })
)

function catalog(knowsOwner: boolean): SchemaCatalog {
  const cols = new Set([...COLS, DELETED_COLUMN])
  if (!knowsOwner) cols.delete('notes')
  return new Map([[TABLE, cols]])
}

class Crash extends Error {}

/** Runs one scenario; throws with the invariant's name when one fails. */
export function runScenario(sc: Scenario, variant: Variant = {}): RunStats {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'smo-sync-model-'))
  try {
    return runIn(root, sc, variant)
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
}

function runIn(root: string, sc: Scenario, variant: Variant): RunStats {
  const devIds = Array.from({ length: sc.n }, (_, i) => (0xa0 + i).toString(16).padStart(2, '0').repeat(8))
  const stores: ModelStore[] = devIds.map((d, i) => (variant.makeStore ?? ((id, s) => new MemorySyncStore(id, s)))(d, catalog(!sc.oldDevices[i])))
  try {
    return runWith(root, sc, variant, devIds, stores)
  } finally {
    for (const s of stores) s.close?.()
  }
}

function runWith(root: string, sc: Scenario, variant: Variant, devIds: string[], stores: ModelStore[]): RunStats {
  const ios = devIds.map(() => new FaultyIo())
  const hooks: PublishHooks[] = devIds.map(() => ({}))
  const folders = devIds.map(
    (_, i) =>
      new SyncFolder(root, {
        teamId: TEAM,
        io: ios[i],
        writeKey: sc.encrypted ? TEST_KEY : null,
        readKeys: [TEST_KEY],
        durable: false,
        hooks: hooks[i],
        ...(variant.decodeLine ? { decodeLine: variant.decodeLine } : {})
      })
  )
  const committed = new Map<string, Op>()
  const lastHlc = devIds.map(() => '')
  const offset = devIds.map(() => 0)
  let now = Date.UTC(2026, 10, 23, 9)
  const wall = (i: number): number => now + (offset[i] ?? 0)
  const at = <T>(arr: readonly T[], i: number): T => {
    const v = arr[i]
    if (v === undefined) throw new Error(`index ${i}`)
    return v
  }
  const record = (i: number, op: Op): void => {
    // I11: a device's stamps strictly increase under skew, backward jumps and bursts.
    if (!(op.h > at(lastHlc, i))) throw new Error(`I11 HLC not increasing on ${at(devIds, i)}: ${op.h} after ${at(lastHlc, i)}`)
    lastHlc[i] = op.h
    committed.set(opId(op.d, op.s), op)
  }
  const flush = (i: number): void => {
    if (variant.flush) variant.flush(at(stores, i), at(folders, i))
    else flushOutbox(at(stores, i), at(folders, i))
  }
  const pull = (i: number, seed: number | null): void => {
    const store = at(stores, i)
    const before = store.allFields().length
    at(ios, i).setFaults(seed)
    try {
      pullFolder(store, at(folders, i), wall(i))
    } finally {
      at(ios, i).setFaults(null)
    }
    // I7: what a faulty view hides or damages never takes state away.
    if (store.allFields().length < before) throw new Error('I7 a pull reduced replica state')
  }

  for (const a of sc.actions) {
    switch (a.k) {
      case 'edit': {
        const store = at(stores, a.dev)
        const col = at(COLS, a.col)
        if (!store.knowsColumn(TABLE, col)) break
        record(a.dev, localWrite(store, wall(a.dev), [{ t: TABLE, r: at(ROWS, a.row), set: { [col]: `v${a.val}` } }]))
        break
      }
      case 'delete':
        record(a.dev, deleteRow(at(stores, a.dev), wall(a.dev), TABLE, at(ROWS, a.row)))
        break
      case 'restore':
        record(a.dev, restoreRow(at(stores, a.dev), wall(a.dev), TABLE, at(ROWS, a.row)))
        break
      case 'resolve': {
        const store = at(stores, a.dev)
        const open = openConflicts(store)
        const c = open[a.pick % Math.max(1, open.length)]
        if (!c) break
        if (c.kind === 'field') record(a.dev, resolveField(store, wall(a.dev), c, at(c.heads, a.pick % c.heads.length).v))
        else record(a.dev, a.pick % 2 ? restoreRow(store, wall(a.dev), c.tbl, c.row) : deleteRow(store, wall(a.dev), c.tbl, c.row))
        break
      }
      case 'flush': {
        const h = at(hooks, a.dev)
        at(folders, a.dev).sweepTemps(at(devIds, a.dev)) // a restart after a crash sweeps own temps
        if (a.crash !== 'none') h[a.crash] = () => { throw new Crash('kill -9') }
        try {
          flush(a.dev)
        } catch (err) {
          if (!(err instanceof Crash)) throw err
        } finally {
          delete h.afterTempWrite
          delete h.afterRename
        }
        break
      }
      case 'pull':
        pull(a.dev, a.seed)
        break
      case 'tick':
        now += a.ms
        break
      case 'clock':
        offset[a.dev] = a.offsetMs
        break
      case 'seal':
        sealOwn(at(stores, a.dev), at(folders, a.dev))
        break
      case 'upgrade': {
        const store = at(stores, a.dev)
        store.schema = catalog(true)
        replayPending(store)
        break
      }
    }
  }

  // Quiescence: faults stop, everyone upgrades, flushes and syncs twice (backoff has expired).
  for (let i = 0; i < sc.n; i++) {
    at(stores, i).schema = catalog(true)
    replayPending(at(stores, i))
    at(folders, i).sweepTemps(at(devIds, i))
    flush(i)
  }
  for (let round = 0; round < 2; round++) {
    now += 10 * 60_000
    for (let i = 0; i < sc.n; i++) pull(i, null)
  }
  const stats = check(sc, stores, ios, devIds, committed, folders, () => wall(0))
  if (variant.checkReplica) for (const s of stores) variant.checkReplica(s)
  return stats
}

function expectedHeads(committed: Map<string, Op>): Map<string, { id: string; h: string; v: string }[]> {
  const writes = new Map<string, { id: string; h: string; v: string; b: string[] }[]>()
  for (const [id, op] of committed) {
    for (const w of op.tx) {
      for (const col of Object.keys(w.set)) {
        const key = `${w.t}/${w.r}/${col}`
        const list = writes.get(key) ?? []
        list.push({ id, h: op.h, v: valueKey(w.set[col] ?? null), b: w.b[col] ?? [] })
        writes.set(key, list)
      }
    }
  }
  const out = new Map<string, { id: string; h: string; v: string }[]>()
  for (const [key, list] of writes) {
    const superseded = new Set(list.flatMap((w) => w.b))
    out.set(key, list.filter((w) => !superseded.has(w.id)).map(({ id, h, v }) => ({ id, h, v })).sort((a, b) => (a.id < b.id ? -1 : 1)))
  }
  return out
}

function check(
  sc: Scenario,
  stores: ModelStore[],
  ios: FaultyIo[],
  devIds: string[],
  committed: Map<string, Op>,
  folders: SyncFolder[],
  wall: () => number
): RunStats {
  const expected = expectedHeads(committed)
  const digests = stores.map((s) => replicaDigest(s))
  const inboxes = stores.map((s) => conflictsKey(openConflicts(s)))
  stores.forEach((s, i) => {
    // I10: outboxes drain and gaps close within the fault-free cycles.
    if (s.unpublished().length > 0) throw new Error(`I10 outbox of ${devIds[i]} not drained`)
    if (s.gaps().length > 0) throw new Error(`I10 gaps left on ${devIds[i]}: ${JSON.stringify(s.gaps())}`)
    // I9: damaged bytes never turn into ops (a corrupted op would show up as a fork or a wrong hash).
    if (s.forks().length > 0) throw new Error(`I9 bogus op accepted on ${devIds[i]}`)
    for (const [id, op] of committed) {
      if (s.receivedHash(op.d, op.s) === undefined) throw new Error(`I2 op ${id} missing on ${devIds[i]}`)
    }
    // I2 + I3 + differential: every field's heads are exactly the model's, the winner is a head.
    for (const [key, heads] of expected) {
      const [tbl = '', row = '', col = ''] = key.split('/')
      const got = s.heads({ tbl, row, col }).map((h) => ({ id: h.id, h: h.h, v: valueKey(h.v) })).sort((a, b) => (a.id < b.id ? -1 : 1))
      if (JSON.stringify(got) !== JSON.stringify(heads)) throw new Error(`I2/I3 ${key} on ${devIds[i]}: got ${JSON.stringify(got)} want ${JSON.stringify(heads)}`)
      const shown = winnerOf(s.heads({ tbl, row, col }))
      const best = heads.reduce((m, h) => (h.h > m.h || (h.h === m.h && h.id > m.id) ? h : m))
      if (shown?.id !== best.id) throw new Error(`I3 ${key} shows ${shown?.id}, want ${best.id}`)
    }
    // I1 + I12: identical tables, displayed values and review inboxes everywhere.
    if (digests[i] !== digests[0]) throw new Error(`I1 replica ${devIds[i]} diverged`)
    if (inboxes[i] !== inboxes[0]) throw new Error(`I1/I12 review inbox of ${devIds[i]} differs`)
    // I6: a device only writes under devices/<self>/.
    for (const p of ios[i]?.writes ?? []) {
      if (!p.includes(`${path.sep}devices${path.sep}${devIds[i]}${path.sep}`)) throw new Error(`I6 ${devIds[i]} wrote ${p}`)
    }
  })
  // I4: re-reading every file changes nothing.
  const first = stores[0]
  const folder = folders[0]
  if (first && folder) {
    first.clearFileCache()
    const r = pullFolder(first, folder, wall())
    if (r.applied !== 0 || replicaDigest(first) !== digests[0]) throw new Error('I4 re-reading all files changed the replica')
  }
  return { ops: committed.size, files: folder?.listOpsFiles().length ?? 0, conflicts: first ? openConflicts(first).length : 0 }
}
