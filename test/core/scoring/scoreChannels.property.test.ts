import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoreChannels, type ScoringChannel, type ScoringGoal } from '../../../src/core/scoring'
import { anyNumber, arbChannel, arbChannels, arbGoals, goalIds, options } from './fixtures'

const scoreOf = (c: ScoringChannel, g: ScoringGoal[]): number => scoreChannels([c], g, options)[0]?.score ?? Number.NaN
const factor = fc.double({ min: 1, max: 10, noNaN: true })

describe('scoreChannels properties', () => {
  it('more reach never lowers a score', () => {
    fc.assert(
      fc.property(arbChannel('a'), arbGoals, factor, (c, g, k) => {
        expect(scoreOf({ ...c, audience: c.audience * k }, g)).toBeGreaterThanOrEqual(scoreOf(c, g))
      })
    )
  })

  it('a higher rate for any goal never lowers a score', () => {
    fc.assert(
      fc.property(arbChannel('a'), arbGoals, factor, fc.nat(), (c, g, k, pick) => {
        const i = c.links.length === 0 ? -1 : pick % c.links.length
        const links = c.links.map((l, j) => (j === i ? { ...l, rate: l.rate * k + 0.01 } : l))
        expect(scoreOf({ ...c, links }, g)).toBeGreaterThanOrEqual(scoreOf(c, g))
      })
    )
  })

  it('more confidence never lowers a score', () => {
    fc.assert(
      fc.property(arbChannel('a'), arbGoals, fc.double({ min: 0, max: 1, noNaN: true }), (c, g, extra) => {
        expect(scoreOf({ ...c, confidence: c.confidence + extra }, g)).toBeGreaterThanOrEqual(scoreOf(c, g))
      })
    )
  })

  it('more effort (hours per post, fixed hours, cost) never raises a score', () => {
    const field = fc.constantFrom('hoursPerPost', 'fixedHoursPerMonth', 'costPerMonth') satisfies fc.Arbitrary<keyof ScoringChannel>
    fc.assert(
      fc.property(arbChannel('a'), arbGoals, field, fc.double({ min: 0, max: 100, noNaN: true }), (c, g, f, extra) => {
        expect(scoreOf({ ...c, [f]: c[f] + extra }, g)).toBeLessThanOrEqual(scoreOf(c, g))
      })
    )
  })

  it('is deterministic and independent of input order', () => {
    fc.assert(
      fc.property(arbChannels(0, 8), arbGoals, fc.nat(), (list, g, seed) => {
        const shuffled = [...list].sort((a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7))
        const one = scoreChannels(list, g, options)
        expect(scoreChannels(shuffled, g, options)).toEqual(one)
        expect(scoreChannels(list, g, options)).toEqual(one)
      })
    )
  })

  it('never produces NaN or Infinity, whatever the numbers', () => {
    const wild = fc.record({
      id: fc.constantFrom('a', 'b', 'c'),
      name: fc.string(),
      status: fc.constantFrom('active', 'planned', 'paused', 'retired'),
      audience: anyNumber,
      postsPerWeek: anyNumber,
      hoursPerPost: anyNumber,
      fixedHoursPerMonth: anyNumber,
      costPerMonth: anyNumber,
      confidence: anyNumber,
      links: fc.array(fc.record({ goalId: fc.constantFrom(...goalIds, 'zz'), rate: anyNumber }), { maxLength: 4 }),
      estimatesUpdatedAt: fc.constantFrom(null, '2026-01-01', '', 'x')
    }) satisfies fc.Arbitrary<ScoringChannel>
    const wildGoals = fc.array(
      fc.record({ id: fc.constantFrom(...goalIds), name: fc.string(), driver: fc.string(), target: anyNumber, current: anyNumber, baseline: anyNumber, weight: anyNumber }),
      { maxLength: 4 }
    )
    fc.assert(
      fc.property(fc.array(wild, { maxLength: 5 }), wildGoals, anyNumber, anyNumber, (list, g, weeks, rate) => {
        const results = scoreChannels(list, g, { periodWeeks: weeks, blendedHourlyRate: rate, today: '2026-11-23' })
        for (const r of results) {
          const numbers = [r.score, r.impact, r.effort.hoursPerPeriod, r.effort.hoursPerMonth, r.factors.effectiveConfidence, r.factors.rate, r.plan.hoursPerWeek]
          for (const b of r.breakdown) numbers.push(b.points, b.fraction, b.units, b.gap)
          for (const x of numbers) expect(Number.isFinite(x)).toBe(true)
          expect(r.explanation).not.toMatch(/NaN|Infinity/)
        }
        expect(results.map((r) => r.rank)).toEqual(results.map((_, i) => i + 1))
      }),
      { numRuns: 300 }
    )
  })
})
