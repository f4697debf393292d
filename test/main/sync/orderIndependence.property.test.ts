/**
 * I5 on SQLite (SYNC.md §3.1): the files of a random multi-device history, applied to fresh SQLite
 * replicas in folder order, in a random permutation, and in random partial subsets followed by
 * everything (with re-reads), give the same digest and the same app rows. The bulk path groups files
 * into one transaction and keeps receipts as runs, so this is checked on the real store.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deleteRow, localWrite } from '../../../src/core/sync/localWrite'
import { parseOpRecord } from '../../../src/core/sync/op'
import type { ReceivedOp } from '../../../src/core/sync/op'
import { receiveOps } from '../../../src/core/sync/receiveOps'
import { replicaDigest } from '../../../src/core/sync/replicaDigest'
import { flushOutbox, pullFolder } from '../../../src/main/backend/sync/folderSync'
import { SyncFolder } from '../../../src/main/backend/sync/syncFolder'
import type Database from 'better-sqlite3'
import { makeSqliteStore } from './sqliteStoreFactory'
import type { ModelStore } from './syncModel'

type SqliteModelStore = ModelStore & { db: Database.Database }

const RUNS = Number(process.env.SYNC_I5_RUNS ?? 100)
const TEAM = '01JTEAM000000000000000000T'
const WRITERS = ['a0a0a0a0a0a0a0a0', 'a1a1a1a1a1a1a1a1', 'a2a2a2a2a2a2a2a2']
const ROWS = ['01JROW0000000000000000000A', '01JROW0000000000000000000B', '01JROW0000000000000000000C']
const COLS = ['name', 'handle', 'notes']

type Step = { dev: number; k: 'edit' | 'delete' | 'pull'; row: number; col: number; val: number }
const stepArb: fc.Arbitrary<Step> = fc.record({
  dev: fc.integer({ min: 0, max: 2 }),
  k: fc.constantFrom('edit', 'edit', 'edit', 'delete', 'pull'),
  row: fc.integer({ min: 0, max: 2 }),
  col: fc.integer({ min: 0, max: 2 }),
  val: fc.integer({ min: 0, max: 5 })
})

function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/** One file into one replica, decoded the way pullFolder does, in its own transaction. */
function applyFile(store: SqliteModelStore, folder: SyncFolder, rel: string): void {
  const decoded = folder.read(rel)
  if (decoded.status !== 'ok') throw new Error(`unreadable ${rel}`)
  const batch: ReceivedOp[] = []
  for (const text of decoded.records) {
    const op = parseOpRecord(decoded.header.dev, JSON.parse(text))
    if (op) batch.push({ op, hash: store.fingerprint(text) })
  }
  receiveOps(store, batch, 0)
}

function state(store: SqliteModelStore): string {
  const rows = store.db.prepare(`SELECT id, name, handle, notes, deleted_at FROM channel ORDER BY id`).all()
  return `${replicaDigest(store)}\n${JSON.stringify(rows)}`
}

describe('I5 order independence on SQLite', () => {
  it(`gives one state for every order and partial view over ${RUNS} runs`, () => {
    const seed = Number(process.env.SYNC_PROPERTY_SEED ?? Date.now() % 2 ** 31)
    console.log(`I5 sqlite seed: ${seed} (replay with SYNC_PROPERTY_SEED=${seed})`)
    const schema = new Map([['channel', new Set([...COLS, '_deleted'])]])
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 8, maxLength: 40 }), fc.integer(), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), (steps, order, subsets) => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'smo-i5-'))
        const stores: SqliteModelStore[] = []
        const open = (dev: string): SqliteModelStore => {
          const s = makeSqliteStore(dev, schema) as SqliteModelStore
          stores.push(s)
          return s
        }
        try {
          const folder = new SyncFolder(root, { teamId: TEAM, durable: false })
          const writers = WRITERS.map(open)
          steps.forEach((st, t) => {
            const w = writers[st.dev] as SqliteModelStore
            const row = ROWS[st.row] as string
            if (st.k === 'pull') pullFolder(w, folder, t)
            else if (st.k === 'delete') deleteRow(w, t, 'channel', row)
            else localWrite(w, t, [{ t: 'channel', r: row, set: { [COLS[st.col] as string]: `v${st.val}` } }])
            // One file per op: as many files, and so as many orders, as possible.
            flushOutbox(w, folder)
          })
          const files = folder.listOpsFiles().map((f) => f.path)
          const inOrder = open('b0b0b0b0b0b0b0b0')
          for (const f of files) applyFile(inOrder, folder, f)
          const want = state(inOrder)
          if (steps.some((st) => st.k === 'edit')) expect(replicaDigest(inOrder)).not.toBe('')

          const permuted = open('b1b1b1b1b1b1b1b1')
          for (const f of shuffled(files, order)) applyFile(permuted, folder, f)
          expect(state(permuted)).toBe(want)

          const partial = open('b2b2b2b2b2b2b2b2')
          subsets.forEach((mod, i) => {
            for (const f of shuffled(files, order + i + 1).filter((_, j) => j % (mod + 1) === 0)) applyFile(partial, folder, f)
          })
          for (const f of shuffled(files, order ^ 0x5bd1e995)) applyFile(partial, folder, f)
          expect(state(partial)).toBe(want)

          // The grouped pull (one transaction over all files) lands in the same state too.
          const pulled = open('b3b3b3b3b3b3b3b3')
          pullFolder(pulled, folder, 0)
          expect(state(pulled)).toBe(want)
        } finally {
          for (const s of stores) s.close?.()
          fs.rmSync(root, { recursive: true, force: true })
        }
      }),
      { numRuns: RUNS, seed }
    )
  })
})
