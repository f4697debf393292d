import { describe, expect, it } from 'vitest'
import { allocateHours, hoursForTargets, scoreChannels, type ChannelAllocation } from '../../../src/core/scoring'
import { channel, channels, goals, options } from './fixtures'

const scored = scoreChannels(channels, goals, options)
const row = (rows: ChannelAllocation[], id: string): ChannelAllocation => {
  const r = rows.find((x) => x.id === id)
  if (r === undefined) throw new Error(`no ${id}`)
  return r
}

describe('allocateHours', () => {
  it('reproduces today when capacity equals today and shows the difference from the plan', () => {
    const result = allocateHours({ channels: scored, capacityHours: 40 })
    expect(result.allocatedHours).toBeLessThanOrEqual(40)
    expect(result.unallocatedHours).toBeCloseTo(40 - result.allocatedHours, 10)
    for (const r of result.channels) {
      expect(r.deltaHours).toBeCloseTo(r.hours - r.currentHours, 10)
      const c = scored.find((s) => s.id === r.id)
      expect(r.currentImpact).toBeCloseTo(c?.impact ?? 0, 8) // the curve passes through today's plan
    }
    expect(result.impact).toBeGreaterThan(0)
    expect(result.teamMarginalValue).toBeGreaterThan(0)
    expect(result.nextHourGoesTo).not.toBeNull()
  })

  it('equalises marginal values across unbounded channels that got hours (within one slice)', () => {
    const result = allocateHours({ channels: scored, capacityHours: 60, sliceHours: 0.25 })
    const active = result.channels.filter((r) => r.hours > 0 && r.limit === null)
    const perHour = active.map((r) => r.marginalValue)
    const hi = Math.max(...perHour)
    const lo = Math.min(...perHour)
    expect(active.length).toBeGreaterThan(1)
    expect((hi - lo) / hi).toBeLessThan(0.25)
  })

  it('honours pins, exclusions and bounds', () => {
    const result = allocateHours({
      channels: scored,
      capacityHours: 30,
      pins: [
        { channelId: 'webinars', minHours: 6, reason: 'Q4 launch series' },
        { channelId: 'linkedin-page', exclude: true, reason: 'Account under review' },
        { channelId: 'x', minHours: 2, maxHours: 2, reason: 'Fixed by agreement' }
      ],
      bounds: { minShareOfCurrent: 0.5, maxShareOfCurrent: 2 }
    })
    expect(row(result.channels, 'webinars').hours).toBeGreaterThanOrEqual(6)
    expect(row(result.channels, 'linkedin-page').hours).toBe(0)
    expect(row(result.channels, 'linkedin-page').excluded).toBe(true)
    expect(row(result.channels, 'x').hours).toBe(2)
    const blog = row(result.channels, 'blog')
    expect(blog.hours).toBeGreaterThanOrEqual(blog.currentHours * 0.5 - 1e-9)
    expect(blog.hours).toBeLessThanOrEqual(blog.currentHours * 2 + 1e-9)
    expect(result.allocatedHours).toBeLessThanOrEqual(30 + 1e-9)
  })

  it('warns when pinned minimums exceed capacity and still never exceeds it', () => {
    const result = allocateHours({
      channels: scored,
      capacityHours: 5,
      pins: [
        { channelId: 'blog', minHours: 4, reason: 'r' },
        { channelId: 'newsletter', minHours: 4, reason: 'r' },
        { channelId: 'ghost', minHours: 1, reason: 'r' }
      ]
    })
    expect(result.allocatedHours).toBeCloseTo(5, 10)
    expect(result.warnings.join(' ')).toMatch(/does not cover the minimum/)
    expect(result.warnings.join(' ')).toMatch(/unknown channel "ghost"/)
  })

  it('gives nothing to retired, unestimated or zero-hour channels unless pinned, and reports posts per week', () => {
    const list = scoreChannels(
      [channel({ id: 'old', status: 'retired' }), channel({ id: 'blank', links: [] }), channel({ id: 'ok', hoursPerPost: 2, fixedHoursPerMonth: 0 })],
      goals,
      options
    )
    const result = allocateHours({ channels: list, capacityHours: 10, pins: [{ channelId: 'blank', minHours: 1, reason: 'trial' }] })
    expect(row(result.channels, 'old').hours).toBe(0)
    expect(row(result.channels, 'blank').hours).toBe(1)
    expect(row(result.channels, 'ok').hours).toBe(9)
    expect(row(result.channels, 'ok').postsPerWeek).toBeCloseTo(4.5, 10)
  })

  it('handles zero capacity and no channels', () => {
    expect(allocateHours({ channels: scored, capacityHours: 0 }).allocatedHours).toBe(0)
    expect(allocateHours({ channels: [], capacityHours: 10 }).teamMarginalValue).toBe(0)
    expect(allocateHours({ channels: scored, capacityHours: Number.NaN, sliceHours: -1 }).sliceHours).toBe(0.5)
  })
})

describe('hoursForTargets', () => {
  const g = [{ id: 'p', name: 'Pipeline', driver: 'pipeline', target: 60, current: 40, baseline: 0, weight: 1 }]
  const two = [
    channel({ id: 'a', audience: 4000, postsPerWeek: 2, hoursPerPost: 1, fixedHoursPerMonth: 0, confidence: 1, links: [{ goalId: 'p', rate: 0.1 }] }),
    channel({ id: 'b', audience: 2000, postsPerWeek: 2, hoursPerPost: 2, fixedHoursPerMonth: 0, confidence: 1, links: [{ goalId: 'p', rate: 0.1 }] })
  ]
  const list = scoreChannels(two, g, options)

  it('finds the hours that meet the target within capacity', () => {
    // Today: a delivers 13 × 2 × 4 × 0.1 = 10.4 units, b 5.2: 15.6 of the 20 needed.
    const plan = hoursForTargets({ channels: list, goals: g, capacityHours: 40 })
    expect(plan.reachable).toBe(true)
    expect(plan.goals[0]?.reached).toBeGreaterThanOrEqual(20 - 1e-6)
    expect(plan.hoursPerWeek).toBeLessThanOrEqual(40)
    expect(plan.statement).toMatch(/^Every goal's target is reached with about [\d.]+ h\/week/)
  })

  it('says clearly when capacity cannot reach the targets, or no hours can', () => {
    const tight = hoursForTargets({ channels: list, goals: g, capacityHours: 2 })
    expect(tight.reachable).toBe(false)
    expect(tight.reachableAtAnyHours).toBe(true)
    expect(tight.statement).toMatch(/^Capacity 2 h\/week cannot reach every target: it takes about/)
    const far = hoursForTargets({ channels: list, goals: [{ ...g[0]!, target: 1000 }], capacityHours: 40 })
    expect(far.reachable).toBe(false)
    expect(far.reachableAtAnyHours).toBe(false)
    expect(far.statement).toMatch(/^No number of hours reaches every target.*Pipeline \d+ % of its remaining gap/)
  })

  it('sets aside a goal no channel links to and names it, instead of never reaching the targets', () => {
    const withUnmoved = [...g, { id: 'h', name: 'Hours saved', driver: 'efficiency', target: 4, current: 2.6, baseline: 2, weight: 3 }]
    const plan = hoursForTargets({ channels: scoreChannels(two, withUnmoved, options), goals: withUnmoved, capacityHours: 40 })
    expect(plan.reachable).toBe(true)
    expect(plan.goals.map((x) => x.goalId)).toEqual(['p'])
    expect(plan.statement).toMatch(/^Every goal's target is reached with about [\d.]+ h\/week .* Not counted: Hours saved — no channel is linked to it, so channel hours do not move it\.$/)
  })

  it('needs no hours when every goal is met', () => {
    const plan = hoursForTargets({ channels: list, goals: [{ ...g[0]!, current: 80 }], capacityHours: 10 })
    expect(plan.reachable).toBe(true)
    expect(plan.hoursPerWeek).toBe(0)
  })
})
