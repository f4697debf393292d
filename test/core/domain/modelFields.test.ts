import { describe, expect, it } from 'vitest'
import { recordKinds } from '../../../src/core/domain/recordKinds'

// The record rules behind issue #12's "bad input": each refusal names the field it concerns.
function issues(kind: 'goal' | 'channel' | 'pin' | 'member', rec: Record<string, unknown>): { path: (string | number)[]; message: string }[] {
  const rk = recordKinds[kind]
  const parsed = rk.fields.safeParse({ ...rk.defaults, ...rec })
  if (!parsed.success) return parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }))
  const check = rk.check as ((r: unknown) => { path: (string | number)[]; message: string }[]) | undefined
  return check?.(parsed.data) ?? []
}

const goal = { objective: 'Engagement', driver: 'reach', kpiName: 'Engagement rate', quarter: '2026-Q4', baseline: 2 }

describe('goal kind, stretch and optional target', () => {
  it('defaults to a count goal without a target or stretch', () => {
    expect(issues('goal', goal)).toEqual([])
    const parsed = recordKinds.goal.fields.parse({ ...recordKinds.goal.defaults, ...goal })
    expect(parsed).toMatchObject({ kind: 'count', target: null, stretchTarget: null })
  })

  it('refuses an unknown kind at the kind field', () => {
    expect(issues('goal', { ...goal, kind: 'ratio', target: 3 })).toEqual([{ path: ['kind'], message: 'Goal kind must be count, rate or money' }])
  })

  it('refuses a rate above 100 % at the field that holds it', () => {
    expect(issues('goal', { ...goal, kind: 'rate', target: 101 })).toEqual([{ path: ['target'], message: 'A rate goal is in per cent: at most 100' }])
    expect(issues('goal', { ...goal, kind: 'rate', baseline: 120, target: 50 })).toEqual([{ path: ['baseline'], message: 'A rate goal is in per cent: at most 100' }])
    expect(issues('goal', { ...goal, kind: 'rate', target: 50, stretchTarget: 100.5 })).toEqual([{ path: ['stretchTarget'], message: 'A rate goal is in per cent: at most 100' }])
    expect(issues('goal', { ...goal, kind: 'rate', target: 100 })).toEqual([])
    expect(issues('goal', { ...goal, kind: 'count', target: 500 })).toEqual([])
  })

  it('keeps "target must differ from baseline" only when a target is set', () => {
    expect(issues('goal', { ...goal, target: 2 })).toEqual([{ path: ['target'], message: 'Target must differ from the baseline' }])
    expect(issues('goal', { ...goal, target: null })).toEqual([])
  })

  it('wants the stretch beyond the target in the goal’s direction', () => {
    expect(issues('goal', { ...goal, target: 3, stretchTarget: 2.5 })).toEqual([{ path: ['stretchTarget'], message: 'Stretch must be above the target' }])
    expect(issues('goal', { ...goal, target: 3, stretchTarget: 3 })).toEqual([{ path: ['stretchTarget'], message: 'Stretch must be above the target' }])
    expect(issues('goal', { ...goal, target: 3, stretchTarget: 4 })).toEqual([])
    // lower is better: response time from 2 days to 1, stretch half a day
    expect(issues('goal', { ...goal, target: 1, stretchTarget: 0.5 })).toEqual([])
    expect(issues('goal', { ...goal, target: 1, stretchTarget: 1.5 })[0]?.path).toEqual(['stretchTarget'])
    expect(issues('goal', { ...goal, target: null, stretchTarget: 4 })).toEqual([{ path: ['stretchTarget'], message: 'A stretch target needs a target first' }])
  })
})

describe('channel organic reach share and trial hours', () => {
  const channel = { name: 'Blog', platform: 'blog' }
  it('accepts null (the platform default) and shares in (0, 1]', () => {
    expect(issues('channel', channel)).toEqual([])
    expect(issues('channel', { ...channel, organicReachShare: 1, reachNote: 'every subscriber gets the mail', trialHoursPerWeek: 3 })).toEqual([])
  })
  it('refuses 0, above 1, negative and non-finite shares at organicReachShare', () => {
    for (const v of [0, 1.01, -0.2, Number.NaN, Number.POSITIVE_INFINITY]) {
      const got = issues('channel', { ...channel, organicReachShare: v })
      expect(got.length, String(v)).toBe(1)
      expect(got[0]?.path).toEqual(['organicReachShare'])
    }
  })
  it('refuses negative trial hours', () => {
    expect(issues('channel', { ...channel, trialHoursPerWeek: -1 })[0]?.path).toEqual(['trialHoursPerWeek'])
  })
})

describe('pin maximum and members’ other work', () => {
  const pin = { channelId: '01J0000000000000000000000A', reason: 'CEO asked' }
  it('allows a maximum alone, and min = max to fix the hours', () => {
    expect(issues('pin', { ...pin, maxHours: 3 })).toEqual([])
    expect(issues('pin', { ...pin, minHours: 3, maxHours: 3 })).toEqual([])
    expect(issues('pin', { ...pin, minHours: 4, maxHours: 3 })).toEqual([{ path: ['maxHours'], message: 'The maximum must be at least the minimum' }])
    expect(issues('pin', { ...pin })[0]?.path).toEqual(['minHours'])
  })
  it('keeps other work within the weekly capacity', () => {
    expect(issues('member', { name: 'Priya', weeklyCapacityHours: 30, otherWorkHoursPerWeek: 12 })).toEqual([])
    expect(issues('member', { name: 'Priya', weeklyCapacityHours: 10, otherWorkHoursPerWeek: 12 })[0]?.path).toEqual(['otherWorkHoursPerWeek'])
  })
})
