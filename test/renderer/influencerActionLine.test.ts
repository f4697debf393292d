import { describe, expect, it } from 'vitest'
import { influencerActionLine } from '../../src/renderer/src/features/people/influencerActionLine'

describe('influencerActionLine', () => {
  it('says when a next action is past its date, and gives the stage', () => {
    expect(influencerActionLine({ stage: 'engaged', nextActionDate: '2026-11-16' }, '2026-12-07')).toBe('Engaged · by Nov 16, 2026 · overdue')
    expect(influencerActionLine({ stage: 'engaged', nextActionDate: '2026-12-07' }, '2026-12-07')).toBe('Engaged · by Dec 7, 2026')
    expect(influencerActionLine({ stage: 'identified', nextActionDate: null }, '2026-12-07')).toBe('Identified')
  })
})
