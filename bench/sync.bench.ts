/**
 * Sync budgets (SYNC.md §3.8) on the SQLite path: the workspace schema on a WAL file database, remote
 * ops merged by SqliteSyncStore into field heads, the received set and the app tables. Cold
 * encode/write and read/verify/merge of 1 M ops streamed per segment (the merge runs in a child
 * process so its peak RSS is its own), incremental pull of 1 k ops, an idle round over 20 devices,
 * the encrypted-mode overhead, and a new member joining from a snapshot of the 1 M-op state plus a
 * 50,000-op tail (also in a child process).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { formatHlc } from '../src/core/sync/hlc'
import { localWrite } from '../src/core/sync/localWrite'
import { migrations } from '../src/main/backend/db/migrations/index'
import { SqliteSyncStore } from '../src/main/backend/sync/sqliteSyncStore'
import { encodeOpRecord } from '../src/core/sync/op'
import type { Op } from '../src/core/sync/op'
import { flushOutbox, pullFolder } from '../src/main/backend/sync/folderSync'
import { createSnapshot } from '../src/main/backend/sync/createSnapshot'
import { loadSnapshot } from '../src/main/backend/sync/loadSnapshot'
import { realFolderIo } from '../src/main/backend/sync/folderIo'
import { latestVersion } from '../src/main/backend/db/migrations/index'
import { pullInChild } from '../src/main/backend/sync/pullInChild'
import { SyncFolder } from '../src/main/backend/sync/syncFolder'
import type { DataKey } from '../src/main/backend/sync/blockCipher'
import { newMemberKey } from '../src/main/backend/sync/signing/memberKey'
import { signingGuard } from '../src/main/backend/sync/signing/signingGuard'
import { readBenchTrust, writeBenchTrust } from './benchTrust'
import { snapshotTrust } from '../src/main/backend/sync/signing/snapshotTrust'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

const TEAM = '01JBENCHTEAM00000000000000'
const DEVICES = Array.from({ length: 20 }, (_, i) => (0x10 + i).toString(16).repeat(8))
/** Real record tables and four text columns of each, so the winners land in real rows. */
const TABLE_COLS: Record<string, string[]> = {
  content_item: ['title', 'brief', 'pillar', 'tracking_url'],
  campaign: ['name', 'description', 'color', 'start_date'],
  channel: ['name', 'handle', 'notes', 'status'],
  influencer: ['name', 'title', 'notes', 'next_action'],
  goal: ['objective', 'kpi_name', 'notes', 'quarter'],
  measurement: ['metric', 'source', 'note', 'date']
}
const TABLES = Object.keys(TABLE_COLS)
const T0 = Date.UTC(2026, 10, 23)
/** Segments per device (10 × 20 × 5,000 = 1 M ops); SMO_SYNC_BENCH_SEGMENTS=2 for a quick look. */
const SEGMENTS = Number(process.env.SMO_SYNC_BENCH_SEGMENTS ?? 10)
const dbs: Database.Database[] = []

/** A workspace-shaped database: every migration, WAL, synchronous=NORMAL as the app opens it. */
function openDb(file: string): Database.Database {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  if (Number(db.pragma('user_version', { simple: true })) === 0) {
    for (const m of migrations) db.transaction(() => m.up(db))()
    db.pragma(`user_version = ${Math.max(...migrations.map((m) => m.version))}`)
  }
  dbs.push(db)
  return db
}
const newStore = (dev: string, dir: string = tmp()): SqliteSyncStore => new SqliteSyncStore(openDb(path.join(dir, `${dev}.sqlite`)), dev, { now: () => T0 })

/** Deterministic LCG so runs compare. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

/**
 * Writes `segments` per device of `perSegment` ops each; every write names the field's previous
 * op as its base (a linear history with ±60 s clock noise), so the merge does real head/ref work.
 */
export function writeCorpus(folder: SyncFolder, segments: number, perSegment: number, rowsPerTable: number, folderOf: (dev: string) => SyncFolder = () => folder): number {
  const rand = lcg(7)
  const last = new Map<string, string>()
  let n = 0
  for (let k = 0; k < segments; k++) {
    for (const [di, dev] of DEVICES.entries()) {
      const texts: string[] = []
      const first = k * perSegment + 1
      for (let j = 0; j < perSegment; j++) {
        const s = first + j
        n++
        const t = TABLES[Math.floor(rand() * TABLES.length)] ?? 'channel'
        const r = `01JROW${String(Math.floor(rand() * rowsPerTable)).padStart(20, '0')}`
        const col = TABLE_COLS[t]?.[Math.floor(rand() * 4)] ?? 'name'
        const key = `${t}/${r}/${col}`
        const base = last.get(key)
        const id = `${dev}:${s}`
        last.set(key, id)
        const h = formatHlc({ millis: T0 + n * 10 + Math.floor((rand() - 0.5) * 120_000) + di, counter: 0, device: dev })
        const op: Op = { d: dev, s, h, tx: [{ t, r, set: { [col]: `value ${n} for ${col}` }, b: { [col]: base ? [base] : [] } }], x: 1, u: 'bench' }
        texts.push(encodeOpRecord(op))
      }
      folderOf(dev).publish(dev, first, first + perSegment - 1, texts, true)
    }
  }
  return n
}

const TAIL_DEV = 'acacacacacacacac'

/** 50,000 ops from one teammate after a snapshot, in 10 sealed files. */
function publishTail(folder: SyncFolder): void {
  for (let k = 0; k < 10; k++) {
    const texts: string[] = []
    for (let j = 0; j < 5000; j++) {
      const s = k * 5000 + j + 1
      const op: Op = { d: TAIL_DEV, s, h: formatHlc({ millis: T0 + 20_000_000 + s, counter: 0, device: TAIL_DEV }), tx: [{ t: 'content_item', r: `01JTAIL${String(s % 20_000).padStart(19, '0')}`, set: { title: `tail ${s}` }, b: { title: s > 20_000 ? [`${TAIL_DEV}:${s - 20_000}`] : [] } }], x: 1, u: 'bench' }
      texts.push(encodeOpRecord(op))
    }
    folder.publish(TAIL_DEV, k * 5000 + 1, k * 5000 + 5000, texts, true)
  }
}

/** Wall time and CPU time: on a shared 2-core runner the CPU figure is the steadier one. */
function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const t = performance.now()
  const c = process.cpuUsage()
  const value = fn()
  const cpu = process.cpuUsage(c)
  return { ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000, value }
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'smo-sync-bench-'))
}

type ColdResult = { ms: number; cpuMs: number; maxRssMb: number; applied: number; fields: number; rows: number }

/** Child mode: merge every file of ROOT into the database DB cold, print the figures as JSON. */
function coldMergeChild(root: string, file: string): void {
  const db = openDb(file)
  const store = new SqliteSyncStore(db, 'ffffffffffffffff', { now: () => T0 })
  const folder = new SyncFolder(root, { teamId: TEAM })
  const r = timed(() => pullFolder(store, folder, T0 + 86_400_000))
  const count = (q: string): number => (db.prepare(q).get() as { n: number }).n
  const rows = TABLES.reduce((n, t) => n + count(`SELECT count(*) AS n FROM "${t}"`), 0)
  const fields = count(`SELECT count(*) AS n FROM field_head`)
  const out: ColdResult = { ms: r.ms, cpuMs: r.cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, applied: r.value.applied, fields, rows }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

type JoinResult = { ms: number; loadMs: number; cpuMs: number; maxRssMb: number; snapshot: string | null; applied: number; skipped: number; rows: number }

/** Child mode: a new member loads the newest snapshot of ROOT into DB and pulls the tail. */
function joinChild(root: string, file: string): void {
  const db = openDb(file)
  const store = new SqliteSyncStore(db, 'abababababababab', { now: () => T0 })
  const folder = new SyncFolder(root, { teamId: TEAM })
  let loadMs = 0
  const r = timed(() => {
    const t = performance.now()
    const loaded = loadSnapshot({ db, recordTables: store.recordTables(), teamDir: root, teamId: TEAM, keys: [], io: realFolderIo, schema: latestVersion })
    loadMs = performance.now() - t
    return { loaded, pull: pullFolder(store, folder, T0 + 86_400_000) }
  })
  const rows = TABLES.reduce((n, t) => n + (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n, 0)
  const out: JoinResult = { ms: r.ms, loadMs, cpuMs: r.cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, snapshot: r.value.loaded.loaded?.id ?? null, applied: r.value.pull.applied, skipped: r.value.pull.filesSkipped, rows }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

function child<T>(mode: string, root: string, file: string): T {
  const res = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, [mode]: `${root}\n${file}` },
    encoding: 'utf8',
    maxBuffer: 1 << 20
  })
  const line = res.stdout.trim().split('\n').pop() ?? ''
  if (res.status !== 0 || !line.startsWith('{')) throw new Error(`${mode} child failed: ${res.stderr}`)
  return JSON.parse(line) as T
}

if (process.env.SMO_SYNC_BENCH_CHILD) {
  const [root = '', file = ''] = process.env.SMO_SYNC_BENCH_CHILD.split('\n')
  coldMergeChild(root, file)
}
if (process.env.SMO_SYNC_BENCH_SIGNED) {
  const [root = '', file = ''] = process.env.SMO_SYNC_BENCH_SIGNED.split('\n')
  signedJoinChild(root, file)
}
if (process.env.SMO_SYNC_BENCH_SIGNED_JOIN) {
  const [root = '', file = ''] = process.env.SMO_SYNC_BENCH_SIGNED_JOIN.split('\n')
  signedSnapshotJoinChild(root, file)
}
if (process.env.SMO_SYNC_BENCH_JOIN) {
  const [root = '', file = ''] = process.env.SMO_SYNC_BENCH_JOIN.split('\n')
  joinChild(root, file)
}

/** Child mode: a new member of a signed team reads and verifies every file of ROOT into DB. */
function signedJoinChild(root: string, file: string): void {
  const db = openDb(file)
  const store = new SqliteSyncStore(db, 'ffffffffffffffff', { now: () => T0 })
  const folder = new SyncFolder(root, { teamId: TEAM })
  const guard = signingGuard(db, readBenchTrust(root))
  const r = timed(() => pullFolder(store, folder, T0 + 86_400_000, guard))
  const count = (q: string): number => (db.prepare(q).get() as { n: number }).n
  const rows = TABLES.reduce((n, t) => n + count(`SELECT count(*) AS n FROM "${t}"`), 0)
  if (r.value.refused > 0) throw new Error(`signed join refused ${r.value.refused} ops: ${JSON.stringify(r.value.problems.slice(0, 3))}`)
  const out: ColdResult = { ms: r.ms, cpuMs: r.cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, applied: r.value.applied, fields: count(`SELECT count(*) AS n FROM field_head`), rows }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

/** Child mode: a new member of a signed team loads the root owner's signed snapshot of ROOT into DB and pulls the tail, judged. */
function signedSnapshotJoinChild(root: string, file: string): void {
  const db = openDb(file)
  const store = new SqliteSyncStore(db, 'abababababababab', { now: () => T0 })
  const folder = new SyncFolder(root, { teamId: TEAM })
  const trust = readBenchTrust(root)
  let loadMs = 0
  const r = timed(() => {
    const t = performance.now()
    const loaded = loadSnapshot({ db, recordTables: store.recordTables(), teamDir: root, teamId: TEAM, keys: [], io: realFolderIo, schema: latestVersion, accept: (m) => snapshotTrust(trust, m) })
    loadMs = performance.now() - t
    return { loaded, pull: pullFolder(store, folder, T0 + 86_400_000, signingGuard(db, trust)) }
  })
  if (r.value.pull.refused > 0) throw new Error(`signed snapshot join refused ${r.value.pull.refused} ops`)
  const rows = TABLES.reduce((n, t) => n + (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n, 0)
  const out: JoinResult = { ms: r.ms, loadMs, cpuMs: r.cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, snapshot: r.value.loaded.loaded?.id ?? null, applied: r.value.pull.applied, skipped: r.value.pull.filesSkipped, rows }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

/**
 * With signing on (docs/SYNC-SECURITY.md): 20 members' computers each sign their files; a new
 * member joins by reading and verifying all 1M ops (signed teams do not use snapshots yet), then
 * pulls a signed 1,000-op file. `SMO_SYNC_BENCH_ONLY=signing` runs just these cases.
 */
function signingCases(): BenchResult[] {
  const results: BenchResult[] = []
  const root = tmp()
  try {
    const keys = new Map(DEVICES.map((d) => [d, newMemberKey().key]))
    keys.set('eeeeeeeeeeeeeeee', newMemberKey().key)
    keys.set(TAIL_DEV, newMemberKey().key)
    const rootKey = newMemberKey().key
    writeBenchTrust(root, keys, rootKey)
    const signed = new Map([...keys].map(([dev, k]) => [dev, new SyncFolder(root, { teamId: TEAM, signer: { keyId: k.keyId, sign: (sha) => k.sign(sha), deps: () => ({}) } })]))
    const plain = new SyncFolder(root, { teamId: TEAM })
    const w = timed(() => writeCorpus(plain, SEGMENTS, 5000, 10_000, (dev) => signed.get(dev) ?? plain))
    results.push({ name: 'sync, signed: encode + sign + write + verify 1M ops (200 signed files)', value: Math.round(w.ms), unit: 'ms', note: `one Ed25519 signature per file; CPU ${Math.round(w.cpuMs)} ms` })
    const dbFile = path.join(root, 'signed.sqlite')
    const j = child<ColdResult>('SMO_SYNC_BENCH_SIGNED', root, dbFile)
    if (j.applied !== SEGMENTS * 5000 * DEVICES.length) throw new Error(`signed join: ${JSON.stringify(j)}`)
    results.push({ name: 'sync, signed: join a team of 1M ops — read, verify signatures and roles, merge (replaying every file, when no signed snapshot is usable; in-process)', value: Math.round(j.ms), unit: 'ms', note: `${j.applied} ops applied, ${j.rows} rows; CPU ${Math.round(j.cpuMs)} ms` })
    results.push({ name: 'sync, signed: peak RSS of that join', value: Math.round(j.maxRssMb), unit: 'MB', note: 'in-process, V8 default heap' })
    const store = new SqliteSyncStore(openDb(dbFile), 'ffffffffffffffff', { now: () => T0 })
    const fresh = newStore('eeeeeeeeeeeeeeee')
    for (let i = 0; i < 1000; i++) localWrite(fresh, T0 + i, [{ t: 'content_item', r: `01JNEW${String(i % 300).padStart(20, '0')}`, set: { title: `t${i}` } }])
    flushOutbox(fresh, signed.get('eeeeeeeeeeeeeeee') ?? plain)
    const guard = signingGuard(store.database, readBenchTrust(root))
    const p = timed(() => pullFolder(store, plain, T0 + 86_400_000, guard))
    if (p.value.applied !== 1000) throw new Error(`signed pull: ${JSON.stringify(p.value)}`)
    results.push({ name: 'sync, signed: pull 1,000 new signed ops (on top of 1M, 201 files listed)', value: Math.round(p.ms * 10) / 10, unit: 'ms', target: '≤ 100 ms', note: `${p.value.applied} applied, ${p.value.refused} refused` })
    // The root owner's computer (device 0…0 in the bench trust) signs a snapshot of that state; a
    // teammate adds a signed 50,000-op tail; a new member joins from the verified snapshot.
    const snap = timed(() =>
      createSnapshot({ db: store.database, recordTables: store.recordTables(), teamDir: root, teamId: TEAM, device: '0000000000000000', dataKey: null, io: realFolderIo, now: T0, hlc: formatHlc({ millis: T0 + 10_000_000, counter: 0, device: '0000000000000000' }), lastPublished: 0, signer: { keyId: rootKey.keyId, sign: (t) => rootKey.sign(t) } })
    )
    results.push({ name: 'sync, signed: write and sign a snapshot of the 1M-op state', value: Math.round(snap.ms), unit: 'ms' })
    publishTail(signed.get(TAIL_DEV) ?? plain)
    const sj = child<JoinResult>('SMO_SYNC_BENCH_SIGNED_JOIN', root, path.join(root, 'signed-joiner.sqlite'))
    if (sj.snapshot === null || sj.applied !== 50_000) throw new Error(`signed join from snapshot: ${JSON.stringify(sj)}`)
    results.push({ name: 'sync, signed: join a team of 1M ops from its signed snapshot + 50,000-op signed tail', value: Math.round(sj.ms), unit: 'ms', target: '≤ 10000 ms', note: `snapshot signature checked; load ${Math.round(sj.loadMs)} ms, tail ${sj.applied} ops verified and applied; CPU ${Math.round(sj.cpuMs)} ms` })
    results.push({ name: 'sync, signed: peak RSS of that join', value: Math.round(sj.maxRssMb), unit: 'MB', target: '≤ 500 MB' })
  } finally {
    for (const db of dbs.splice(0)) db.close()
    fs.rmSync(root, { recursive: true, force: true })
  }
  return results
}

export default async function run(): Promise<BenchResult[]> {
  if (process.env.SMO_SYNC_BENCH_ONLY === 'signing') return signingCases()
  const results: BenchResult[] = []
  const key: DataKey = { keyId: 'k1', key: randomBytes(32) }

  // 1. Cold 1 M ops: 20 devices × 10 sealed segments × 5,000 ops, merged into an empty workspace.
  const root = tmp()
  try {
    const folder = new SyncFolder(root, { teamId: TEAM })
    const w = timed(() => writeCorpus(folder, SEGMENTS, 5000, 10_000))
    const bytes = DEVICES.reduce((sum, d) => sum + fs.readdirSync(path.join(root, 'devices', d)).reduce((s, f) => s + fs.statSync(path.join(root, 'devices', d, f)).size, 0), 0)
    results.push({ name: 'sync: encode + gzip + write + verify 1M ops (200 sealed segments)', value: Math.round(w.ms), unit: 'ms', note: `${(bytes / 1e6).toFixed(1)} MB on disk; CPU ${Math.round(w.cpuMs)} ms` })
    // As the app does it: a bulk pull goes to a child process with a capped heap (pullInChild).
    const dbFile = path.join(root, 'cold.sqlite')
    // An empty, migrated workspace database for the child to fill.
    const init = openDb(dbFile)
    dbs.splice(dbs.indexOf(init), 1)
    init.close()
    const viaChild = timed(() => pullInChild({ db: dbFile, dir: root, teamId: TEAM, device: 'ffffffffffffffff', keys: [], signed: false, wallMs: T0 + 86_400_000, schema: latestVersion, app: '0.1.0' }))
    const pc = viaChild.value
    if (pc === null || pc.report.applied !== 1_000_000) throw new Error(`cold pull in a child failed: ${JSON.stringify(pc?.report)}`)
    const count = (q: string): number => {
      const db = new Database(dbFile, { readonly: true })
      try {
        return (db.prepare(q).get() as { n: number }).n
      } finally {
        db.close()
      }
    }
    const rows = TABLES.reduce((n, t) => n + count(`SELECT count(*) AS n FROM "${t}"`), 0)
    results.push({ name: 'sync: cold read + verify + merge 1M ops into SQLite, streamed per segment (as the app runs it: child process)', value: Math.round(viaChild.ms), unit: 'ms', target: '≤ 10000 ms', note: `incl. starting the child; ${pc.report.applied} ops applied, ${count('SELECT count(*) AS n FROM field_head')} field heads, ${rows} rows; DB ${(fs.statSync(dbFile).size / 1e6).toFixed(0)} MB` })
    results.push({ name: 'sync: peak RSS of the process doing the cold merge', value: pc.maxRssMb, unit: 'MB', target: '≤ 500 MB', note: 'the child: open, read, merge, commit, with --max-old-space-size=512 --max-semi-space-size=32' })
    // The fallback (no child possible): the same merge in one process with V8's default heap sizing.
    const inProc = child<ColdResult>('SMO_SYNC_BENCH_CHILD', root, path.join(root, 'cold-inprocess.sqlite'))
    results.push({ name: 'sync: the same cold merge in-process (fallback when no child can start)', value: Math.round(inProc.ms), unit: 'ms', note: `peak RSS ${Math.round(inProc.maxRssMb)} MB with V8's default heap sizing; CPU ${Math.round(inProc.cpuMs)} ms` })

    // 2. Incremental: one teammate publishes 1,000 new ops; pull them into the 1M-op database.
    const store = new SqliteSyncStore(openDb(dbFile), 'ffffffffffffffff', { now: () => T0 })
    const fresh = newStore('eeeeeeeeeeeeeeee')
    for (let i = 0; i < 1000; i++) localWrite(fresh, T0 + i, [{ t: 'content_item', r: `01JNEW${String(i % 300).padStart(20, '0')}`, set: { title: `t${i}` } }])
    flushOutbox(fresh, new SyncFolder(root, { teamId: TEAM }))
    const p = timed(() => pullFolder(store, folder, T0 + 86_400_000))
    results.push({ name: 'sync: pull 1,000 new ops (on top of 1M, 201 files listed)', value: Math.round(p.ms * 10) / 10, unit: 'ms', target: '≤ 100 ms', note: `${p.value.applied} applied, ${p.value.filesSkipped} cached files skipped` })

    // 3. Snapshot of that state, then 50,000 more ops from one teammate, then a new member joins.
    const snap = timed(() =>
      createSnapshot({ db: store.database, recordTables: store.recordTables(), teamDir: root, teamId: TEAM, device: store.device, dataKey: null, io: realFolderIo, now: T0, hlc: formatHlc({ millis: T0 + 10_000_000, counter: 0, device: store.device }), lastPublished: 0 })
    )
    const snapFile = path.join(root, 'snapshots', snap.value?.file ?? '')
    results.push({ name: 'sync: write a snapshot of the 1M-op state (VACUUM INTO, trim, gzip, publish)', value: Math.round(snap.ms), unit: 'ms', note: `${(fs.statSync(snapFile).size / 1e6).toFixed(1)} MB in the folder` })
    publishTail(folder)
    const j = child<JoinResult>('SMO_SYNC_BENCH_JOIN', root, path.join(root, 'joiner.sqlite'))
    if (j.snapshot === null || j.applied !== 50_000) throw new Error(`join from snapshot: ${JSON.stringify(j)}`)
    results.push({ name: 'sync: join from a snapshot (1M ops) + 50,000-op tail', value: Math.round(j.ms), unit: 'ms', target: '≤ 5000 ms', note: `load ${Math.round(j.loadMs)} ms, tail ${j.applied} ops applied, ${j.skipped} covered files skipped on their header; peak RSS ${Math.round(j.maxRssMb)} MB` })
  } finally {
    for (const db of dbs.splice(0)) db.close()
    fs.rmSync(root, { recursive: true, force: true })
  }

  // 3. Idle round: 20 devices × 50 small files, nothing new.
  const idleRoot = tmp()
  const idleDbs = tmp()
  try {
    const folder = new SyncFolder(idleRoot, { teamId: TEAM, durable: false })
    for (const dev of DEVICES) {
      const s = newStore(dev, idleDbs)
      for (let f = 0; f < 50; f++) {
        localWrite(s, T0 + f, [{ t: 'goal', r: `01JIDLE${dev}`, set: { objective: `t${f}` } }])
        flushOutbox(s, folder)
      }
    }
    const reader = newStore('dddddddddddddddd', idleDbs)
    pullFolder(reader, folder, T0)
    const runs = Array.from({ length: 5 }, () => timed(() => pullFolder(reader, folder, T0)).ms).sort((a, b) => a - b)
    results.push({ name: 'sync: idle round, 20 devices × 50 files, nothing new (median of 5)', value: Math.round((runs[2] ?? 0) * 10) / 10, unit: 'ms', target: '≤ 50 ms' })
  } finally {
    for (const db of dbs.splice(0)) db.close()
    fs.rmSync(idleRoot, { recursive: true, force: true })
    fs.rmSync(idleDbs, { recursive: true, force: true })
  }

  // 4. Encrypted overhead: same 100 k-op corpus, plaintext vs AES-256-GCM blocks, write and read.
  const cost = (enc: boolean): { write: number; read: number } => {
    const r = tmp()
    try {
      const folder = new SyncFolder(r, { teamId: TEAM, writeKey: enc ? key : null, readKeys: [key] })
      const write = timed(() => writeCorpus(folder, 1, 5000, 2000)).ms
      const read = timed(() => pullFolder(newStore('cccccccccccccccc', r), folder, T0)).ms
      return { write, read }
    } finally {
      for (const db of dbs.splice(0)) db.close()
      fs.rmSync(r, { recursive: true, force: true })
    }
  }
  const runs = [cost(false), cost(true), cost(false), cost(true), cost(false), cost(true)]
  const best = (enc: boolean, k: 'write' | 'read'): number => Math.min(...runs.filter((_, i) => i % 2 === (enc ? 1 : 0)).map((x) => x[k]))
  const pct = (a: number, b: number): number => Math.round(((a - b) / b) * 1000) / 10
  results.push({ name: 'sync: encrypted-mode overhead, read + verify + merge 100k ops (SQLite)', value: pct(best(true, 'read'), best(false, 'read')), unit: '%', target: '≤ 10 %', note: `plain ${Math.round(best(false, 'read'))} ms, encrypted ${Math.round(best(true, 'read'))} ms` })
  results.push({ name: 'sync: encrypted-mode overhead, encode + write + verify 100k ops', value: pct(best(true, 'write'), best(false, 'write')), unit: '%', target: '≤ 10 %', note: `plain ${Math.round(best(false, 'write'))} ms, encrypted ${Math.round(best(true, 'write'))} ms` })
  results.push(...signingCases())
  return results
}
