import { describe, expect, it } from 'vitest'
import { scoreChannels, type ChannelScore } from '../../../src/core/scoring'
import { channel, channels, goals, options } from './fixtures'

const byId = (results: ChannelScore[], id: string): ChannelScore => {
  const r = results.find((x) => x.id === id)
  if (r === undefined) throw new Error(`no ${id}`)
  return r
}

describe('scoreChannels', () => {
  it('ranks 1..n by score and explains each score', () => {
    const results = scoreChannels(channels, goals, options)
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5])
    for (let i = 1; i < results.length; i += 1) expect(results[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(results[i]?.score ?? 0)
    const li = byId(results, 'linkedin-page')
    expect(li.explanation).toMatch(/^\d+ % from \w+.*; effort \d+ h\/month; confidence 0\.7$/)
    const total = li.breakdown.reduce((a, b) => a + b.fraction, 0)
    expect(total).toBeCloseTo(1, 12)
  })

  it('computes the SCORING.md formula with normalised weights and floored gaps', () => {
    const g = [{ id: 'p', name: 'Pipeline', driver: 'pipeline', target: 100, current: 50, baseline: 0, weight: 2 }]
    const c = channel({ id: 'a', audience: 1000, postsPerWeek: 1, hoursPerPost: 2, fixedHoursPerMonth: 0, confidence: 0.5, links: [{ goalId: 'p', rate: 1 }] })
    const [r] = scoreChannels([c], g, { ...options, periodWeeks: 10 })
    // 10 posts × 1,000 reached × 1/1,000 = 10 units; × 0.5 confidence = 5 of a 50 gap = 10 points.
    expect(r?.impact).toBeCloseTo(10, 10)
    expect(r?.effort.hoursPerPeriod).toBeCloseTo(20, 10)
    expect(r?.score).toBeCloseTo(50, 10) // 10 points per 20 h = 50 per 100 h
    expect(r?.explanation).toBe('100 % from Pipeline; effort 8.7 h/month; confidence 0.5')
  })

  it('floors the gap of a met goal at 10 % of its span', () => {
    const g = [{ id: 'p', name: 'P', driver: 'x', target: 1200, current: 5000, baseline: 1000, weight: 1 }]
    const [r] = scoreChannels([channel({ id: 'a', links: [{ goalId: 'p', rate: 1 }] })], g, options)
    expect(r?.breakdown[0]?.gap).toBeCloseTo(20, 10)
    expect(Number.isFinite(r?.score)).toBe(true)
  })

  it('ranks channels without estimates last with needs-estimate, and never returns NaN', () => {
    const list = [
      channel({ id: 'a', audience: Number.NaN }),
      channel({ id: 'b', links: [] }),
      channel({ id: 'c', confidence: 0.1, audience: 1 }),
      channel({ id: 'd', status: 'retired' })
    ]
    const results = scoreChannels(list, goals, options)
    expect(results.map((r) => r.id)).toEqual(['c', 'd', 'a', 'b'])
    expect(byId(results, 'a').flags).toContain('needs-estimate')
    expect(byId(results, 'a').flags).toContain('invalid-input')
    expect(byId(results, 'b').score).toBe(0)
    expect(byId(results, 'd').flags).toContain('retired')
    for (const r of results) expect(Number.isFinite(r.score) && Number.isFinite(r.impact)).toBe(true)
  })

  it('flags zero effort and zero-target goals instead of crashing', () => {
    const g = [...goals, { id: 'empty', name: 'Empty', driver: 'x', target: 0, current: 0, baseline: 0, weight: 5 }]
    const c = channel({ id: 'free', hoursPerPost: 0, fixedHoursPerMonth: 0, links: [{ goalId: 'empty', rate: 3 }, { goalId: 'pipeline', rate: 1 }] })
    const [r] = scoreChannels([c], g, options)
    expect(r?.flags).toEqual(expect.arrayContaining(['zero-effort', 'zero-target-goal']))
    expect(Number.isFinite(r?.score)).toBe(true)
    expect(r?.breakdown.map((b) => b.goalId)).toEqual(['pipeline'])
    expect(r?.explanation).toContain('effort not recorded')
  })

  it('decays confidence linearly after 90 days to half at 180, with a flag', () => {
    const at = (date: string | null) => scoreChannels([channel({ id: 'a', confidence: 0.8, estimatesUpdatedAt: date })], goals, options)[0]
    expect(at('2026-08-25')?.factors.effectiveConfidence).toBeCloseTo(0.8, 10) // 90 days: flagged, no loss yet
    expect(at('2026-08-25')?.flags).toContain('stale-estimate')
    expect(at('2026-08-26')?.flags).not.toContain('stale-estimate')
    expect(at('2026-07-11')?.factors.effectiveConfidence).toBeCloseTo(0.8 * (1 - 0.5 * (45 / 90)), 10)
    expect(at('2020-01-01')?.factors.effectiveConfidence).toBeCloseTo(0.4, 10)
    expect(at('2020-01-01')?.explanation).toMatch(/confidence 0\.8 \(0\.4 after [\d,]+ days without review\)/)
    expect(at(null)?.flags).toEqual(expect.arrayContaining(['stale-estimate', 'undated-estimate']))
    expect(at('2027-01-01')?.factors.estimateAgeDays).toBe(0)
  })

  it('never lets staleness push confidence below the 0.1 floor', () => {
    const [r] = scoreChannels([channel({ id: 'a', confidence: 0.1, estimatesUpdatedAt: null })], goals, options)
    expect(r?.factors.effectiveConfidence).toBe(0.1)
  })

  it('breaks ties by id whatever the input order, and flags duplicates', () => {
    const list = [channel({ id: 'b' }), channel({ id: 'a' }), channel({ id: 'c', name: ' A ' })]
    const one = scoreChannels(list, goals, options)
    const two = scoreChannels([...list].reverse(), goals, options)
    expect(one.map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(two).toEqual(one)
    expect(one.find((r) => r.id === 'a')?.flags).toContain('duplicate')
    expect(one.find((r) => r.id === 'b')?.flags).not.toContain('duplicate')
  })

  it('counts a duplicated link once and flags links to unknown goals', () => {
    const c = channel({ id: 'a', links: [{ goalId: 'pipeline', rate: 1 }, { goalId: 'pipeline', rate: 9 }, { goalId: 'nope', rate: 1 }] })
    const [r] = scoreChannels([c], goals, options)
    expect(r?.flags).toEqual(expect.arrayContaining(['duplicate-link', 'unknown-goal']))
    expect(r?.breakdown).toHaveLength(1)
    expect(r?.factors.rate).toBe(1)
  })

  it('converts cost to hours at the blended rate, or flags it when there is no rate', () => {
    const c = channel({ id: 'a', costPerMonth: 800, hoursPerPost: 0, fixedHoursPerMonth: 0 })
    const [r] = scoreChannels([c], goals, { ...options, periodWeeks: 52 })
    expect(r?.effort.costHours).toBeCloseTo(120, 10) // 800 × 12 months / 80 per hour
    const [free] = scoreChannels([c], goals, { ...options, blendedHourlyRate: 0 })
    expect(free?.flags).toEqual(expect.arrayContaining(['cost-ignored', 'zero-effort']))
  })

  it('treats all-zero weights as equal priorities', () => {
    const g = goals.map((x) => ({ ...x, weight: 0 }))
    const [r] = scoreChannels([channel({ id: 'a' })], g, options)
    expect(r?.breakdown.map((b) => b.weight)).toEqual([1 / 3, 1 / 3, 1 / 3])
  })

  it('survives empty input', () => {
    expect(scoreChannels([], [], options)).toEqual([])
    const [r] = scoreChannels([channel({ id: 'a' })], [], { blendedHourlyRate: Number.NaN, today: 'not a date' })
    expect(r?.flags).toContain('needs-estimate')
    expect(r?.factors.postsPerPeriod).toBe(39)
  })
})
