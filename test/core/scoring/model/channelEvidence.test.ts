import { describe, expect, it } from 'vitest'
import { channelEvidence, winsorisedMean, PRIOR_BETA } from '../../../../src/core/scoring/channelEvidence'
import { ORGANIC_REACH } from '../../../../src/core/scoring'
import { channel, goal, posts, TODAY } from './modelFixtures'

const goals = new Map([['G1', goal('G1')]])
const keys = new Map([['G1', 'g1']])

describe('reach per post from evidence', () => {
  it('starts from audience × the platform’s organic share, never the whole audience', () => {
    const ev = channelEvidence(channel('A'), goals, keys, [], TODAY, true)
    expect(ev.reach.perPost).toBeCloseTo(10_000 * (ORGANIC_REACH.linkedin?.share ?? 0), 9)
    expect(ev.reach.perPost).toBeLessThan(10_000)
    expect(ev.reach.observed).toBeNull()
  })

  it('reaches the whole audience only when a person sets the share to 1', () => {
    const ev = channelEvidence(channel('A', { organicReachShare: 1, reachNote: 'mailing to everyone' }), goals, keys, [], TODAY, true)
    expect(ev.reach.perPost).toBe(10_000)
    expect(ev.reach.priorSource).toBe('mailing to everyone')
  })

  it('moves toward the published results as posts accumulate (shrinkage)', () => {
    const few = channelEvidence(channel('A'), goals, keys, posts('A', 2, () => 2000), TODAY, true)
    const many = channelEvidence(channel('A'), goals, keys, posts('A', 60, () => 2000), TODAY, true)
    expect(few.reach.perPost).toBeGreaterThan(700)
    expect(few.reach.perPost).toBeLessThan(many.reach.perPost)
    expect(many.reach.perPost).toBeGreaterThan(1900)
    expect(many.reach.low).toBeLessThan(many.reach.perPost)
    expect(many.reach.high).toBeGreaterThan(many.reach.perPost)
  })

  it('is robust to one viral post', () => {
    expect(winsorisedMean([100, 100, 100, 100, 100, 100, 100, 100, 100, 1_000_000])).toBe(100)
  })

  it('ignores posts after today and older than a year', () => {
    const late = [{ channelId: 'A', goalKey: 'g1', date: '2026-12-01', reach: 99_999, conversions: null }]
    const old = [{ channelId: 'A', goalKey: 'g1', date: '2025-06-01', reach: 99_999, conversions: null }]
    expect(channelEvidence(channel('A'), goals, keys, [...late, ...old], TODAY, true).reach.posts).toBe(0)
  })

  it('without calibration uses the prior and the estimates alone', () => {
    const ev = channelEvidence(channel('A'), goals, keys, posts('A', 60, () => 2000, () => 10), TODAY, false)
    expect(ev.reach.perPost).toBeCloseTo(700, 6)
    expect(ev.rates[0]?.blended).toBe(1)
  })

  it('a channel with neither audience nor results needs an estimate', () => {
    expect(channelEvidence(channel('A', { audience: 0 }), goals, keys, [], TODAY, true).needsEstimate).toBe(true)
    expect(channelEvidence(channel('A', { links: [] }), goals, keys, [], TODAY, true).needsEstimate).toBe(true)
  })
})

describe('rates and the cadence curve', () => {
  it('blends the estimated rate with results, more results weigh more', () => {
    const ev = channelEvidence(channel('A'), goals, keys, posts('A', 40, () => 1000, () => 5), TODAY, true)
    const rate = ev.rates[0]
    expect(rate?.observed).toBe(5)
    expect(rate?.blended).toBeGreaterThan(4)
    expect(rate?.blended).toBeLessThan(5)
  })

  it('fits β from weeks with different cadences and shrinks it toward the prior', () => {
    // Reach per post halves when the cadence doubles: the true β is 1 (then bounded to 0.8 at most).
    const end = Date.parse(`${TODAY}T00:00:00Z`)
    const history = []
    for (let w = 0; w < 20; w++) {
      const n = w % 2 === 0 ? 1 : 4
      for (let k = 0; k < n; k++) history.push({ channelId: 'A', goalKey: 'g1', date: new Date(end - (w * 7 + 1 + k) * 86_400_000).toISOString().slice(0, 10), reach: 4000 / n, conversions: null })
    }
    const ev = channelEvidence(channel('A'), goals, keys, history, TODAY, true)
    expect(ev.curve.betaFitted).not.toBeNull()
    expect(ev.curve.beta).toBeGreaterThan(PRIOR_BETA + 0.2)
    expect(ev.curve.beta).toBeLessThanOrEqual(0.8)
    const flat = channelEvidence(channel('A'), goals, keys, posts('A', 3, () => 500), TODAY, true)
    expect(flat.curve.beta).toBe(PRIOR_BETA)
    expect(flat.curve.method).toMatch(/Prior β/)
  })
})
