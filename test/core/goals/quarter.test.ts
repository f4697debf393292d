import { describe, expect, it } from 'vitest'
import { quarter } from '../../../src/core/goals/quarter'

describe('quarter', () => {
  it.each(['2026-Q5', '2026-Q0', '26Q1', '2026-q1', ' 2026-Q1', '2026-Q1 ', '2026Q1', '1969-Q4', '2200-Q1', ''])('refuses %j with one readable line', (s) => {
    const r = quarter.parse(s)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/^(Unknown quarter|Quarter ".*" is out of range)/)
  })

  it('parses start, end and length', () => {
    expect(quarter.of('2026-Q1')).toEqual({ key: '2026-Q1', year: 2026, q: 1, start: '2026-01-01', end: '2026-03-31', days: 90 })
    expect(quarter.of('2024-Q1').days).toBe(91)
    expect(quarter.of('2026-Q3')).toMatchObject({ start: '2026-07-01', end: '2026-09-30', days: 92 })
    expect(quarter.of('2026-Q4').end).toBe('2026-12-31')
  })

  it('steps back and forward across years', () => {
    expect(quarter.previous(quarter.of('2026-Q1')).key).toBe('2025-Q4')
    expect(quarter.next(quarter.of('2026-Q4')).key).toBe('2027-Q1')
    expect(quarter.containing('2026-09-30').key).toBe('2026-Q3')
    expect(quarter.containing('2026-10-01').key).toBe('2026-Q4')
  })

  it('has 13 reporting weeks, the last one ending on the last day', () => {
    const q = quarter.of('2026-Q3')
    const w = quarter.weeks(q)
    expect(w).toHaveLength(13)
    expect(w[0]).toEqual({ index: 0, start: '2026-07-01', end: '2026-07-07', label: 'W1' })
    expect(w[12]).toMatchObject({ start: '2026-09-23', end: '2026-09-30' })
    expect(quarter.weekIndex(q, '2026-09-30')).toBe(12)
    expect(quarter.weekIndex(q, '2026-07-08')).toBe(1)
    expect(quarter.label(q)).toBe('1 Jul – 30 Sep 2026')
  })
})
