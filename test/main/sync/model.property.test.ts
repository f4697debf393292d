import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runScenario, scenarioArb } from './syncModel'
import type { RunStats } from './syncModel'

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 1000)

describe('sync model: N devices, faulty folder views, crashes, clock skew (SYNC.md §3.2)', () => {
  it(`keeps I1–I4, I6, I7, I9–I12 over ${RUNS} runs`, () => {
    fc.statistics(
      scenarioArb,
      (sc) => {
        const ops = sc.actions.filter((a) => ['edit', 'delete', 'restore', 'resolve'].includes(a.k)).length
        return `${sc.n} devices, ${ops < 20 ? '<20' : ops < 40 ? '20-39' : '40+'} writes, ${sc.encrypted ? 'encrypted' : 'plain'}`
      },
      { numRuns: 300 }
    )
    const seed = Number(process.env.SYNC_PROPERTY_SEED ?? Date.now() % 2 ** 31)
    console.log(`sync model seed: ${seed} (replay with SYNC_PROPERTY_SEED=${seed})`)
    const totals: RunStats = { ops: 0, files: 0, conflicts: 0 }
    let runs = 0
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const s = runScenario(sc)
        totals.ops += s.ops
        totals.files += s.files
        totals.conflicts += s.conflicts
        runs++
      }),
      { numRuns: RUNS, seed }
    )
    console.log(
      `sync model: ${runs} runs, per run on average ${(totals.ops / runs).toFixed(1)} committed ops, ${(totals.files / runs).toFixed(1)} files, ${(totals.conflicts / runs).toFixed(2)} open conflicts at quiescence`
    )
    expect(totals.ops / runs).toBeGreaterThan(20)
  })
})
