import { describe, expect, it } from 'vitest'
import { carryLinks } from '../../../src/core/scoring/carryLinks'

describe('links carried to next quarter’s goals by KPI', () => {
  const goals = new Map([
    ['q3-demos', { key: 'demo requests', quarter: '2026-Q3' }],
    ['q4-demos', { key: 'demo requests', quarter: '2026-Q4' }],
    ['q4-subs', { key: 'subscribers', quarter: '2026-Q4' }],
    ['q1-demos', { key: 'demo requests', quarter: '2027-Q1' }],
    ['q1-subs', { key: 'subscribers', quarter: '2027-Q1' }],
    ['q1-mentions', { key: 'mentions', quarter: '2027-Q1' }]
  ])
  const inPlay = [{ id: 'q1-demos' }, { id: 'q1-subs' }, { id: 'q1-mentions' }]

  it('takes the newest quarter’s rate for a KPI, keeps direct links as they are, and adds none for a KPI the channel never served', () => {
    // The Q3 link comes first in the channel's list; Q4's rate is the one the team last set.
    const links = [{ goalId: 'q3-demos', rate: 2 }, { goalId: 'q4-demos', rate: 5 }, { goalId: 'q1-subs', rate: 1 }, { goalId: 'q4-subs', rate: 9 }]
    expect(carryLinks(links, inPlay, goals)).toEqual([...links, { goalId: 'q1-demos', rate: 5 }])
  })
})
