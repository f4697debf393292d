import { describe, expect, it } from 'vitest'
import { nextQuarterHint } from '../../src/renderer/src/features/priorities/nextQuarterHint'

describe('the hint to plan next quarter', () => {
  it('speaks in the last three weeks of the quarter under way, until a later quarter has goals', () => {
    expect(nextQuarterHint('2026-12-21', '2026-Q4', ['2026-Q4'])).toBe('2026-Q4 ends in 11 days: set 2027-Q1’s goals (Goals) to plan its hours here.')
    expect(nextQuarterHint('2026-12-31', '2026-Q4', ['2026-Q4'])).toBe('2026-Q4 ends in 1 day: set 2027-Q1’s goals (Goals) to plan its hours here.')
    expect(nextQuarterHint('2026-12-10', '2026-Q4', ['2026-Q4'])).toBeNull()
    // Next quarter has goals: the quarter picker says it instead.
    expect(nextQuarterHint('2026-12-21', '2026-Q4', ['2026-Q4', '2027-Q1'])).toBeNull()
    // The latest quarter with goals is an old one: nothing to say about its end.
    expect(nextQuarterHint('2026-12-21', '2026-Q3', ['2026-Q3'])).toBeNull()
  })
})
