import { describe, expect, it } from 'vitest'
import { backtest, spearman, type BacktestInput, type BacktestQuarterInput, type ModelPost } from '../../../../src/core/scoring'
import { channel, goal } from './modelFixtures'

// Three channels whose true results per 1,000 reached differ (A best, C worst) and whose estimates are
// 10× too high, published 2 posts a week each through four quarters of 2025–2026.
const QUARTERS = [
  { key: '2025-Q4', start: '2025-10-01', end: '2025-12-31' },
  { key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' },
  { key: '2026-Q2', start: '2026-04-01', end: '2026-06-30' },
  { key: '2026-Q3', start: '2026-07-01', end: '2026-09-30' }
]
const TRUE_RATE: Record<string, number> = { A: 3, B: 1.5, C: 0.5 }
const REACH = 1000

function postsOf(id: string): ModelPost[] {
  const out: ModelPost[] = []
  for (let t = Date.parse('2025-10-02T00:00:00Z'); t <= Date.parse('2026-09-30T00:00:00Z'); t += 3.5 * 86_400_000) {
    out.push({ channelId: id, goalKey: 'leads', date: new Date(t).toISOString().slice(0, 10), reach: REACH, conversions: (REACH / 1000) * (TRUE_RATE[id] ?? 0) })
  }
  return out
}

function world(quarters = QUARTERS): BacktestInput {
  const posts = ['A', 'B', 'C'].flatMap(postsOf)
  const goalKeys = new Map<string, string>([['NOW', 'leads'], ...quarters.map((q) => [`G-${q.key}`, 'leads'] as [string, string])])
  const qs: BacktestQuarterInput[] = quarters.map((q) => {
    const inQ = posts.filter((p) => p.date >= q.start && p.date <= q.end)
    const per = new Map<string, number>()
    for (const p of inQ) per.set(p.channelId, (per.get(p.channelId) ?? 0) + (p.conversions ?? 0))
    const total = [...per.values()].reduce((a, b) => a + b, 0)
    const counts = new Map<string, number>()
    for (const p of inQ) counts.set(p.channelId, (counts.get(p.channelId) ?? 0) + 1)
    return {
      quarter: q.key,
      start: q.start,
      goals: [goal(`G-${q.key}`, { name: 'Leads', periodStart: q.start, periodEnd: q.end, target: 500, current: null })],
      postsPerWeek: new Map([...counts].map(([id, n]) => [id, n / 13])),
      actual: new Map([[`G-${q.key}`, total]]),
      channelActual: new Map([[`G-${q.key}`, per]])
    }
  })
  return {
    channels: ['A', 'B', 'C'].map((id) => channel(id, { audience: 20_000, confidence: 0.3, links: [{ goalId: 'NOW', rate: (TRUE_RATE[id] ?? 0) * 10 }] })),
    posts,
    goalKeys,
    quarters: qs
  }
}

describe('backtest', () => {
  it('says what is missing with fewer than two past quarters', () => {
    const r = backtest(world(QUARTERS.slice(0, 1)))
    expect(r.insufficient).toMatch(/at least 2 past quarters.*has 1/)
    expect(r.quarters).toEqual([])
    expect(r.methods.model.medianRatio).toBeNull()
  })

  it('judges every quarter that has one before it, and learns from results: closer than the estimates alone', () => {
    const r = backtest(world())
    expect(r.insufficient).toBeNull()
    expect(r.quarters.map((q) => q.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3'])
    const model = r.methods.model.medianRatio ?? Infinity
    const raw = r.methods.uncalibrated.medianRatio ?? 0
    expect(model).toBeLessThan(2)
    expect(raw).toBeGreaterThan(model)
    expect(r.methods.model.compared).toBe(3)
    // The channels' true order is A > B > C every quarter: a model that learned it ranks them exactly.
    expect(r.methods.model.rankCorrelation).toBeCloseTo(1, 9)
    expect(r.summary).toMatch(/Replaying the last 3 quarters/)
  })

  it('predicts each quarter only from what was known before it', () => {
    const base = world()
    // Results published inside 2026-Q3 suddenly ten times better: Q3's prediction must not see them.
    const boosted = { ...base, posts: base.posts.map((p) => (p.date >= '2026-07-01' ? { ...p, conversions: (p.conversions ?? 0) * 10 } : p)) }
    const q3 = (i: BacktestInput) => backtest(i).quarters.find((q) => q.quarter === '2026-Q3')?.goals[0]?.predicted
    expect(q3(boosted)).toBeCloseTo(q3(base) ?? NaN, 9)
  })

  it('compares "same as last quarter" on the same goal-quarters', () => {
    const r = backtest(world())
    const row = r.quarters[0]?.goals[0]
    expect(row?.lastQuarter).toBeCloseTo(world().quarters[0]?.actual.get('G-2025-Q4') ?? NaN, 9)
    expect(r.methods.lastQuarter.compared).toBe(r.methods.model.compared)
  })
})

describe('spearman', () => {
  it('is 1 for the same order, −1 for the reverse, and handles ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12)
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12)
    expect(spearman([1, 1, 2], [5, 5, 9])).toBeCloseTo(1, 12)
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull()
    expect(spearman([1, 2], [1, 2])).toBeNull()
  })
})
