import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiOutput, ApiResult } from '../../../src/core/api/contract'
import { channelEvidence } from '../../../src/core/scoring/channelEvidence'
import { prepareModel } from '../../../src/core/scoring/modelCore'
import { ranksOf, stability } from '../../../src/core/scoring/modelRanking'
import { seededUniform } from '../../../src/core/scoring'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { dispatch } from '../../../src/main/backend/dispatch'
import { modelInputs } from '../../../src/main/backend/services/modelInputs'
import { tempBackend } from '../helpers/tempWorkspace'

let b: Backend
let cleanup: () => void
beforeAll(async () => {
  ;({ b, cleanup } = await tempBackend(() => Date.parse('2026-11-23T10:00:00Z')))
  writeDemo(b, { seed: 1, today: '2026-11-23' })
}, 120_000)
afterAll(() => cleanup())

async function call<T>(method: string, input: unknown): Promise<ApiResult<T>> {
  return (await dispatch(b, method, input)) as ApiResult<T>
}

describe('score-model on the demo workspace', () => {
  it('answers with the default scenario: today’s hours re-divided, every rank with how often it holds, ranges per goal', async () => {
    const r = await call<ApiOutput<'score-model'>>('score-model', {})
    if (!r.ok) throw new Error(r.error.message)
    const m = r.data
    expect(m.scenario).toBe('same-hours')
    expect(m.allocation.rows.reduce((s, x) => s + x.hours, 0)).toBeCloseTo(m.allocation.todayHours, 1)
    expect(m.channels.map((c) => c.rank).toSorted((x, y) => x - y)).toEqual(m.channels.map((_, i) => i + 1))
    const paused = m.channels.find((c) => c.status === 'paused')
    expect(m.allocation.rows.find((x) => x.channelId === paused?.channelId)?.hours).toBe(0)
    expect(m.channels.find((c) => c.rank === m.channels.length)?.tier).toBe('needs estimate')
    // Without results, reach per post is the prior, a share of the audience, never all of it.
    for (const c of m.channels.filter((x) => x.reach.observed === null && x.reach.prior > 0)) {
      expect(c.reach.perPost).toBe(c.reach.prior)
      expect(c.reach.perPost).toBeLessThan(c.reach.prior / c.reach.priorShare)
    }
    const rateGoal = m.goals.find((g) => g.kind === 'rate' && g.pulls)
    expect(rateGoal?.point).toBeLessThanOrEqual(100)
    expect(m.rice.rows).toHaveLength(m.channels.length)
    expect(m.sensitivity.some((s) => s.inputs.some((i) => i.scope === 'goal'))).toBe(true)
  })

  it('refuses bad arguments with the field named', async () => {
    const r = await call('score-model', { scenario: 'more' })
    expect(!r.ok && r.error.issues[0]?.path).toEqual(['scenario'])
    const r2 = await call('score-model', { scenario: 'same-hours', hours: 5 })
    expect(!r2.ok && r2.error.issues[0]?.path).toEqual(['hours'])
  })

  it('refuses a rate goal above 100 % with the field named and writes nothing', async () => {
    const before = b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM goal`)?.n
    const r = await call('goal-create', { objective: 'Engage', driver: 'reach', kpiName: 'Engagement rate', kind: 'rate', baseline: 3, target: 140, quarter: '2026-Q4' })
    expect(!r.ok && r.error.issues).toEqual([{ path: ['target'], message: 'A rate goal is in per cent: at most 100' }])
    expect(b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM goal`)?.n).toBe(before)
  })

  // Issue #12 asks that ±5 % jitter change #1 in at most 5 % of draws. Since a channel's observed rate is
  // its units over all it reached (what the prediction multiplies it by), the demo's top two are within a
  // few per cent of each other and #1 changes in about half the draws: the criterion is open in #12.
  // What must hold meanwhile is that the screen says so: the #1's "holds" is the share of draws that keep it.
  it('under ±5 % jitter, the #1 is the channel most often first, and its "holds" reports how often that is', () => {
    const ws = modelInputs(b)
    const goals = new Map(ws.input.goals.map((g) => [g.id, g]))
    const evidence = ws.input.channels.map((c) => channelEvidence(c, goals, ws.input.goalKeys, ws.input.posts, ws.asOf, true))
    const p = prepareModel(ws.input, ws.asOf, true, {}, evidence)
    const s = stability(ws.input, p, evidence, true, seededUniform(7), { draws: 400, seed: 7, goalJitter: 0.05, inputJitter: 0.05, evidenceSpread: false })
    const final = ranksOf(p, s.expected)
    const top = final.indexOf(1)
    const topId = p.channels[top]?.c.id ?? ''
    const counts = new Map<string, number>()
    for (const id of s.tops) counts.set(id, (counts.get(id) ?? 0) + 1)
    const mostOften = [...counts].toSorted((x, y) => y[1] - x[1])[0]
    expect(counts.get(topId) ?? 0).toBe(mostOften?.[1])
    expect(s.holds[top]).toBeCloseTo((counts.get(topId) ?? 0) / s.tops.length, 9)
  })
})
