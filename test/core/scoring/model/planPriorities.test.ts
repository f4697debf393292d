import { describe, expect, it } from 'vitest'
import { modelInputIssues, planPriorities, predictGoalResults } from '../../../../src/core/scoring'
import { weeksLeft } from '../../../../src/core/scoring/goalState'
import { channel, goal, input, posts, TODAY } from './modelFixtures'

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
const opts = { today: TODAY, draws: 40 }

const team = () =>
  input({
    goals: [goal('G1', { weight: 3 }), goal('G2', { target: 5000, weight: 1 })],
    channels: [
      channel('A', { links: [{ goalId: 'G1', rate: 2 }] }),
      channel('B', { platform: 'blog', audience: 40_000, postsPerWeek: 1, hoursPerPost: 6, links: [{ goalId: 'G1', rate: 0.5 }, { goalId: 'G2', rate: 30 }] }),
      channel('P', { status: 'paused', links: [{ goalId: 'G1', rate: 5 }] }),
      channel('N', { status: 'proposed', trialHoursPerWeek: 3, links: [{ goalId: 'G2', rate: 10 }] }),
      channel('R', { status: 'retired' })
    ]
  })

describe('allocation scenarios', () => {
  it('same-hours re-divides exactly today’s hours within the bounds; paused and retired get 0, proposed its trial', () => {
    const m = planPriorities(team(), opts)
    const rows = new Map(m.allocation.rows.map((r) => [r.channelId, r]))
    expect(m.allocation.todayHours).toBe(10)
    expect(sum(m.allocation.rows.map((r) => r.hours))).toBeCloseTo(10, 6)
    for (const r of m.allocation.rows) {
      expect(r.hours).toBeGreaterThanOrEqual(r.min - 1e-9)
      expect(r.hours).toBeLessThanOrEqual(r.max + 1e-9)
    }
    expect(rows.get('A')?.min).toBe(2)
    expect(rows.get('A')?.max).toBe(8)
    expect(rows.get('P')?.hours).toBe(0)
    expect(rows.get('R')?.hours).toBe(0)
    expect(rows.get('N')?.hours).toBe(3)
    expect(m.allocation.source).toMatch(/^Within today’s plan/)
  })

  it('an active channel the model cannot judge keeps today’s hours in every scenario, saying why', () => {
    // U: active, 2 posts × 1.5 h a week, linked to no goal in play — it was cut to its 50 % floor.
    const withUnjudged = () => input({ ...team(), channels: [...team().channels, channel('U', { postsPerWeek: 2, hoursPerPost: 1.5, links: [] })] })
    for (const scenario of ['same-hours', 'plus', 'targets'] as const) {
      const m = planPriorities(withUnjudged(), { ...opts, scenario, deltaHours: 4 })
      const u = m.allocation.rows.find((r) => r.channelId === 'U')
      expect(u?.hours, scenario).toBeCloseTo(3, 6)
      expect(u?.boundsWhy, scenario).toBe('needs an estimate: held at today’s 3 h/week until it has one')
    }
    // The other channels re-divide the rest: today's total is kept.
    const same = planPriorities(withUnjudged(), opts)
    expect(sum(same.allocation.rows.map((r) => r.hours))).toBeCloseTo(13, 6)
  })

  it('a pin overrides the bounds with its reason, even for a paused channel', () => {
    const m = planPriorities({ ...team(), pins: [{ channelId: 'P', minHours: 2, maxHours: 2, exclude: false, reason: 'partner contract' }, { channelId: 'B', minHours: 0, maxHours: null, exclude: true, reason: 'rebrand' }] }, opts)
    const rows = new Map(m.allocation.rows.map((r) => [r.channelId, r]))
    expect(rows.get('P')?.hours).toBe(2)
    expect(rows.get('P')?.pinned?.reason).toBe('partner contract')
    expect(rows.get('B')?.hours).toBe(0)
    expect(rows.get('B')?.boundsWhy).toBe('excluded: rebrand')
  })

  it('plus N says where the extra hours come from, member by member', () => {
    const m = planPriorities(team(), { ...opts, scenario: 'plus', deltaHours: 6 })
    expect(sum(m.allocation.rows.map((r) => r.hours))).toBeCloseTo(16, 6)
    // Priya: 30 − 10 − 16 = 4 h free; Tom: 20 − 16 − 2 = 2 h free.
    expect(m.allocation.source).toBe('+6 h/week beyond today’s plan: from members’ unplanned capacity (Priya 4 h, Tom 2 h).')
    const more = planPriorities(team(), { ...opts, scenario: 'plus', deltaHours: 9 })
    expect(more.allocation.source).toMatch(/3 h\/week more than anyone has free/)
    const fewer = planPriorities(team(), { ...opts, scenario: 'plus', deltaHours: -4 })
    expect(sum(fewer.allocation.rows.map((r) => r.hours))).toBeCloseTo(6, 6)
    expect(fewer.allocation.source).toMatch(/^4 h\/week fewer/)
  })

  it('targets: the fewest hours that reach every target, or a statement that the bounds cannot', () => {
    const easy = planPriorities(input({ goals: [goal('G1', { target: 5 })] }), { ...opts, scenario: 'targets' })
    expect(easy.allocation.reachesTargets).toBe(true)
    expect(easy.allocation.statement).toMatch(/^Every target is reached with about/)
    const hard = planPriorities(input({ goals: [goal('G1', { target: 1e7 })] }), { ...opts, scenario: 'targets' })
    expect(hard.allocation.reachesTargets).toBe(false)
    expect(hard.allocation.statement).toMatch(/^No plan within the channels’ bounds reaches every target; .*G1 \d+ % of its remaining gap/)
    expect(hard.allocation.rows[0]?.hours).toBe(hard.allocation.rows[0]?.max)
  })

  it('a met goal without a stretch pulls no hours; with a stretch it pulls toward it', () => {
    const met = input({ goals: [goal('G1', { current: 120 }), goal('G2', { target: 5000 })], channels: [channel('A'), channel('B', { links: [{ goalId: 'G2', rate: 1 }] })] })
    const m = planPriorities(met, opts)
    const a = m.allocation.rows.find((r) => r.channelId === 'A')
    expect(a?.hours).toBe(a?.min)
    expect(m.goals.find((g) => g.goalId === 'G1')?.pulls).toBe(false)
    expect(m.channels.find((c) => c.channelId === 'A')?.valuePerHour).toBe(0)
    const stretched = planPriorities({ ...met, goals: [goal('G1', { current: 120, stretchTarget: 10_000 }), goal('G2', { target: 5000 })] }, opts)
    expect(stretched.goals.find((g) => g.goalId === 'G1')?.pulls).toBe(true)
    expect(stretched.channels.find((c) => c.channelId === 'A')?.valuePerHour).toBeGreaterThan(0)
  })
})

describe('a goal no channel moves (an efficiency goal such as hours saved)', () => {
  const withUnmoved = (goals = [goal('G1', { weight: 1 }), goal('G2', { target: 5000, weight: 1 }), goal('H', { baseline: 2, current: 2.6, target: 4, weight: 3 })]) =>
    input({
      goals,
      channels: [
        channel('A', { links: [{ goalId: 'G1', rate: 2 }] }),
        channel('B', { platform: 'blog', audience: 40_000, postsPerWeek: 1, hoursPerPost: 6, links: [{ goalId: 'G1', rate: 0.5 }, { goalId: 'G2', rate: 30 }] })
      ]
    })

  it('is not predicted, pulls no hours, and says why and what the team can do', () => {
    const m = planPriorities(withUnmoved(), opts)
    const h = m.goals.find((g) => g.goalId === 'H')
    expect(h?.predicted).toBe(false)
    expect(h?.pulls).toBe(false)
    expect(h?.weight).toBe(0)
    expect(h?.why).toMatch(/^no channel is linked to it, so posting does not move it: .*Track it by hand, or link it to the channels that move it/)
    expect(m.goals.filter((g) => g.goalId !== 'H').every((g) => g.predicted)).toBe(true)
  })

  it('takes no weight from the goals posting moves: values and hours are what they are without it', () => {
    const m = planPriorities(withUnmoved(), opts)
    const without = planPriorities(withUnmoved([goal('G1', { weight: 1 }), goal('G2', { target: 5000, weight: 1 })]), opts)
    expect(m.goals.filter((g) => g.goalId !== 'H').map((g) => g.weight)).toEqual(without.goals.map((g) => g.weight))
    expect(sum(m.goals.map((g) => g.weight))).toBeCloseTo(1, 12)
    expect(m.channels.map((c) => c.valuePerHour)).toEqual(without.channels.map((c) => c.valuePerHour))
    expect(m.allocation.rows.map((r) => r.hours)).toEqual(without.allocation.rows.map((r) => r.hours))
  })

  it('does not keep the targets scenario from reaching the targets hours can reach, and is named as not counted', () => {
    const m = planPriorities(withUnmoved([goal('G1', { target: 5 }), goal('H', { baseline: 2, current: 2.6, target: 4 })]), { ...opts, scenario: 'targets' })
    expect(m.allocation.reachesTargets).toBe(true)
    expect(m.allocation.statement).toMatch(/^Every target is reached with about .* Not counted: H — no channel is linked to it, so channel hours do not move it\.$/)
  })
})

describe('goal kinds and periods', () => {
  it('a rate goal moves as a volume-weighted rate: above the team’s rate helps, the only channel serving it gains nothing from more hours', () => {
    const rateGoal = goal('E', { kind: 'rate', baseline: 3, current: 3, target: 5 })
    const both = input({
      goals: [rateGoal],
      channels: [channel('HI', { links: [{ goalId: 'E', rate: 6 }] }), channel('LO', { links: [{ goalId: 'E', rate: 2 }] })]
    })
    const m = planPriorities(both, opts)
    const v = new Map(m.channels.map((c) => [c.channelId, c.valuePerHour]))
    expect(v.get('HI')).toBeGreaterThan(0)
    expect(v.get('LO')).toBeLessThan(0)
    const g = m.goals[0]
    expect(g?.point).toBeGreaterThan(2)
    expect(g?.point).toBeLessThan(6)
    const alone = planPriorities(input({ goals: [rateGoal], channels: [channel('ONLY', { links: [{ goalId: 'E', rate: 6 }] })] }), opts)
    expect(alone.channels[0]?.valuePerHour).toBeCloseTo(0, 12)
  })

  it('the period is what is left of the goal’s own quarter', () => {
    // 17–31 December, today included: the same count as a whole quarter's 92 days before it starts.
    expect(weeksLeft(goal('G'), '2026-12-17')).toBeCloseTo(15 / 7, 9)
    expect(weeksLeft(goal('G'), '2026-09-01')).toBeCloseTo(92 / 7, 9)
    expect(weeksLeft(goal('G'), '2026-10-01')).toBeCloseTo(92 / 7, 9)
    // The last day still has a day to act; the day after, nothing.
    expect(weeksLeft(goal('G'), '2026-12-31')).toBeCloseTo(1 / 7, 9)
    expect(weeksLeft(goal('G'), '2027-01-01')).toBe(0)
  })

  it('predicts a count goal as a point inside its 80 % interval; calibration changes it', () => {
    const data = input({ posts: posts('A', 40, () => 3000, () => 9) })
    const [cal] = predictGoalResults(data, { today: TODAY })
    const [raw] = predictGoalResults(data, { today: TODAY, calibrate: false })
    expect(cal?.low).toBeLessThan(cal?.point ?? 0)
    expect(cal?.high).toBeGreaterThan(cal?.point ?? 0)
    expect(cal?.point).toBeGreaterThan((raw?.point ?? 0) * 5)
    const half = predictGoalResults(data, { today: TODAY, hours: new Map([['A', 2]]) })[0]
    expect(half?.point).toBeLessThan(cal?.point ?? 0)
  })
})

describe('ranks, holds, RICE and bad input', () => {
  it('ranks 1..n, channels needing an estimate last, never NaN, and the same seed gives the same output', () => {
    const data = { ...team(), channels: [...team().channels, channel('Z', { audience: 0, links: [] })] }
    const m = planPriorities(data, opts)
    expect(m.channels.map((c) => c.rank).toSorted((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6])
    expect(m.channels.find((c) => c.channelId === 'Z')?.tier).toBe('needs estimate')
    expect(m.channels.find((c) => c.channelId === 'Z')?.rank).toBe(6)
    expect(JSON.stringify(m)).not.toMatch(/NaN|null,"low":null/)
    for (const c of m.channels) expect(c.holds).toBeGreaterThanOrEqual(0)
    expect(planPriorities(data, opts)).toEqual(m)
    expect(m.rice.rows).toHaveLength(6)
    expect(m.rice.sentence.length).toBeGreaterThan(20)
  })

  it('sensitivity covers the goal inputs too', () => {
    const m = planPriorities(team(), opts)
    const labels = m.sensitivity.flatMap((s) => s.inputs.map((i) => i.label))
    expect(labels).toContain('G1 weight')
    expect(labels).toContain('G1 target')
    expect(labels).toContain('reach per post')
  })

  it('refuses an unknown kind, a rate above 100 %, negative reach and a stretch below the target, naming the field', () => {
    const bad = input({
      goals: [goal('G1', { kind: 'ratio' as 'count' }), goal('G2', { kind: 'rate', target: 120 }), goal('G3', { target: 50, stretchTarget: 40 })],
      posts: [{ channelId: 'A', goalKey: null, date: TODAY, reach: -5, conversions: null }],
      channels: [channel('A', { audience: Number.NaN })]
    })
    expect(modelInputIssues(bad).map((i) => i.path.join('.'))).toEqual(['goals.0.kind', 'goals.1.target', 'goals.2.stretchTarget', 'channels.0.audience', 'posts.0.reach'])
  })
})
