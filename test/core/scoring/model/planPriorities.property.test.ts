import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planPriorities, type ModelInput } from '../../../../src/core/scoring'
import { channel, goal, input, TODAY } from './modelFixtures'

const arbInput = fc
  .record({
    goals: fc.array(fc.record({ kind: fc.constantFrom('count' as const, 'rate' as const, 'money' as const), target: fc.integer({ min: 1, max: 5000 }), current: fc.option(fc.integer({ min: 0, max: 5000 })), weight: fc.double({ min: 0, max: 10, noNaN: true }), stretch: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    channels: fc.array(
      fc.record({
        status: fc.constantFrom('active' as const, 'active' as const, 'paused' as const, 'proposed' as const, 'retired' as const),
        audience: fc.integer({ min: 0, max: 100_000 }),
        postsPerWeek: fc.double({ min: 0, max: 10, noNaN: true }),
        hoursPerPost: fc.double({ min: 0, max: 12, noNaN: true }),
        fixed: fc.double({ min: 0, max: 40, noNaN: true }),
        rates: fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { minLength: 4, maxLength: 4 }),
        reach: fc.array(fc.integer({ min: 0, max: 50_000 }), { maxLength: 12 })
      }),
      { minLength: 1, maxLength: 6 }
    )
  })
  .map(({ goals, channels }): ModelInput => {
    const gs = goals.map((g, i) => {
      const target = g.kind === 'rate' ? Math.min(100, g.target / 50) : g.target
      return goal(`G${i}`, { kind: g.kind, target, current: g.current === null ? null : g.kind === 'rate' ? Math.min(100, g.current / 50) : g.current, weight: g.weight, stretchTarget: g.stretch ? (g.kind === 'rate' ? null : target * 2) : null })
    })
    const cs = channels.map((c, i) =>
      channel(`C${i}`, { status: c.status, audience: c.audience, postsPerWeek: c.postsPerWeek, hoursPerPost: c.hoursPerPost, fixedHoursPerMonth: c.fixed, links: gs.map((g, j) => ({ goalId: g.id, rate: g.kind === 'rate' ? Math.min(100, c.rates[j] ?? 0) : (c.rates[j] ?? 0) })) })
    )
    const ps = channels.flatMap((c, i) => c.reach.map((r, k) => ({ channelId: `C${i}`, goalKey: 'g0', date: `2026-11-${String(1 + k).padStart(2, '0')}`, reach: r, conversions: r / 500 })))
    return input({ goals: gs, channels: cs, posts: ps })
  })

describe('planPriorities properties', () => {
  it('no NaN or Infinity anywhere, same-hours sums to today’s hours within bounds, deterministic', () => {
    fc.assert(
      fc.property(arbInput, (data) => {
        const m = planPriorities(data, { today: TODAY, draws: 8 }, 2)
        const text = JSON.stringify(m, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? 'BAD' : v))
        expect(text).not.toContain('BAD')
        expect(text).not.toContain('null,"low"')
        const total = m.allocation.rows.reduce((a, r) => a + r.hours, 0)
        const minTotal = m.allocation.rows.reduce((a, r) => a + r.min, 0)
        if (minTotal <= m.allocation.todayHours) expect(total).toBeCloseTo(Math.min(m.allocation.todayHours, m.allocation.rows.reduce((a, r) => a + r.max, 0)), 1)
        for (const r of m.allocation.rows) expect(r.hours).toBeLessThanOrEqual(r.max + 0.01)
        expect(planPriorities(data, { today: TODAY, draws: 8 }, 2)).toEqual(m)
      }),
      { numRuns: 60 }
    )
  }, 120_000)

  it('a higher rate for a count goal never lowers the channel’s value per hour', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 20, noNaN: true }), fc.double({ min: 1.01, max: 5, noNaN: true }), fc.integer({ min: 100, max: 50_000 }), (rate, factor, audience) => {
        const make = (r: number) => input({ goals: [goal('G1', { target: 1e9 })], channels: [channel('A', { audience, links: [{ goalId: 'G1', rate: r }] }), channel('B')] })
        const v = (r: number) => planPriorities(make(r), { today: TODAY, draws: 0 }, 0).channels.find((c) => c.channelId === 'A')?.valuePerHour ?? 0
        expect(v(rate * factor)).toBeGreaterThanOrEqual(v(rate))
      }),
      { numRuns: 40 }
    )
  }, 60_000)

  it('more audience never lowers the predicted point for a count goal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (audience, more) => {
        const p = (a: number) => planPriorities(input({ channels: [channel('A', { audience: a })] }), { today: TODAY, draws: 0 }, 0).goals[0]?.today.point ?? 0
        expect(p(audience + more)).toBeGreaterThanOrEqual(p(audience))
      }),
      { numRuns: 40 }
    )
  }, 60_000)
})

describe('planPriorities at the edge of arithmetic', () => {
  it('a channel whose weekly hours are a vanishing number (6e-323 h a post, seed 200910252) gets finite figures everywhere, RICE included', () => {
    const data = input({
      goals: [goal('G0', { target: 1, current: 0, weight: 0 })],
      channels: [
        channel('C0', { audience: 1, postsPerWeek: 0.04166666666666667, hoursPerPost: 6e-323, fixedHoursPerMonth: 0, links: [{ goalId: 'G0', rate: 1e-9 }] }),
        channel('C1', { audience: 0, postsPerWeek: 0, hoursPerPost: 0, fixedHoursPerMonth: 0, links: [{ goalId: 'G0', rate: 0 }] })
      ]
    })
    const m = planPriorities(data, { today: TODAY, draws: 8 }, 2)
    const text = JSON.stringify(m, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? 'BAD' : v))
    expect(text).not.toContain('BAD')
    expect(m.rice.rows.find((r) => r.channelId === 'C0')?.effort).toBe(0)
  })
})
