import { describe, expect, it } from 'vitest'
import { readableText } from '../../src/renderer/src/features/calendar/readableText'

describe('readableText', () => {
  it('puts dark text on the light purple that failed with white (3.4:1) and white on deep colours', () => {
    expect(readableText('#9074ff')).toBe('#000000')
    expect(readableText('#1d3a8a')).toBe('#ffffff')
    expect(readableText('#000')).toBe('#ffffff')
    expect(readableText('#FFF')).toBe('#000000')
  })
  it('reaches 4.5:1 on every grey and on the mid purples where neither white nor near-black did', () => {
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0)
    }
    const ratio = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05)
    const samples = ['#7c5cff', '#9074ff', ...Array.from({ length: 256 }, (_, i) => `#${i.toString(16).padStart(2, '0').repeat(3)}`)]
    for (const bg of samples) expect(ratio(bg, readableText(bg))).toBeGreaterThanOrEqual(4.5)
  })
  it('falls back to dark text for a colour it cannot read', () => {
    expect(readableText('rebeccapurple')).toBe('#000000')
  })
})
