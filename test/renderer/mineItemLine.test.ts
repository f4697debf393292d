import { describe, expect, it } from 'vitest'
import { mineItemLine } from '../../src/renderer/src/features/people/mineItemLine'

describe('a My work item’s line', () => {
  it('says an approval is overdue when its due date is before today, and nothing else changes', () => {
    const late = { status: 'in_review', dueDate: '2026-11-14', plannedDate: '2026-11-20' }
    expect(mineItemLine(late, '2026-12-07')).toMatch(/^In review · due .+ · overdue$/)
    expect(mineItemLine(late)).not.toContain('overdue')
    expect(mineItemLine({ ...late, dueDate: '2026-12-07' }, '2026-12-07')).not.toContain('overdue')
    expect(mineItemLine({ ...late, dueDate: null }, '2026-12-07')).toMatch(/^In review · planned /)
  })
})
