/**
 * Sync phase-1 budgets (SYNC.md §3.8) on the in-memory store: cold encode/write and read/verify/merge
 * of 1 M ops streamed per segment, incremental pull of 1 k ops, an idle round over 20 devices, and
 * the encrypted-mode overhead. Phase 2 re-runs the same shapes on the SQLite store.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { hash, randomBytes } from 'node:crypto'
import { formatHlc } from '../src/core/sync/hlc'
import { localWrite } from '../src/core/sync/localWrite'
import { MemorySyncStore } from '../src/core/sync/memorySyncStore'
import { encodeOpRecord } from '../src/core/sync/op'
import type { Op } from '../src/core/sync/op'
import { flushOutbox, pullFolder } from '../src/main/backend/sync/folderSync'
import { SyncFolder } from '../src/main/backend/sync/syncFolder'
import type { DataKey } from '../src/main/backend/sync/blockCipher'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

const TEAM = '01JBENCHTEAM00000000000000'
const DEVICES = Array.from({ length: 20 }, (_, i) => (0x10 + i).toString(16).repeat(8))
const TABLES = ['calendar_item', 'campaign', 'channel', 'influencer', 'goal', 'measurement']
const COLS = ['title', 'status', 'owner', 'publish_at']
const T0 = Date.UTC(2026, 10, 23)
/** What a Node store would use as the op fingerprint: a native one-shot hash (SyncStore.fingerprint). */
const nativeHash = (text: string): string => hash('sha1', text, 'base64url')
const newStore = (dev: string): MemorySyncStore => new MemorySyncStore(dev, null, nativeHash)

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
function writeCorpus(folder: SyncFolder, segments: number, perSegment: number, rowsPerTable: number): number {
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
        const t = TABLES[Math.floor(rand() * TABLES.length)] ?? 'goal'
        const r = `01JROW${String(Math.floor(rand() * rowsPerTable)).padStart(20, '0')}`
        const col = COLS[Math.floor(rand() * COLS.length)] ?? 'title'
        const key = `${t}/${r}/${col}`
        const base = last.get(key)
        const id = `${dev}:${s}`
        last.set(key, id)
        const h = formatHlc({ millis: T0 + n * 10 + Math.floor((rand() - 0.5) * 120_000) + di, counter: 0, device: dev })
        const op: Op = { d: dev, s, h, tx: [{ t, r, set: { [col]: `value ${n} for ${col}` }, b: { [col]: base ? [base] : [] } }], x: 1, u: 'bench' }
        texts.push(encodeOpRecord(op))
      }
      folder.publish(dev, first, first + perSegment - 1, texts, true)
    }
  }
  return n
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

export default async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  const key: DataKey = { keyId: 'k1', key: randomBytes(32) }

  // 1. Cold 1 M ops: 20 devices × 10 sealed segments × 5,000 ops.
  const root = tmp()
  try {
    const folder = new SyncFolder(root, { teamId: TEAM })
    const w = timed(() => writeCorpus(folder, 10, 5000, 10_000))
    const bytes = DEVICES.reduce((sum, d) => sum + fs.readdirSync(path.join(root, 'devices', d)).reduce((s, f) => s + fs.statSync(path.join(root, 'devices', d, f)).size, 0), 0)
    results.push({ name: 'sync: encode + gzip + write + verify 1M ops (200 sealed segments)', value: Math.round(w.ms), unit: 'ms', note: `${(bytes / 1e6).toFixed(1)} MB on disk; CPU ${Math.round(w.cpuMs)} ms` })
    const store = newStore('ffffffffffffffff')
    const rssBefore = process.memoryUsage().rss
    let peak = rssBefore
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    const r = timed(() => pullFolder(store, folder, T0 + 86_400_000))
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024 > peak ? peak : 0)
    results.push({ name: 'sync: cold read + verify + merge 1M ops, streamed per segment', value: Math.round(r.ms), unit: 'ms', target: '≤ 10000 ms', note: `CPU ${Math.round(r.cpuMs)} ms; ${r.value.applied} ops applied, ${store.allFields().length} fields` })
    results.push({ name: 'sync: RSS after cold merge (in-memory store holds all heads)', value: Math.round(peak / 1e6), unit: 'MB', target: '≤ 500 MB', note: `process peak maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB incl. corpus generation` })

    // 2. Incremental: one teammate publishes 1,000 new ops; pull them.
    const own = new SyncFolder(root, { teamId: TEAM })
    const fresh = newStore('eeeeeeeeeeeeeeee')
    for (let i = 0; i < 1000; i++) localWrite(fresh, T0 + i, [{ t: 'calendar_item', r: `01JNEW${String(i % 300).padStart(20, '0')}`, set: { title: `t${i}` } }])
    flushOutbox(fresh, own)
    const p = timed(() => pullFolder(store, folder, T0 + 86_400_000))
    results.push({ name: 'sync: pull 1,000 new ops (on top of 1M, 201 files listed)', value: Math.round(p.ms * 10) / 10, unit: 'ms', target: '≤ 100 ms', note: `${p.value.applied} applied, ${p.value.filesSkipped} cached files skipped` })
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }

  // 3. Idle round: 20 devices × 50 small files, nothing new.
  const idleRoot = tmp()
  try {
    const folder = new SyncFolder(idleRoot, { teamId: TEAM, durable: false })
    for (const dev of DEVICES) {
      const s = newStore(dev)
      for (let f = 0; f < 50; f++) {
        localWrite(s, T0 + f, [{ t: 'goal', r: `01JIDLE${dev}`, set: { title: `t${f}` } }])
        flushOutbox(s, folder)
      }
    }
    const reader = newStore('dddddddddddddddd')
    pullFolder(reader, folder, T0)
    const runs = Array.from({ length: 5 }, () => timed(() => pullFolder(reader, folder, T0)).ms).sort((a, b) => a - b)
    results.push({ name: 'sync: idle round, 20 devices × 50 files, nothing new (median of 5)', value: Math.round((runs[2] ?? 0) * 10) / 10, unit: 'ms', target: '≤ 50 ms' })
  } finally {
    fs.rmSync(idleRoot, { recursive: true, force: true })
  }

  // 4. Encrypted overhead: same 200 k-op corpus, plaintext vs AES-256-GCM blocks, write and read.
  const cost = (enc: boolean): { write: number; read: number } => {
    const r = tmp()
    try {
      const folder = new SyncFolder(r, { teamId: TEAM, writeKey: enc ? key : null, readKeys: [key] })
      const write = timed(() => writeCorpus(folder, 1, 5000, 2000)).ms
      const read = timed(() => pullFolder(newStore('cccccccccccccccc'), folder, T0)).ms
      return { write, read }
    } finally {
      fs.rmSync(r, { recursive: true, force: true })
    }
  }
  const runs = [cost(false), cost(true), cost(false), cost(true), cost(false), cost(true)]
  const best = (enc: boolean, k: 'write' | 'read'): number => Math.min(...runs.filter((_, i) => i % 2 === (enc ? 1 : 0)).map((x) => x[k]))
  const pct = (a: number, b: number): number => Math.round(((a - b) / b) * 1000) / 10
  results.push({ name: 'sync: encrypted-mode overhead, read + verify + merge 100k ops', value: pct(best(true, 'read'), best(false, 'read')), unit: '%', target: '≤ 10 %', note: `plain ${Math.round(best(false, 'read'))} ms, encrypted ${Math.round(best(true, 'read'))} ms` })
  results.push({ name: 'sync: encrypted-mode overhead, encode + write + verify 100k ops', value: pct(best(true, 'write'), best(false, 'write')), unit: '%', target: '≤ 10 %', note: `plain ${Math.round(best(false, 'write'))} ms, encrypted ${Math.round(best(true, 'write'))} ms` })
  return results
}
