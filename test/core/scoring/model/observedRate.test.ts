import { describe, expect, it } from 'vitest'
import { channelEvidence } from '../../../../src/core/scoring/channelEvidence'
import { channel, goal, posts, TODAY } from './modelFixtures'

describe('observed rate of a channel serving several goals', () => {
  it('divides a goal’s units by all the channel reached, the reach the prediction multiplies it by', () => {
    const goals = new Map([['G1', goal('G1')], ['G2', goal('G2')]])
    const keys = new Map([['G1', 'g1'], ['G2', 'g2']])
    // 40 posts of 1,000 reach: half filed under g1 with 3 units each, half under g2 with none.
    const mixed = posts('A', 40, () => 1000, () => 3).map((p, i) => (i % 2 === 0 ? p : { ...p, goalKey: 'g2', conversions: 0 }))
    const ev = channelEvidence(channel('A', { links: [{ goalId: 'G1', rate: 1.5 }, { goalId: 'G2', rate: 0 }] }), goals, keys, mixed, TODAY, true)
    // 20 × 3 units over 40,000 reached = 1.5 per 1,000 (not 3, which only the g1 items' reach would give).
    expect(ev.rates.find((r) => r.goalId === 'G1')?.observed).toBeCloseTo(1.5, 9)
  })
})
