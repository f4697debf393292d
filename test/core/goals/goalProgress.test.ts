import { describe, expect, it } from 'vitest'
import { AT_RISK_FLOOR, goalProgress, goalStatusRules, type GoalProgressMeasurement } from '../../../src/core/goals/goalProgress'

// 2026-Q1: 1 Jan – 31 Mar, 90 days. Day 45 of the quarter (x = 45) is 14 Feb.
const up = { id: 'G1', baseline: 100, target: 200, quarter: '2026-Q1', kpiUnit: 'leads' }
const down = { id: 'G2', baseline: 48, target: 24, quarter: '2026-Q1', kpiUnit: 'h' }
const m = (goalId: string, date: string, value: number, id = `M-${date}`): GoalProgressMeasurement => ({ id, goalId, date, value })

describe('goalProgress status rules', () => {
  it('on track exactly at the target projection (reaching the target counts)', () => {
    const p = goalProgress(up, [m('G1', '2026-02-14', 150)], '2026-02-14')
    expect(p.projected).toBeCloseTo(200, 9)
    expect(p.status).toBe('on_track')
    expect(p.statusLabel).toBe('On track')
  })

  it('at risk at exactly 90 % of the way, off track just below', () => {
    const atRisk = goalProgress(up, [m('G1', '2026-02-14', 145)], '2026-02-14')
    expect(atRisk.projected).toBe(190)
    expect(atRisk.projectedProgress).toBe(AT_RISK_FLOOR)
    expect(atRisk.status).toBe('at_risk')
    const off = goalProgress(up, [m('G1', '2026-02-14', 144.9)], '2026-02-14')
    expect(off.status).toBe('off_track')
    expect(off.reason).toMatch(/^The trend projects about 190 leads by quarter end against a target of 200 leads \(89 % of the way from 100 leads\)\.$/)
  })

  it('says a count in whole numbers with separators and a rate with two decimals (a projection is an estimate)', () => {
    const big = { ...up, baseline: 1000, target: 3000, kind: 'count' as const }
    const p = goalProgress(big, [m('G1', '2026-02-14', 1567.25)], '2026-02-14')
    expect(p.reason).toMatch(/^The trend projects about 2,135 leads by quarter end against a target of 3,000 leads \(57 % of the way from 1,000 leads\)\.$/)
    // Just short of the target is never rounded onto it: 199.6 projected against 200 reads 199, 99 %.
    const near = goalProgress({ ...up, kind: 'count' as const }, [m('G1', '2026-02-14', 149.8)], '2026-02-14')
    expect(near.status).toBe('at_risk')
    expect(near.reason).toBe('The trend projects about 199 leads by quarter end against a target of 200 leads (99 % of the way from 100 leads).')
    const rate = { ...up, baseline: 1.5, target: 3, kpiUnit: '%', kind: 'rate' as const }
    const r = goalProgress(rate, [m('G1', '2026-02-14', 2.123)], '2026-02-14')
    expect(r.reason).toMatch(/^The trend projects 2\.75 % by quarter end against a target of 3 % \(83 % of the way from 1\.5 %\)\.$/)
  })

  it('achieved as soon as the latest value reaches the target, even mid-quarter', () => {
    const p = goalProgress(up, [m('G1', '2026-01-20', 200)], '2026-01-25')
    expect(p.status).toBe('achieved')
    expect(p.progress).toBe(1)
    expect(p.paceNeededPerWeek).toBe(0)
  })

  it('a goal without a target is tracked only: no progress, pace or judgement', () => {
    const p = goalProgress({ ...up, target: null }, [m('G1', '2026-02-10', 150)], '2026-02-14')
    expect(p.status).toBe('no_target')
    expect(p.statusLabel).toBe('No target')
    expect(p.current).toBe(150)
    expect([p.progress, p.projectedProgress, p.paceNeededPerWeek, p.target]).toEqual([null, null, null, null])
    expect(p.reason).toBe('No target set; latest value 150 leads.')
    expect(goalProgress({ ...up, target: null }, [], '2025-12-01').status).toBe('not_started')
  })

  it('uses the latest value, not the best one', () => {
    const p = goalProgress(up, [m('G1', '2026-01-20', 210), m('G1', '2026-02-10', 150)], '2026-02-14')
    expect(p.current).toBe(150)
    expect(p.status).not.toBe('achieved')
  })

  it('lower is better when the target is below the baseline', () => {
    expect(goalProgress(down, [m('G2', '2026-02-14', 36)], '2026-02-14')).toMatchObject({ direction: 'down', status: 'on_track', projected: 24 })
    expect(goalProgress(down, [m('G2', '2026-02-14', 24)], '2026-02-14').status).toBe('achieved')
    expect(goalProgress(down, [m('G2', '2026-02-14', 23)], '2026-02-14').status).toBe('achieved')
    const worse = goalProgress(down, [m('G2', '2026-02-14', 50)], '2026-02-14')
    expect(worse.status).toBe('off_track')
    expect(worse.progress).toBeCloseTo(-2 / 24, 12)
    // At 90 % of the way from 48 down to 24: projected 26.4.
    const risk = goalProgress(down, [m('G2', '2026-02-14', 37.2)], '2026-02-14')
    expect(risk.projected).toBeCloseTo(26.4, 9)
    expect(risk.status).toBe('at_risk')
  })

  it('no measurements: not started before the quarter, no data during it, missed after it', () => {
    expect(goalProgress(up, [], '2025-12-31')).toMatchObject({ status: 'not_started', elapsedDays: 0, projected: null, current: null })
    expect(goalProgress(up, [], '2026-01-01')).toMatchObject({ status: 'no_data', elapsedDays: 1, trendPerWeek: null })
    const over = goalProgress(up, [], '2026-04-02')
    expect(over).toMatchObject({ status: 'missed', elapsedDays: 90, paceNeededPerWeek: null })
  })

  it('a finished quarter is achieved or missed, by the last value', () => {
    expect(goalProgress(up, [m('G1', '2026-03-31', 199.99)], '2026-03-31').status).toBe('missed')
    expect(goalProgress(up, [m('G1', '2026-03-31', 200)], '2026-03-31').status).toBe('achieved')
    expect(goalProgress(up, [m('G1', '2026-03-31', 199.99)], '2026-03-31').paceNeededPerWeek).toBeNull()
  })

  it('pace needed: the remaining gap over the weeks left', () => {
    const p = goalProgress(up, [m('G1', '2026-02-14', 150)], '2026-02-14')
    expect(p.elapsedDays).toBe(45)
    expect(p.paceNeededPerWeek).toBeCloseTo(50 / (45 / 7), 12)
    expect(p.trendPerWeek).toBeCloseTo((100 / 90) * 7, 12)
    expect(p.planNow).toBe(150)
    // Without a measurement the gap is measured from the baseline.
    expect(goalProgress(up, [], '2026-02-14').paceNeededPerWeek).toBeCloseTo(100 / (45 / 7), 12)
  })

  it('ignores other goals, other quarters and values after asOf; keeps the last value of each week', () => {
    const p = goalProgress(
      up,
      [
        m('G9', '2026-01-02', 999),
        m('G1', '2025-12-31', 999),
        m('G1', '2026-04-01', 999),
        m('G1', '2026-03-01', 999),
        m('G1', '2026-01-03', 110, 'B'),
        m('G1', '2026-01-03', 112, 'C'),
        m('G1', '2026-01-02', 105, 'A')
      ],
      '2026-02-01'
    )
    expect(p.series).toEqual([
      { date: '2026-01-02', value: 105 },
      { date: '2026-01-03', value: 110 },
      { date: '2026-01-03', value: 112 }
    ])
    expect(p.weekly[0]).toBe(112)
    expect(p.weekly.slice(1).every((v) => v === null)).toBe(true)
    expect(p.current).toBe(112)
    expect(p.currentDate).toBe('2026-01-03')
  })

  it('least squares over the baseline anchor and weekly values', () => {
    // Points (0,100), (7,110), (14,130): slope = 15/7 per day, mean x 7, mean y 113.33…
    const p = goalProgress(up, [m('G1', '2026-01-07', 110), m('G1', '2026-01-14', 130)], '2026-01-14')
    expect(p.trendPerWeek).toBeCloseTo(15, 12)
    expect(p.projected).toBeCloseTo(340 / 3 + (15 / 7) * (90 - 7), 9)
  })

  it('a goal without a target, or whose target equals its baseline (0 → 0), is never achieved or missed', () => {
    const none = goalProgress({ ...up, target: null }, [m('G1', '2026-02-14', 150)], '2026-02-14')
    expect(none).toMatchObject({ status: 'no_target', statusLabel: 'No target', target: null, progress: null, paceNeededPerWeek: null, projectedProgress: null })
    expect(none.reason).toBe('No target set; latest value 150 leads.')
    // Target 0 on a baseline of 0 counted as "achieved" with any value before.
    const zero = goalProgress({ ...up, baseline: 0, target: 0 }, [m('G1', '2026-02-14', 0)], '2026-03-31')
    expect(zero.status).toBe('no_target')
    expect(goalProgress({ ...up, baseline: 0, target: 0 }, [], '2026-03-31').status).toBe('no_target')
    // A real reduction to zero (lower is better) is achieved only when the value gets there.
    const toZero = { ...down, baseline: 5, target: 0 }
    expect(goalProgress(toZero, [m('G2', '2026-02-14', 2)], '2026-02-14').status).not.toBe('achieved')
    expect(goalProgress(toZero, [m('G2', '2026-02-14', 0)], '2026-02-14').status).toBe('achieved')
  })

  it('states every rule in words', () => {
    expect(Object.keys(goalStatusRules).toSorted()).toEqual(['achieved', 'at_risk', 'missed', 'no_data', 'no_target', 'not_started', 'off_track', 'on_track'])
    expect(goalStatusRules.at_risk).toContain('90 %')
  })
})
