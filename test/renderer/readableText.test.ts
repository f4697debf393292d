import { describe, expect, it } from 'vitest'
import { readableText } from '../../src/renderer/src/features/calendar/readableText'

describe('readableText', () => {
  it('puts dark text on the light purple that failed with white (3.4:1) and white on deep colours', () => {
    expect(readableText('#9074ff')).toBe('#111418')
    expect(readableText('#1d3a8a')).toBe('#ffffff')
    expect(readableText('#000')).toBe('#ffffff')
    expect(readableText('#FFF')).toBe('#111418')
  })
  it('falls back to dark text for a colour it cannot read', () => {
    expect(readableText('rebeccapurple')).toBe('#111418')
  })
})
