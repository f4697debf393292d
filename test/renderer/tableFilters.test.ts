import { describe, expect, it } from 'vitest'
import { compareValues, containsText, matchesNumber, parseNumberFilter } from '../../src/renderer/src/components/tableFilters'

describe('table filters', () => {
  it('matches text case-insensitively, and an empty query matches everything', () => {
    expect(containsText('LinkedIn company page', 'linkedin')).toBe(true)
    expect(containsText('Blog', '  ')).toBe(true)
    expect(containsText('Blog', 'x')).toBe(false)
  })

  it('reads number filters: comparisons, equality, ranges, thousands separators', () => {
    expect(matchesNumber('>10', 11)).toBe(true)
    expect(matchesNumber('>10', 10)).toBe(false)
    expect(matchesNumber('>=10', 10)).toBe(true)
    expect(matchesNumber('<=0.5', 0.5)).toBe(true)
    expect(matchesNumber('3', 3)).toBe(true)
    expect(matchesNumber('=3', 4)).toBe(false)
    expect(matchesNumber('20..10', 15)).toBe(true)
    expect(matchesNumber('10..20', 21)).toBe(false)
    expect(matchesNumber('>12,000', 12_001)).toBe(true)
    expect(matchesNumber('>-1', 0)).toBe(true)
  })

  it('ignores an unreadable number filter instead of hiding every row, but an empty cell never matches a real one', () => {
    expect(parseNumberFilter('lots')).toBeUndefined()
    expect(matchesNumber('lots', 5)).toBe(true)
    expect(matchesNumber('>1', undefined)).toBe(false)
  })

  it('sorts enums by their meaning, numbers numerically and text naturally', () => {
    const stages = ['identified', 'following', 'engaged', 'collaborating', 'advocate']
    expect(compareValues('advocate', 'identified', stages)).toBeGreaterThan(0)
    expect(compareValues(9, 10)).toBeLessThan(0)
    expect(compareValues('Item 9', 'Item 10')).toBeLessThan(0)
    expect(compareValues(false, true)).toBeLessThan(0)
  })
})
