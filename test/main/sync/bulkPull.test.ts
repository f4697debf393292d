/**
 * The bulk path of a pull (past 1,000 remote ops in one file's batch: no history rows, heads of a
 * linear history advanced in place as PackedHeads, registers written back 64 rows per INSERT) must
 * leave exactly the registers of the in-memory reference store (core's MemorySyncStore, which the
 * model property tests check against the model) pulling the same files: every head with its stamp,
 * value and base, parked writes and open conflicts; and every row must show its fields' winners.
 * Histories are random: three devices editing 40 rows × 3 columns with deletes, publishing files
 * of over a thousand ops and pulling partial views in between, so files arrive out of causal order
 * and concurrent edits make conflicts.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { localWrite } from '../../../src/core/sync/localWrite'
import { MemorySyncStore } from '../../../src/core/sync/memorySyncStore'
import { DELETED_COLUMN } from '../../../src/core/sync/op'
import { openConflicts } from '../../../src/core/sync/openConflicts'
import { fieldValue, replicaDigest } from '../../../src/core/sync/replicaDigest'
import type { SyncStore } from '../../../src/core/sync/syncStore'
import { flushOutbox, pullFolder } from '../../../src/main/backend/sync/folderSync'
import { realFolderIo } from '../../../src/main/backend/sync/folderIo'
import type { FolderIo } from '../../../src/main/backend/sync/folderIo'
import { SqliteSyncStore } from '../../../src/main/backend/sync/sqliteSyncStore'
import { SyncFolder } from '../../../src/main/backend/sync/syncFolder'
import { tempDir } from '../helpers/tempWorkspace'
import { migratedDb } from './sqliteStoreFactory'
import { prng } from './faultyIo'

const TEAM = '01JBULKTEAM000000000000000'
const DEVS = ['a1a1a1a1a1a1a1a1', 'b2b2b2b2b2b2b2b2', 'c3c3c3c3c3c3c3c3']
const COLS = ['name', 'handle', 'notes']
const T0 = Date.UTC(2026, 10, 23)
const RUNS = Number(process.env.SYNC_BULK_RUNS ?? 6)

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

function store(dev: string): SqliteSyncStore {
  const db = migratedDb()
  cleanups.push(() => db.close())
  return new SqliteSyncStore(db, dev, { now: () => T0 })
}

/** Every register in full (bases included, which replicaDigest leaves out), parked writes, conflicts. */
function registers(s: SyncStore): string {
  const fields = s.allFields().sort((a, b) => (`${a.tbl}/${a.row}/${a.col}` < `${b.tbl}/${b.row}/${b.col}` ? -1 : 1))
  const lines = fields.map((f) => `${f.tbl}/${f.row}/${f.col} ${JSON.stringify([...s.heads(f)].map((h) => [h.id, h.h, h.v, h.b]).sort())}`)
  return `${replicaDigest(s)}\n${lines.join('\n')}\n${JSON.stringify(openConflicts(s))}`
}

/** Each row shows the winner of each of its fields (materialisation is part of the state). */
function checkRows(s: SqliteSyncStore): void {
  for (const row of s.database.prepare(`SELECT id, name, handle, notes, deleted_at FROM channel`).all() as Record<string, string | null>[]) {
    for (const col of COLS) {
      const want = fieldValue(s, { tbl: 'channel', row: String(row.id), col })
      if (want !== undefined) expect(row[col]).toBe(want)
    }
    const del = fieldValue(s, { tbl: 'channel', row: String(row.id), col: DELETED_COLUMN })
    if (del !== undefined) expect(row.deleted_at !== null).toBe(del === true)
  }
}

/** A view of the folder showing only the ops files `show` lets through. */
const view = (show: (name: string) => boolean): FolderIo => ({ ...realFolderIo, readdir: (dir: string) => realFolderIo.readdir(dir).filter((n) => !n.startsWith('ops-') || show(n)) })

describe('a bulk pull', () => {
  it('leaves the same registers as the in-memory reference, and rows that show the winners', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const rand = prng(seed)
        const t = tempDir('smo-bulk-')
        cleanups.push(t.cleanup)
        const root = join(t.dir, 'team')
        mkdirSync(root)
        const folder = new SyncFolder(root, { teamId: TEAM, durable: false })
        const devices = DEVS.map(store)
        let clock = T0
        for (let step = 0; step < 4000; step++) {
          const d = devices[Math.floor(rand() * devices.length)] as SqliteSyncStore
          clock += 1000
          const r = `01JBULKROW${String(Math.floor(rand() * 40)).padStart(16, '0')}`
          if (rand() < 0.05) localWrite(d, clock, [{ t: 'channel', r, set: { _deleted: rand() < 0.8 } }])
          else localWrite(d, clock, [{ t: 'channel', r, set: { [COLS[Math.floor(rand() * COLS.length)] as string]: `v${step}` } }])
          if (rand() < 0.0008) flushOutbox(d, folder)
          if (rand() < 0.002) pullFolder(d, new SyncFolder(root, { teamId: TEAM, durable: false, io: view(() => rand() < 0.6) }), clock)
        }
        for (const d of devices) flushOutbox(d, folder)

        const bulk = store('dddddddddddddddd')
        const r = pullFolder(bulk, folder, clock)
        expect(r.applied).toBeGreaterThan(3000)
        const ref = new MemorySyncStore('eeeeeeeeeeeeeeee')
        pullFolder(ref, folder, clock)
        expect(registers(bulk)).toBe(registers(ref))
        checkRows(bulk)
        expect(openConflicts(bulk).length).toBeGreaterThan(0)
        for (const c of cleanups.splice(0)) c()
      }),
      { numRuns: RUNS, seed: Number(process.env.SYNC_PROPERTY_SEED ?? Date.now() % 2 ** 31) }
    )

  }, 120_000)
})
