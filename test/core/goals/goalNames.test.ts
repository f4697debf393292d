import { describe, expect, it } from 'vitest'
import { goalNames } from '../../../src/core/goals/goalNames'

const g = (id: string, kpiName: string, objective: string) => ({ id, kpiName, objective })

describe('goalNames', () => {
  it('names a goal by its KPI, or its objective when it has none', () => {
    expect([...goalNames([g('a', 'Qualified demo requests', 'Pipeline'), g('b', ' ', 'Answer within a day')]).values()]).toEqual(['Qualified demo requests', 'Answer within a day'])
  })

  it('tells goals with the same KPI apart by their objectives, whatever the case or spacing', () => {
    const names = goalNames([g('a', 'Qualified demo requests', 'EMEA pipeline'), g('b', 'qualified demo requests ', 'US pipeline'), g('c', 'Share of voice', 'Be named')])
    expect(names.get('a')).toBe('Qualified demo requests (EMEA pipeline)')
    expect(names.get('b')).toBe('qualified demo requests (US pipeline)')
    expect(names.get('c')).toBe('Share of voice')
  })
})
