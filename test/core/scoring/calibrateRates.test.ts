import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calibrateRates, scoreChannels } from '../../../src/core/scoring'
import { channel, goals, options } from './fixtures'

describe('calibrateRates', () => {
  const base = channel({ id: 'a', audience: 1000, confidence: 0.5, links: [{ goalId: 'pipeline', rate: 2 }] })

  it('returns the estimate unchanged without observations', () => {
    const cal = calibrateRates(base)
    expect(cal.rates).toEqual([{ goalId: 'pipeline', estimate: 2, observed: null, blended: 2, dataWeight: 0, posts: 0, reached: 0, units: 0 }])
    expect(cal.confidence).toEqual({ estimate: 0.5, calibrated: 0.5 })
  })

  it('shrinks the observed rate toward the estimate by reach (Gamma–Poisson)', () => {
    // Prior: 10 posts × 0.5 confidence × 1,000 reach = 5,000 reached at 2 per 1,000.
    const cal = calibrateRates({ ...base, observed: [{ goalId: 'pipeline', reached: 5000, units: 30, posts: 5 }] })
    const r = cal.rates[0]
    expect(r?.observed).toBeCloseTo(6, 12)
    expect(r?.dataWeight).toBeCloseTo(0.5, 12)
    expect(r?.blended).toBeCloseTo(4, 12)
    expect(cal.confidence.calibrated).toBeCloseTo(0.5 + 0.45 * (5 / 25), 12)
    expect(cal.channel.links).toEqual([{ goalId: 'pipeline', rate: r?.blended }])
  })

  it('adds goals seen only in the data, and ignores results that reached nobody', () => {
    const cal = calibrateRates({
      ...base,
      observed: [
        { goalId: 'reach', reached: 2000, units: 2000, posts: 2 },
        { goalId: 'pipeline', reached: 0, units: 5, posts: 1 }
      ]
    })
    expect(cal.rates.map((r) => [r.goalId, r.estimate, r.blended])).toEqual([
      ['pipeline', 2, 2],
      ['reach', null, 1000]
    ])
  })

  it('lets a calibrated channel be scored directly', () => {
    const cal = calibrateRates({ ...base, observed: [{ goalId: 'pipeline', reached: 50_000, units: 50, posts: 50 }] })
    const [r] = scoreChannels([cal.channel], goals, options)
    expect(r?.factors.confidence).toBeCloseTo(cal.confidence.calibrated, 12)
  })

  it('gives data more weight and more confidence as observations accumulate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 20, noNaN: true }), (n, more, rate) => {
        const obs = (posts: number) => [{ goalId: 'pipeline', reached: posts * 1000, units: posts * rate, posts }]
        const few = calibrateRates({ ...base, observed: obs(n) })
        const many = calibrateRates({ ...base, observed: obs(n + more) })
        expect(many.rates[0]?.dataWeight ?? 0).toBeGreaterThan(few.rates[0]?.dataWeight ?? 1)
        expect(many.confidence.calibrated).toBeGreaterThanOrEqual(few.confidence.calibrated)
        expect(many.confidence.calibrated).toBeLessThanOrEqual(0.95)
        // The blend always lies between the estimate and the data.
        const b = many.rates[0]?.blended ?? Number.NaN
        expect(b).toBeGreaterThanOrEqual(Math.min(2, rate) - 1e-9)
        expect(b).toBeLessThanOrEqual(Math.max(2, rate) + 1e-9)
      })
    )
  })
})
