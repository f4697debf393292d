/**
 * The phase-1 model property and mutant suite again, on the SQLite store (SYNC.md §3.2): the same
 * invariants, plus "every app row shows its fields' winners". Shrunk counterexamples go below.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyFieldWrite } from '../../../src/core/sync/fieldRegister'
import type { FieldWrite } from '../../../src/core/sync/fieldRegister'
import type { FieldRef } from '../../../src/core/sync/syncStore'
import { SqliteSyncStore } from '../../../src/main/backend/sync/sqliteSyncStore'
import { checkRows, makeSqliteStore } from './sqliteStoreFactory'
import { runScenario, scenarioArb } from './syncModel'
import type { RunStats, Variant } from './syncModel'

const RUNS = Number(process.env.SYNC_SQLITE_RUNS ?? 250)
const sqlite: Variant = { makeStore: (d, s) => makeSqliteStore(d, s), checkReplica: checkRows }

// The store merges remote writes in one step (applyWrite); the mutants route them through the port
// steps of applyFieldWrite so that the broken step is the one used.
class NoCausality extends SqliteSyncStore {
  override applyWrite(f: FieldRef, w: FieldWrite): void {
    applyFieldWrite(this, f, w)
  }
  override removeHead(_f: FieldRef, _id: string): void {}
}
class NoRefs extends SqliteSyncStore {
  override applyWrite(f: FieldRef, w: FieldWrite): void {
    applyFieldWrite(this, f, w)
  }
  override addRef(_f: FieldRef, _id: string): void {}
}

describe('SQLite store under the sync model', () => {
  it(`keeps the invariants and materialises winners over ${RUNS} runs`, () => {
    const seed = Number(process.env.SYNC_PROPERTY_SEED ?? Date.now() % 2 ** 31)
    console.log(`sqlite sync model seed: ${seed} (replay with SYNC_PROPERTY_SEED=${seed})`)
    const totals: RunStats = { ops: 0, files: 0, conflicts: 0 }
    let runs = 0
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const s = runScenario(sc, sqlite)
        totals.ops += s.ops
        totals.files += s.files
        totals.conflicts += s.conflicts
        runs++
      }),
      { numRuns: RUNS, seed }
    )
    console.log(`sqlite sync model: ${runs} runs, ${(totals.ops / runs).toFixed(1)} ops, ${(totals.files / runs).toFixed(1)} files, ${(totals.conflicts / runs).toFixed(2)} conflicts per run`)
    expect(totals.ops / runs).toBeGreaterThan(20)
  })

  const mutants: Record<string, Variant> = {
    'M1 winner = max HLC ignoring causality': { makeStore: (d, s) => makeSqliteStore(d, s, NoCausality) },
    'M5 refs forgotten': { makeStore: (d, s) => makeSqliteStore(d, s, NoRefs) }
  }
  for (const [name, variant] of Object.entries(mutants)) {
    it(`catches ${name} on SQLite`, () => {
      const details = fc.check(fc.property(scenarioArb, (sc) => void runScenario(sc, variant)), { numRuns: 100, endOnFailure: true, seed: 42 })
      console.log(`${name} (sqlite): ${details.failed ? `caught at run ${details.numRuns}` : 'NOT caught'}`)
      expect(details.failed).toBe(true)
    })
  }
})
