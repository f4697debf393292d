import { describe, expect, it } from 'vitest'
import { waitedWithin } from '../../../src/core/listening/waitPause'

const H = 3_600_000
const at = (h: number) => new Date(Date.UTC(2026, 1, 9) + h * H).toISOString()
const t = (h: number) => Date.UTC(2026, 1, 9) + h * H

describe('waitedWithin: the waiting inside a clock, for the desk medians', () => {
  it('counts only the part of each wait inside the window, overlapping waits once', () => {
    const waits = JSON.stringify([{ from: at(1), to: at(25) }, { from: at(20), to: at(30) }, { from: at(40), to: at(50) }])
    expect(waitedWithin(waits, t(0), t(27)) / H).toBe(26)
    expect(waitedWithin(waits, t(0), t(45)) / H).toBe(34)
    expect(waitedWithin(waits, t(26), t(28)) / H).toBe(2)
    expect(waitedWithin(waits, t(60), t(70))).toBe(0)
  })
  it('reads unreadable or empty text as no waiting', () => {
    expect(waitedWithin('[]', t(0), t(10))).toBe(0)
    expect(waitedWithin('not json', t(0), t(10))).toBe(0)
    expect(waitedWithin(JSON.stringify([{ from: 'x', to: at(5) }, { from: at(6), to: at(4) }]), t(0), t(10))).toBe(0)
  })
})
