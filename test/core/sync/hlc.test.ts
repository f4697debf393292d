import { describe, expect, it } from 'vitest'
import { formatHlc, hlcReceive, hlcSend, MAX_ADOPTED_DRIFT_MS, parseHlc } from '../../../src/core/sync/hlc'
import type { HlcState } from '../../../src/core/sync/hlc'

const DEV = 'a1b2c3d4e5f60718'
const start: HlcState = { millis: 0, counter: 0, device: DEV }

describe('HLC (after Actual timestamp.test.ts, SYNC.md §2.7)', () => {
  it.each([
    [{ millis: 0, counter: 0, device: DEV }, '0000000000000000a1b2c3d4e5f60718'],
    [{ millis: 1780000000000, counter: 1, device: DEV }, '019e704488000001a1b2c3d4e5f60718'],
    [{ millis: 0xffffffffffff, counter: 0xffff, device: DEV }, 'ffffffffffffffffa1b2c3d4e5f60718']
  ])('formats %o as fixed-width hex and parses it back', (parts, text) => {
    expect(formatHlc(parts)).toBe(text)
    expect(parseHlc(text)).toEqual(parts)
  })

  it.each(['', 'zz', '019e6f4b5c000001A1B2C3D4E5F60718', '019e6f4b5c000001a1b2c3d4e5f6071'])('rejects %j', (t) => {
    expect(parseHlc(t)).toBeNull()
  })

  it('orders as text the way it orders in time', () => {
    const a = formatHlc({ millis: 9, counter: 0xffff, device: DEV })
    const b = formatHlc({ millis: 10, counter: 0, device: DEV })
    expect(a < b).toBe(true)
  })

  it('strictly increases when the wall clock goes backwards, stalls or jumps', () => {
    let s = start
    let last = ''
    for (const wall of [1000, 1000, 999, 500, 2000, 1_000_000, 3, 3, 1_000_000]) {
      const r = hlcSend(s, wall)
      expect(r.stamp > last).toBe(true)
      last = r.stamp
      s = r.state
    }
  })

  it('borrows the next millisecond on counter overflow instead of throwing (65k edits in 1 ms)', () => {
    let s: HlcState = { millis: 5000, counter: 0xfffe, device: DEV }
    const stamps: string[] = []
    for (let i = 0; i < 70_000; i++) {
      const r = hlcSend(s, 5000)
      stamps.push(r.stamp)
      s = r.state
    }
    for (let i = 1; i < stamps.length; i++) expect((stamps[i] ?? '') > (stamps[i - 1] ?? '')).toBe(true)
    expect(s.millis).toBeGreaterThan(5000)
  })

  it('adopts a remote clock within the drift bound and sends after it', () => {
    const remote = formatHlc({ millis: 10_000 + 60_000, counter: 7, device: 'ffffffffffffffff' })
    const r = hlcReceive({ millis: 10_000, counter: 0, device: DEV }, remote, 10_000)
    expect(r.skewed).toBe(false)
    expect(hlcSend(r.state, 10_000).stamp > remote).toBe(true)
  })

  it('does not adopt a clock more than 10 min ahead, flags it, never throws', () => {
    const wall = 1_000_000
    const future = formatHlc({ millis: wall + MAX_ADOPTED_DRIFT_MS + 1, counter: 0, device: 'ffffffffffffffff' })
    const s = { millis: wall, counter: 3, device: DEV }
    const r = hlcReceive(s, future, wall)
    expect(r).toEqual({ state: s, skewed: true })
    expect(hlcReceive(s, 'garbage', wall)).toEqual({ state: s, skewed: false })
  })

  it('receive on counter overflow moves to the next millisecond', () => {
    const remote = formatHlc({ millis: 100, counter: 0xffff, device: 'ffffffffffffffff' })
    const r = hlcReceive({ millis: 100, counter: 3, device: DEV }, remote, 50)
    expect(r.state).toEqual({ millis: 101, counter: 0, device: DEV })
  })
})
