import { describe, expect, it } from 'vitest'
import { goalStates } from '../../../../src/core/scoring/goalState'
import { goal, TODAY } from './modelFixtures'

const whyOf = (over: Parameters<typeof goal>[1]): string => goalStates([goal('G1', over)], TODAY, new Set(['G1']))[0]!.why

// What is left to reach a goal is read beside money, counts and rates on the Priorities screen: it
// carries the goal's unit and grouped digits ("108980 to go" read as a count of something).
describe('what a goal still needs, in its own unit', () => {
  it('money and counts with their unit and thousands grouped, a rate in points', () => {
    expect(whyOf({ kind: 'money', unit: '€', baseline: 0, current: 336_020, target: 445_000, stretchTarget: 535_000 })).toBe('108,980 € to go to the target (198,980 € to the stretch)')
    expect(whyOf({ kind: 'count', unit: 'subscribers', current: 9_770, target: 10_300 })).toBe('530 subscribers to go to the target')
    expect(whyOf({ kind: 'count', unit: '', current: 160, target: 240 })).toBe('80 to go to the target')
    expect(whyOf({ kind: 'rate', unit: '%', current: 18.7, target: 22 })).toBe('3.3 pts to go to the target')
    expect(whyOf({ kind: 'count', unit: 'leads', current: 120, target: 100, stretchTarget: 150 })).toBe('target met; pulls toward the stretch target (30 leads to go)')
  })
})
