/**
 * The priority model (issue #12): recompute with stability (200 seeded draws) and sensitivity on the demo
 * workspace (target ≤ 100 ms) and on a synthetic 1,000 channels × 20 goals (target ≤ 1 s). The demo
 * figure is taken twice: the pure model on inputs read once, and the whole `score-model` call.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { planPriorities, seededUniform, type ModelChannel, type ModelGoal, type ModelInput, type ModelPost } from '../src/core/scoring'
import { createBackend } from '../src/main/backend/backend'
import { writeDemo } from '../src/main/backend/demo/writeDemo'
import { dispatch } from '../src/main/backend/dispatch'
import { openWorkspace } from '../src/main/backend/openWorkspace'
import { modelInputs } from '../src/main/backend/services/modelInputs'
import { memorySettings } from '../src/main/backend/settings/confSettings'
import { fileSecrets } from '../src/main/backend/settings/fileSecrets'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

async function timed(runs: number, f: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2; i += 1) await f()
  const samples: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now()
    await f()
    samples.push(performance.now() - t)
  }
  return median(samples)
}

/** 1,000 channels, 20 goals (4 of them rates), each channel serving 3 goals, 12 published posts each. */
export function synthetic(): ModelInput {
  const rand = seededUniform(99)
  const goals: ModelGoal[] = Array.from({ length: 20 }, (_, i) => ({
    id: `G${i}`, name: `Goal ${i}`, kind: i % 5 === 4 ? 'rate' : 'count', unit: '', baseline: i % 5 === 4 ? 20 : 0, target: i % 5 === 4 ? 30 : 500 + 100 * i,
    stretchTarget: null, current: i % 5 === 4 ? 22 : 100, weight: 1 + (i % 3), periodStart: '2026-10-01', periodEnd: '2026-12-31'
  }))
  const channels: ModelChannel[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `C${String(i).padStart(4, '0')}`, name: `Channel ${i}`, platform: ['linkedin', 'blog', 'x', 'newsletter'][i % 4] ?? 'other',
    status: i % 50 === 0 ? 'paused' : i % 97 === 0 ? 'proposed' : 'active', audience: 1000 + Math.floor(rand() * 50_000), organicReachShare: null, reachNote: '',
    postsPerWeek: 0.5 + rand() * 4, hoursPerPost: 0.5 + rand() * 6, fixedHoursPerMonth: rand() * 8, costPerMonth: 0, confidence: 0.3 + rand() * 0.6,
    links: [0, 1, 2].map((k) => {
      const g = (i * 7 + k * 3) % 20
      return { goalId: `G${g}`, rate: g % 5 === 4 ? 15 + rand() * 20 : rand() * 3 }
    }),
    trialHoursPerWeek: null
  }))
  const posts: ModelPost[] = channels.flatMap((c) =>
    Array.from({ length: 12 }, (_, k) => ({ channelId: c.id, goalKey: `g${(Number(c.id.slice(1)) * 7) % 20}`, date: `2026-${String(9 + (k % 3)).padStart(2, '0')}-${String(1 + k).padStart(2, '0')}`, reach: 200 + rand() * 3000, conversions: rand() * 3 }))
  )
  return { channels, goals, posts, goalKeys: new Map(goals.map((g) => [g.id, g.id.toLowerCase()])), members: [{ id: 'M', name: 'Team', capacityHours: 4000, otherWorkHours: 0, plannedContentHours: 0 }], pins: [] }
}

export default async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'smo-bench-model-'))
  try {
    const ws = await openWorkspace(join(dir, 'ws'), { create: true, lock: 'bench' })
    const now = Date.parse('2026-11-23T10:00:00Z')
    const b = createBackend(ws, memorySettings(), fileSecrets(join(dir, 'userdata')), () => now)
    try {
      writeDemo(b, { seed: 1, today: '2026-11-23' })
      const demo = modelInputs(b)
      const pure = await timed(20, () => planPriorities(demo.input, { today: demo.asOf }))
      const call = await timed(20, async () => {
        const r = await dispatch(b, 'score-model', {})
        if (!r.ok) throw new Error(r.error.message)
      })
      const big = synthetic()
      const large = await timed(5, () => planPriorities(big, { today: '2026-11-16' }))
      return [
        { name: 'Priorities recompute with stability, demo (13 channels × 5 goals, 200 draws, sensitivity top 5)', value: pure, unit: 'ms', target: '≤ 100 ms', note: 'pure model on inputs read once' },
        { name: 'score-model call on the demo (read the workspace + the same recompute)', value: call, unit: 'ms', target: '≤ 100 ms' },
        { name: 'Priorities recompute with stability, 1,000 channels × 20 goals (12k posts, 30 draws by default)', value: large, unit: 'ms', target: '≤ 1 s' }
      ]
    } finally {
      b.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
