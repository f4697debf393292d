import { describe, expect, it } from 'vitest'
import { niceAxisBounds } from '../../../src/core/charts/niceAxisBounds'

describe('a value axis widened to whole steps', () => {
  it('starts and ends on a step, so the minimum and the first tick are never two labels in one place', () => {
    expect(niceAxisBounds([64, 79, 85])).toEqual({ min: 60, max: 85, interval: 5 })
    expect(niceAxisBounds([0, 160, 240])).toEqual({ min: 0, max: 250, interval: 50 })
    expect(niceAxisBounds([0.12, 0.31])).toEqual({ min: 0.1, max: 0.35, interval: 0.05 })
    expect(niceAxisBounds([0.1, 0.3])).toEqual({ min: 0.1, max: 0.3, interval: 0.05 })
    expect(niceAxisBounds([-3, 7])).toEqual({ min: -4, max: 8, interval: 2 })
  })

  it('gives one value and no values an axis around them', () => {
    expect(niceAxisBounds([50])).toEqual({ min: 44, max: 56, interval: 2 })
    expect(niceAxisBounds([0])).toEqual({ min: -1, max: 1, interval: 0.5 })
    expect(niceAxisBounds([Number.NaN])).toEqual({ min: 0, max: 1, interval: 0.2 })
  })
})
