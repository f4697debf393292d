import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiOutput, ApiResult } from '../../../src/core/api/contract'
import { channelEvidence } from '../../../src/core/scoring/channelEvidence'
import { prepareModel } from '../../../src/core/scoring/modelCore'
import { stability } from '../../../src/core/scoring/modelRanking'
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
    // The demo's efficiency goal is linked to no channel: not predicted (not "0"), no weight, no hours.
    const unmoved = m.goals.filter((g) => !g.predicted)
    expect(unmoved.map((g) => g.name)).toEqual(['Hours saved per published piece'])
    expect(unmoved[0]).toMatchObject({ pulls: false, weight: 0 })
    expect(unmoved[0]?.why).toMatch(/^no channel is linked to it/)
    expect(m.goals.reduce((s, g) => s + g.weight, 0)).toBeCloseTo(1, 9)
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

  // Issue #12: jittering every input by ±5 % at once may change #1 in at most 5 % of draws. #1 is what the
  // screen states as first: the top tie group (channels the inputs' uncertainty cannot order share a rank).
  it('under ±5 % jitter of every input, the first place the screen states changes in at most 5 % of draws', async () => {
    const r = await call<ApiOutput<'score-model'>>('score-model', {})
    if (!r.ok) throw new Error(r.error.message)
    const first = new Set(r.data.channels.filter((c) => c.rankFrom === 1).map((c) => c.channelId))
    // A tie must be earned: the top group is not the whole list.
    expect(first.size).toBeLessThan(r.data.channels.filter((c) => c.tier === 'scorable').length / 2)
    const ws = modelInputs(b)
    const goals = new Map(ws.input.goals.map((g) => [g.id, g]))
    const evidence = ws.input.channels.map((c) => channelEvidence(c, goals, ws.input.goalKeys, ws.input.posts, ws.asOf, true))
    const p = prepareModel(ws.input, ws.asOf, true, {}, evidence)
    const s = stability(ws.input, p, evidence, true, seededUniform(7), { draws: 400, seed: 7, goalJitter: 0.05, inputJitter: 0.05, evidenceSpread: false })
    const changed = s.tops.filter((id) => !first.has(id)).length
    expect(s.tops).toHaveLength(400)
    expect(changed / s.tops.length).toBeLessThanOrEqual(0.05)
  })

  it('ranks: tie groups are runs of the order, and "holds" is the share of draws inside the group', async () => {
    const r = await call<ApiOutput<'score-model'>>('score-model', { draws: 200, seed: 3 })
    if (!r.ok) throw new Error(r.error.message)
    for (const c of r.data.channels) {
      expect(c.rankFrom).toBeLessThanOrEqual(c.rank)
      expect(c.rankTo).toBeGreaterThanOrEqual(c.rank)
      // Every rank inside a group belongs to a channel of that same group.
      const members = r.data.channels.filter((x) => x.rank >= c.rankFrom && x.rank <= c.rankTo)
      expect(members.every((x) => x.rankFrom === c.rankFrom && x.rankTo === c.rankTo)).toBe(true)
      expect(c.holds).toBeGreaterThanOrEqual(0)
      expect(c.holds).toBeLessThanOrEqual(1)
    }
    // Reproducible: the same seed gives the same groups and holds.
    const again = await call<ApiOutput<'score-model'>>('score-model', { draws: 200, seed: 3 })
    if (!again.ok) throw new Error(again.error.message)
    expect(again.data.channels.map((c) => [c.rankFrom, c.rankTo, c.holds])).toEqual(r.data.channels.map((c) => [c.rankFrom, c.rankTo, c.holds]))
  })
})
