/**
 * I8 snapshot equivalence (SYNC.md §3.1): load(snapshot) + replay(tail) ≡ replay(all), on real SQLite
 * files and a real folder. Three devices edit, delete, flush and pull in a random order, one of them
 * writes a snapshot at a random moment, and the edits go on after it. Then a new member loads the
 * snapshot and replays the rest, and another new member replays everything: field registers
 * (heads, winners, open conflicts), parked writes and the record rows must be identical.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { localWrite } from '../../../src/core/sync/localWrite'
import { openConflicts } from '../../../src/core/sync/openConflicts'
import { replicaDigest } from '../../../src/core/sync/replicaDigest'
import { latestVersion } from '../../../src/main/backend/db/migrations/index'
import { createSnapshot } from '../../../src/main/backend/sync/createSnapshot'
import { flushOutbox, pullFolder } from '../../../src/main/backend/sync/folderSync'
import { loadSnapshot } from '../../../src/main/backend/sync/loadSnapshot'
import { mergeSnapshot } from '../../../src/main/backend/sync/mergeSnapshot'
import { realFolderIo } from '../../../src/main/backend/sync/folderIo'
import type { FolderIo } from '../../../src/main/backend/sync/folderIo'
import { SqliteSyncStore } from '../../../src/main/backend/sync/sqliteSyncStore'
import { SyncFolder } from '../../../src/main/backend/sync/syncFolder'
import { tempDir } from '../helpers/tempWorkspace'
import { migratedDb } from './sqliteStoreFactory'

const RUNS = Number(process.env.SYNC_SNAPSHOT_RUNS ?? 60)
const TEAM = '01JSNAPTEAM000000000000000'
const DEVS = ['a1a1a1a1a1a1a1a1', 'b2b2b2b2b2b2b2b2', 'c3c3c3c3c3c3c3c3']
const ROWS = ['01JROW0000000000000000000A', '01JROW0000000000000000000B', '01JROW0000000000000000000C']
const COLS = ['name', 'handle', 'notes']
const T0 = Date.UTC(2026, 10, 23)

type Action =
  | { kind: 'edit'; dev: number; row: number; col: number; value: string }
  | { kind: 'delete'; dev: number; row: number }
  | { kind: 'flush'; dev: number }
  | { kind: 'pull'; dev: number }
  /** A pull that sees only some files (not yet synced here): refs to missing ops appear. */
  | { kind: 'pullSome'; dev: number; seed: number }

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), dev: fc.nat(2), row: fc.nat(2), col: fc.nat(2), value: fc.constantFrom('x', 'y', 'z', 'a long brief') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), dev: fc.nat(2), row: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('flush' as const), dev: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pull' as const), dev: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pullSome' as const), dev: fc.nat(2), seed: fc.nat() }) }
)

const staleArb = fc.record({ view: fc.nat(), edits: fc.array(fc.record({ row: fc.nat(2), col: fc.nat(2), value: fc.constantFrom('s1', 's2') }), { maxLength: 3 }) })

const scenarioArb = fc.record({
  /** A fourth computer that saw part of the folder once, edited offline, and catches up by merging the snapshot. */
  stale: staleArb,
  before: fc.array(actionArb, { minLength: 20, maxLength: 80 }),
  snapshotBy: fc.nat(2),
  /** The snapshot maker's own view of the folder when it writes the snapshot (0: everything). */
  makerView: fc.nat(7),
  after: fc.array(actionArb, { minLength: 5, maxLength: 40 })
})

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

let template: Buffer | null = null
function fileStore(dir: string, dev: string): SqliteSyncStore {
  if (!template) {
    const db = migratedDb()
    db.pragma(`user_version = ${latestVersion}`)
    template = db.serialize()
    db.close()
  }
  const file = join(dir, `${dev}-${Math.random().toString(36).slice(2)}.sqlite`)
  writeFileSync(file, template)
  const db = new Database(file)
  cleanups.push(() => db.close())
  return new SqliteSyncStore(db, dev, { now: () => T0 })
}

const rows = (s: SqliteSyncStore): string => JSON.stringify(s.database.prepare(`SELECT id, name, handle, notes, deleted_at FROM channel ORDER BY id`).all())
const state = (s: SqliteSyncStore): string => `${replicaDigest(s)}\n${JSON.stringify(openConflicts(s))}\n${rows(s)}`

/** A view of the folder that hides about half of the ops files, chosen by `seed`. */
function partialView(seed: number): FolderIo {
  const hidden = (name: string): boolean => {
    let h = seed >>> 0
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0
    return name.startsWith('ops-') && h % 2 === 0
  }
  return { ...realFolderIo, readdir: (dir: string) => realFolderIo.readdir(dir).filter((n) => !hidden(n)) }
}

function run(sc: { stale: { view: number; edits: { row: number; col: number; value: string }[] }; before: Action[]; snapshotBy: number; makerView: number; after: Action[] }): {
  snapshotOps: number
  tail: number
  refs: number
  merged: boolean
} {
  const t = tempDir('smo-snap-prop-')
  cleanups.push(t.cleanup)
  const root = join(t.dir, 'team')
  mkdirSync(root)
  const folder = new SyncFolder(root, { teamId: TEAM, durable: false })
  const stores = DEVS.map((d) => fileStore(t.dir, d))
  let clock = T0
  const act = (a: Action): void => {
    const s = stores[a.dev] as SqliteSyncStore
    clock += 1000
    if (a.kind === 'edit') localWrite(s, clock, [{ t: 'channel', r: ROWS[a.row] as string, set: { [COLS[a.col] as string]: a.value } }])
    else if (a.kind === 'delete') localWrite(s, clock, [{ t: 'channel', r: ROWS[a.row] as string, set: { _deleted: true } }])
    else if (a.kind === 'flush') flushOutbox(s, folder)
    else if (a.kind === 'pull') pullFolder(s, folder, clock)
    else pullFolder(s, new SyncFolder(root, { teamId: TEAM, durable: false, io: partialView(a.seed) }), clock)
  }
  for (const a of sc.before) act(a)
  const stale = fileStore(t.dir, 'f4f4f4f4f4f4f4f4')
  pullFolder(stale, new SyncFolder(root, { teamId: TEAM, durable: false, io: partialView(sc.stale.view) }), clock)
  for (const e of sc.stale.edits) localWrite(stale, (clock += 1000), [{ t: 'channel', r: ROWS[e.row] as string, set: { [COLS[e.col] as string]: e.value } }])
  // The snapshot comes from a device whose every edit is published (as syncRound requires).
  const maker = stores[sc.snapshotBy] as SqliteSyncStore
  flushOutbox(maker, folder)
  pullFolder(maker, sc.makerView === 0 ? folder : new SyncFolder(root, { teamId: TEAM, durable: false, io: partialView(sc.makerView) }), clock)
  const made = createSnapshot({
    db: maker.database,
    recordTables: maker.recordTables(),
    teamDir: root,
    teamId: TEAM,
    device: maker.device,
    dataKey: null,
    io: realFolderIo,
    now: clock,
    hlc: clock.toString(16).padStart(12, '0') + '0000' + maker.device,
    lastPublished: maker.lastPublished()
  })
  if (!made) throw new Error('no snapshot written')
  const refs = (maker.database.prepare(`SELECT count(*) AS n FROM sync_ref`).get() as { n: number }).n
  for (const a of sc.after) act(a)
  for (const s of [...stores, stale]) flushOutbox(s, folder)

  const joiner = fileStore(t.dir, 'dddddddddddddddd')
  const loaded = loadSnapshot({ db: joiner.database, recordTables: joiner.recordTables(), teamDir: root, teamId: TEAM, keys: [], io: realFolderIo, schema: latestVersion })
  expect(loaded.skipped).toEqual([])
  expect(loaded.loaded?.id).toBe(made.id)
  const tail = pullFolder(joiner, folder, clock)
  const full = fileStore(t.dir, 'eeeeeeeeeeeeeeee')
  pullFolder(full, folder, clock)
  expect(state(joiner)).toBe(state(full))
  // The stale computer merges the snapshot into what it has, then reads the rest: the same state.
  const merged = !stale.isFresh()
  if (merged) {
    expect(mergeSnapshot(stale, { teamDir: root, teamId: TEAM, keys: [], io: realFolderIo, schema: latestVersion }).loaded?.id).toBe(made.id)
    pullFolder(stale, folder, clock)
    expect(state(stale)).toBe(state(full))
  }
  // Re-reading everything, conflicted copies included (those are always decoded), changes nothing:
  // the snapshot's received set holds every op it covers.
  for (const dev of readdirSync(join(root, 'devices'))) {
    for (const name of readdirSync(join(root, 'devices', dev))) {
      if (name.startsWith('ops-')) copyFileSync(join(root, 'devices', dev, name), join(root, 'devices', dev, name.replace('.log', " (Sam's conflicted copy).log")))
    }
  }
  joiner.clearFileCache()
  const again = pullFolder(joiner, folder, clock)
  expect(again.applied).toBe(0)
  expect(state(joiner)).toBe(state(full))
  return { snapshotOps: Object.values(made.covered).reduce((n, v) => n + v, 0), tail: tail.applied, refs, merged }
}

/** A folder view in which one device's folder looks empty (its files not synced here yet). */
const hiding = (dev: string): FolderIo => ({ ...realFolderIo, readdir: (dir: string) => (dir.endsWith(dev) ? [] : realFolderIo.readdir(dir)) })

/** A writes a channel name, B reads it and writes another over it; M has seen nothing yet. */
function supersededOnce() {
  const t = tempDir('smo-snap-case-')
  cleanups.push(t.cleanup)
  const root = join(t.dir, 'team')
  mkdirSync(root)
  const folder = new SyncFolder(root, { teamId: TEAM, durable: false })
  const [a, b, m] = DEVS.map((d) => fileStore(t.dir, d)) as [SqliteSyncStore, SqliteSyncStore, SqliteSyncStore]
  localWrite(a, T0, [{ t: 'channel', r: ROWS[0] as string, set: { name: 'first' } }])
  flushOutbox(a, folder)
  pullFolder(b, folder, T0)
  localWrite(b, T0 + 1000, [{ t: 'channel', r: ROWS[0] as string, set: { name: 'second' } }])
  flushOutbox(b, folder)
  return { t, root, folder, a, b, m }
}

describe('snapshot plus tail equals full replay (I8)', () => {
  it('merging a snapshot keeps an op ours already knows as superseded from coming back as a head', () => {
    const { t, root, folder, a, b, m } = supersededOnce()
    // The stale computer saw B's edit but not A's (it holds a ref to A's op); the snapshot's maker
    // saw A's but not B's (it holds A's op as the head).
    const stale = fileStore(t.dir, 'f4f4f4f4f4f4f4f4')
    pullFolder(stale, new SyncFolder(root, { teamId: TEAM, durable: false, io: hiding(a.device) }), T0 + 2000)
    pullFolder(m, new SyncFolder(root, { teamId: TEAM, durable: false, io: hiding(b.device) }), T0 + 2000)
    createSnapshot({ db: m.database, recordTables: m.recordTables(), teamDir: root, teamId: TEAM, device: m.device, dataKey: null, io: realFolderIo, now: T0 + 3000, hlc: `${(T0 + 3000).toString(16).padStart(12, '0')}0000${m.device}`, lastPublished: 0 })
    expect(mergeSnapshot(stale, { teamDir: root, teamId: TEAM, keys: [], io: realFolderIo, schema: latestVersion }).loaded).not.toBeNull()
    expect(openConflicts(stale)).toEqual([])
    expect(rows(stale)).toContain('"second"')
    pullFolder(stale, folder, T0 + 4000)
    const full = fileStore(t.dir, 'eeeeeeeeeeeeeeee')
    pullFolder(full, folder, T0 + 4000)
    expect(state(stale)).toBe(state(full))
  })

  it('an op the snapshot only knows as a base stays an ancestor when it arrives later', () => {
    const { t, root, folder, a, m } = supersededOnce()
    // M sees B's file but not A's yet: it holds B's edit and a ref to A's op.
    pullFolder(m, new SyncFolder(root, { teamId: TEAM, durable: false, io: hiding(a.device) }), T0 + 2000)
    expect((m.database.prepare(`SELECT count(*) AS n FROM sync_ref`).get() as { n: number }).n).toBe(1)
    createSnapshot({ db: m.database, recordTables: m.recordTables(), teamDir: root, teamId: TEAM, device: m.device, dataKey: null, io: realFolderIo, now: T0 + 3000, hlc: `${(T0 + 3000).toString(16).padStart(12, '0')}0000${m.device}`, lastPublished: 0 })
    const joiner = fileStore(t.dir, 'dddddddddddddddd')
    expect(loadSnapshot({ db: joiner.database, recordTables: joiner.recordTables(), teamDir: root, teamId: TEAM, keys: [], io: realFolderIo, schema: latestVersion }).loaded).not.toBeNull()
    pullFolder(joiner, folder, T0 + 4000)
    const full = fileStore(t.dir, 'eeeeeeeeeeeeeeee')
    pullFolder(full, folder, T0 + 4000)
    expect(openConflicts(joiner)).toEqual([])
    expect(state(joiner)).toBe(state(full))
    expect(rows(joiner)).toContain('"second"')
  })

  it(`holds over ${RUNS} random histories on SQLite files`, () => {
    const seed = Number(process.env.SYNC_PROPERTY_SEED ?? Date.now() % 2 ** 31)
    console.log(`snapshot property seed: ${seed} (replay with SYNC_PROPERTY_SEED=${seed})`)
    let covered = 0
    let tail = 0
    let withRefs = 0
    let merges = 0
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const r = run(sc)
        covered += r.snapshotOps
        tail += r.tail
        if (r.refs > 0) withRefs++
        if (r.merged) merges++
        for (const c of cleanups.splice(0)) c()
      }),
      { numRuns: RUNS, seed }
    )
    console.log(`snapshot property: ${RUNS} runs, ${(covered / RUNS).toFixed(1)} ops in the snapshot and ${(tail / RUNS).toFixed(1)} in the tail per run, ${withRefs} snapshots holding refs to ops not yet received, ${merges} stale computers caught up by merging the snapshot`)
    // The runs must exercise both halves, or the property says nothing.
    expect(covered / RUNS).toBeGreaterThan(5)
    expect(tail / RUNS).toBeGreaterThan(2)
    expect(merges).toBeGreaterThan(RUNS / 2)
  }, 120_000)
})
