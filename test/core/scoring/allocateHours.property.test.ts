import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocateHours, scoreChannels, type AllocationPin, type ChannelScore } from '../../../src/core/scoring'
import { arbChannels, arbGoals, options } from './fixtures'

const arbScored = (min: number, max: number): fc.Arbitrary<ChannelScore[]> =>
  fc.tuple(arbChannels(min, max), arbGoals).map(([list, g]) => scoreChannels(list, g, options))

const arbPins = (n: number): fc.Arbitrary<AllocationPin[]> =>
  fc.array(
    fc.record({
      channelId: fc.integer({ min: 0, max: Math.max(0, n - 1) }).map((i) => `c${i}`),
      minHours: fc.option(fc.double({ min: 0, max: 8, noNaN: true }), { nil: undefined }),
      maxHours: fc.option(fc.double({ min: 0, max: 12, noNaN: true }), { nil: undefined }),
      exclude: fc.option(fc.boolean(), { nil: undefined }),
      reason: fc.constant('test')
    }),
    { maxLength: 3 }
  )

const curveValue = (c: ChannelScore, h: number): number => {
  const s = c.plan.hoursPerWeek
  if (h <= 0 || !(s > 0) || !(c.impact > 0) || c.flags.includes('retired') || c.flags.includes('needs-estimate')) return 0
  return (c.impact / -Math.expm1(-1)) * -Math.expm1(-h / s)
}

describe('allocateHours properties', () => {
  it('never exceeds capacity and honours pins and exclusions', () => {
    fc.assert(
      fc.property(arbScored(1, 6).chain((s) => fc.tuple(fc.constant(s), arbPins(s.length), fc.double({ min: 0, max: 80, noNaN: true }))), ([scored, pins, capacity]) => {
        const result = allocateHours({ channels: scored, capacityHours: capacity, pins, bounds: { minShareOfCurrent: 0.5, maxShareOfCurrent: 2 } })
        expect(result.allocatedHours).toBeLessThanOrEqual(capacity + 1e-9)
        const firstPin = new Map<string, AllocationPin>()
        for (const p of pins) if (!firstPin.has(p.channelId)) firstPin.set(p.channelId, p)
        const pinnedMin = [...firstPin.values()].reduce((a, p) => a + (p.exclude === true ? 0 : (p.minHours ?? 0)), 0)
        for (const r of result.channels) {
          const pin = firstPin.get(r.id)
          expect(Number.isFinite(r.hours) && Number.isFinite(r.marginalValue) && Number.isFinite(r.postsPerWeek)).toBe(true)
          if (pin?.exclude === true) expect(r.hours).toBe(0)
          else if (pin !== undefined) {
            const min = pin.minHours ?? 0
            const max = Math.max(pin.maxHours ?? Number.POSITIVE_INFINITY, min)
            if (pinnedMin <= capacity) expect(r.hours).toBeGreaterThanOrEqual(min - 1e-9)
            expect(r.hours).toBeLessThanOrEqual(max + 1e-9)
          }
        }
      }),
      { numRuns: 300 }
    )
  })

  it("never shrinks a channel's hours when capacity grows", () => {
    fc.assert(
      fc.property(
        arbScored(1, 6).chain((s) => fc.tuple(fc.constant(s), arbPins(s.length))),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        ([scored, pins], capacity, more) => {
          const small = allocateHours({ channels: scored, capacityHours: capacity, pins, bounds: { minShareOfCurrent: 0.5 } })
          const big = allocateHours({ channels: scored, capacityHours: capacity + more, pins, bounds: { minShareOfCurrent: 0.5 } })
          small.channels.forEach((r, i) => expect(big.channels[i]?.hours ?? 0).toBeGreaterThanOrEqual(r.hours - 1e-9))
          expect(big.impact).toBeGreaterThanOrEqual(small.impact - 1e-9)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('equals the brute-force optimum over slice multiples on small instances', () => {
    fc.assert(
      fc.property(arbScored(2, 4), fc.integer({ min: 0, max: 8 }), fc.constantFrom(0.5, 1, 2), (scored, slices, slice) => {
        const result = allocateHours({ channels: scored, capacityHours: slices * slice, sliceHours: slice })
        const byId = new Map(scored.map((c) => [c.id, c]))
        const got = result.channels.reduce((a, r) => a + curveValue(byId.get(r.id) ?? scored[0]!, r.hours), 0)
        let best = 0
        const walk = (i: number, left: number, value: number): void => {
          const c = scored[i]
          if (c === undefined) {
            best = Math.max(best, value)
            return
          }
          for (let k = 0; k <= left; k += 1) walk(i + 1, left - k, value + curveValue(c, k * slice))
        }
        walk(0, slices, 0)
        expect(got).toBeCloseTo(best, 9)
        expect(result.impact).toBeCloseTo(best, 9)
      }),
      { numRuns: 300 }
    )
  })

  it('is independent of the order channels come in', () => {
    fc.assert(
      fc.property(arbScored(1, 6), fc.double({ min: 0, max: 40, noNaN: true }), (scored, capacity) => {
        const a = allocateHours({ channels: scored, capacityHours: capacity })
        const b = allocateHours({ channels: [...scored].reverse(), capacityHours: capacity })
        expect(b).toEqual(a)
      })
    )
  })
})
