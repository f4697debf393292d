/**
 * Scoring + allocation benchmark. The harness imports the default export and runs it under Node 24
 * (tsx). Inputs come from a seeded PRNG so every run measures the same work.
 */
import {
  allocateHours,
  hoursForTargets,
  scoreChannels,
  sensitivity,
  type ScoringChannel,
  type ScoringGoal,
  type ScoringOptions
} from '../src/core/scoring'
import { seededUniform } from '../src/core/scoring/seededUniform'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

function generate(channelCount: number, goalCount: number, seed: number): { channels: ScoringChannel[]; goals: ScoringGoal[] } {
  const rnd = seededUniform(seed)
  const goals: ScoringGoal[] = Array.from({ length: goalCount }, (_, i) => {
    const target = 100 + Math.floor(rnd() * 10_000)
    return { id: `g${i}`, name: `Goal ${i}`, driver: 'pipeline', target, current: Math.floor(rnd() * target * 1.1), baseline: 0, weight: 1 + Math.floor(rnd() * 5) }
  })
  const channels: ScoringChannel[] = Array.from({ length: channelCount }, (_, i) => ({
    id: `ch${String(i).padStart(6, '0')}`,
    name: `Channel ${i}`,
    status: rnd() < 0.05 ? 'retired' : 'active',
    audience: Math.floor(rnd() * 50_000),
    postsPerWeek: 0.25 + rnd() * 7,
    hoursPerPost: rnd() * 4,
    fixedHoursPerMonth: rnd() * 10,
    costPerMonth: rnd() < 0.3 ? rnd() * 2_000 : 0,
    confidence: 0.1 + rnd() * 0.9,
    // Worst case: every channel linked to every goal.
    links: goals.map((g) => ({ goalId: g.id, rate: rnd() * 5 })),
    estimatesUpdatedAt: rnd() < 0.2 ? null : `2026-${String(1 + Math.floor(rnd() * 11)).padStart(2, '0')}-15`
  }))
  return { channels, goals }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

function time(runs: number, fn: () => void): number {
  for (let i = 0; i < 3; i += 1) fn() // warm the JIT so the median measures steady state
  const samples: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

const round = (ms: number): number => Math.round(ms * 100) / 100

export default async function run(): Promise<BenchResult[]> {
  const options: ScoringOptions = { periodWeeks: 13, blendedHourlyRate: 80, today: '2026-11-23' }
  const results: BenchResult[] = []
  for (const [count, target, runs] of [
    [1_000, 20, 21],
    [10_000, 200, 11]
  ] as const) {
    const { channels, goals } = generate(count, 20, 42)
    const total = time(runs, () => {
      const scored = scoreChannels(channels, goals, options)
      allocateHours({ channels: scored, capacityHours: 400, sliceHours: 0.5 })
    })
    const scored = scoreChannels(channels, goals, options)
    const scoreOnly = time(runs, () => scoreChannels(channels, goals, options))
    const allocOnly = time(runs, () => allocateHours({ channels: scored, capacityHours: 400, sliceHours: 0.5 }))
    const label = count.toLocaleString('en-US')
    results.push({
      name: `score + allocate, ${label} channels × 20 goals, 400 h in 0.5 h slices`,
      value: round(total),
      unit: 'ms',
      target: `< ${target} ms`,
      note: `median of ${runs}; scoring ${round(scoreOnly)} ms, allocation ${round(allocOnly)} ms (heap, 800 slices)`
    })
    if (count === 1_000) {
      const targets = time(runs, () => hoursForTargets({ channels: scored, goals, capacityHours: 400 }))
      results.push({ name: `fewest hours for every target, ${label} channels × 20 goals`, value: round(targets), unit: 'ms', note: `median of ${runs}` })
    }
  }
  const small = generate(100, 20, 7)
  const sens = time(5, () => sensitivity(small.channels, small.goals, options, 10))
  results.push({ name: 'sensitivity, top 10 of 100 channels × 20 goals', value: round(sens), unit: 'ms', note: 'median of 5; bisection per input' })
  return results
}
