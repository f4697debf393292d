import { describe, expect, it } from 'vitest'
import { sensitivity } from '../../../src/core/scoring'
import { channel, channels, goals, options } from './fixtures'

describe('sensitivity', () => {
  const g = [{ id: 'p', name: 'Pipeline', driver: 'pipeline', target: 100, current: 0, baseline: 0, weight: 1 }]
  const close = [
    channel({ id: 'a', name: 'A', audience: 1100, hoursPerPost: 1, fixedHoursPerMonth: 0, links: [{ goalId: 'p', rate: 1 }] }),
    channel({ id: 'b', name: 'B', audience: 1000, hoursPerPost: 1, fixedHoursPerMonth: 0, links: [{ goalId: 'p', rate: 1 }] }),
    channel({ id: 'c', name: 'C', audience: 100, hoursPerPost: 1, fixedHoursPerMonth: 0, links: [{ goalId: 'p', rate: 1 }] })
  ]

  it('finds the smallest single change that moves a close leader, by bisection', () => {
    const [a] = sensitivity(close, g, options, 1)
    expect(a?.rank).toBe(1)
    // A leads B by 10 %: its score falls below B's when audience (or rate, or confidence) falls ~9.1 %
    // or when hours per post rise 10 %. The smallest of these is the decisive one.
    expect(Math.abs(a?.decisive?.breakEven ?? 0)).toBeCloseTo(1 - 1000 / 1100, 4)
    expect(a?.decisive?.rankAtBreakEven).toBe(2)
    expect(a?.sentence).toMatch(/^A \(#1\) moves down to #2 below B if its \w[\w ]* \([\d.,]+\) falls by 10 %$/)
    const hours = a?.inputs.find((i) => i.input === 'hoursPerPost')
    expect(hours?.rankUp).toBe(2)
    expect(hours?.breakEven).toBeCloseTo(0.1, 4)
  })

  it('says none when no input within ±20 % changes the rank', () => {
    const far = close.map((c, i) => ({ ...c, audience: 1000 * 10 ** (2 - i) }))
    const [a] = sensitivity(far, g, options, 1)
    expect(a?.decisive).toBeNull()
    expect(a?.sentence).toBe('A (#1): no single input within ±20 % changes its rank')
  })

  it('covers every top channel and every input, and skips unestimated channels', () => {
    const result = sensitivity([...channels, channel({ id: 'blank', links: [] })], goals, options, 10)
    expect(result.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5])
    const li = result.find((r) => r.id === 'linkedin-page')
    expect(li?.inputs.map((i) => i.label)).toEqual([
      'audience',
      'rate for Pipeline',
      'rate for Reach',
      'rate for Reputation',
      'confidence',
      'hours per post',
      'fixed hours per month',
      'cost per month'
    ])
    expect(sensitivity(channels, goals, options, 0)).toEqual([])
  })
})
