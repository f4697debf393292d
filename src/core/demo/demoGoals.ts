import { demoCalendar as cal, type Quarter } from './demoCalendar'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import { GOAL_SPECS, subscribersAt, type GoalKey } from './demoGoalSpecs'
import type { DemoTeam } from './demoMembers'
import type { Rng } from './seededRandom'
import { seededUlid } from './seededUlid'

export type { GoalKey } from './demoGoalSpecs'

/** How a goal's weekly numbers move, so the review shows a mix of outcomes rather than all green. */
type Trend = 'achieved' | 'on_track' | 'at_risk' | 'off_track'

type PlannedGoal = { id: string; key: GoalKey; quarter: Quarter; trend: Trend; notes: string }

/** Goal ids, made before the content so items can link to the goal of their own quarter. */
export type DemoGoalIds = {
  byQuarter: Map<string, Partial<Record<GoalKey, string>>>
  current: Partial<Record<GoalKey, string>>
  planned: PlannedGoal[]
}

/** What the published content did for each goal: results by publish day, and the noise-free expectation. */
export type LedgerEntry = { byDay: Map<number, number>; expected: number }
export type GoalLedger = Map<string, LedgerEntry>

export type DemoGoals = { records: DemoRecord<'goal'>[]; measurements: DemoRecord<'measurement'>[] }

/** Actual ÷ what the plan made likely: a target set at expected ÷ pace ends the quarter at about `pace` of it. */
const PACE: Record<Trend, number> = { achieved: 1.12, on_track: 1.03, at_risk: 0.86, off_track: 0.62 }

const NOTES = [
  'Webinar week: registrations spiked',
  'Holiday week, expect a dip',
  'Tracking fixed after the UTM audit',
  'Includes the partner newsletter mention',
  'Re-counted after removing duplicates',
  'Estimated; export was late'
]

const CURRENT: readonly (readonly [GoalKey, Trend, string])[] = [
  ['demo', 'on_track', 'Counted when sales accepts the request (SQL), not on form fill.'],
  ['pipe', 'at_risk', 'Opportunities where a contact touched our content in the 90 days before the deal was created.'],
  ['sov', 'at_risk', 'Mentions of us vs. four named competitors in analyst notes, podcasts and peer threads.'],
  ['subs', 'on_track', ''],
  ['hours', 'off_track', 'Repurposing webinars into posts; blocked on the video editor hire.'],
  ['care', 'on_track', 'Weekdays only; measured from first post to first staff or champion answer.']
]
const PREVIOUS: readonly (readonly [GoalKey, Trend, string])[] = [
  ['demo', 'achieved', 'Closed above target thanks to the downtime report launch.'],
  ['pipe', 'on_track', ''],
  ['sov', 'at_risk', ''],
  ['subs', 'at_risk', 'Missed: the partner newsletter swap was paused mid-quarter.'],
  ['care', 'off_track', '']
]

/**
 * Which goals each quarter has: the current quarter all six; past quarters the pipeline goals, share
 * of voice and subscribers, and the community goal every other quarter, with a seeded mix of outcomes.
 */
export function demoGoalIds(ctx: DemoContext): DemoGoalIds {
  const rng = ctx.rng('goal-id')
  const out: DemoGoalIds = { byQuarter: new Map(), current: {}, planned: [] }
  ctx.quarters.forEach((q, i) => {
    const quartersAgo = ctx.quarters.length - 1 - i
    const plan =
      quartersAgo === 0 ? CURRENT
      : quartersAgo === 1 ? PREVIOUS
      : (['demo', 'pipe', 'sov', 'subs', ...(quartersAgo % 2 === 0 ? ['care' as const] : [])] as const).map(
          (key) => [key, rng.pick<Trend>(['achieved', 'on_track', 'at_risk', 'off_track']), ''] as const
        )
    const slot: Partial<Record<GoalKey, string>> = {}
    for (const [key, trend, notes] of plan) {
      const id = seededUlid(rng, (q.start - rng.int(3, 12)) * cal.DAY_MS + rng.int(8, 17) * 3_600_000)
      slot[key] = id
      out.planned.push({ id, key, quarter: q, trend, notes })
      if (quartersAgo === 0) out.current[key] = id
    }
    out.byQuarter.set(q.label, slot)
  })
  return out
}

/** The goal records and their weekly measurements; content-driven goals add up what the content did. */
export function demoGoals(ctx: DemoContext, team: DemoTeam, ids: DemoGoalIds, ledger: GoalLedger): DemoGoals {
  const rng = ctx.rng('goal')
  const out: DemoGoals = { records: [], measurements: [] }
  for (const g of ids.planned) {
    const quartersAgo = ctx.quarters.length - 1 - ctx.quarters.findIndex((q) => q.start === g.quarter.start)
    const { baseline, target, valueOn } = shape(ctx, rng, g, quartersAgo, ledger.get(g.id))
    const spec = GOAL_SPECS[g.key]
    out.records.push({
      id: g.id,
      objective: spec.objective,
      driver: spec.driver,
      kpiName: spec.kpiName,
      kpiUnit: spec.kpiUnit,
      kind: spec.measure,
      baseline,
      target,
      // The pipeline goals carry a stretch this quarter: worth pushing past the target if hours allow.
      stretchTarget: quartersAgo === 0 && spec.fromContent ? Math.round((target * 1.2) / (g.key === 'pipe' ? 5000 : 5)) * (g.key === 'pipe' ? 5000 : 5) : null,
      quarter: g.quarter.label,
      ownerId: team.byRole[spec.owner].id,
      priority: spec.priority,
      weight: spec.weight,
      notes: g.notes
    })
    addMeasurements(ctx, rng, out, g, valueOn)
  }
  return out
}

type Shape = { baseline: number; target: number; valueOn: (day: number, rng: Rng) => number }

function shape(ctx: DemoContext, rng: Rng, g: PlannedGoal, quartersAgo: number, ledger: LedgerEntry | undefined): Shape {
  const { quarter: q, trend, key } = g
  const pace = PACE[trend]
  const spec = GOAL_SPECS[key]
  if (spec.fromContent) {
    // The target was set from what the plan made likely; the value is what the content really brought.
    const step = key === 'pipe' ? 5000 : 5
    const target = Math.max(step, Math.round((ledger?.expected ?? 0) / pace / step) * step)
    const days = [...(ledger?.byDay ?? new Map<number, number>())].sort((a, b) => a[0] - b[0])
    return {
      baseline: 0,
      target,
      valueOn: (day) => {
        let sum = 0
        for (const [d, v] of days) if (d <= day) sum += v
        return sum
      }
    }
  }
  if (key === 'subs') {
    const subs = (day: number): number => subscribersAt(day, ctx.current, cal.quarterOf)
    const baseline = Math.round(subs(q.start))
    const gain = subs(q.end) - baseline
    return { baseline, target: Math.round((baseline + gain / pace) / 100) * 100, valueOn: (day, r) => subs(day) * (1 + 0.002 * r.noise()) }
  }
  // Rates move both ways around a paced line from the baseline toward what the quarter reached.
  const [baseline, target] =
    key === 'sov' ? (quartersAgo === 0 ? [14, 22] : [Math.max(4, 14 - quartersAgo), Math.max(4, 14 - quartersAgo) + rng.int(4, 8)])
    : key === 'care' ? (quartersAgo === 0 ? [64, 85] : [Math.max(40, 64 - 3 * quartersAgo), rng.int(75, 85)])
    : [1.5, 4]
  const span = target - baseline
  const length = q.end - q.start + 1
  return { baseline, target, valueOn: (day, r) => baseline + span * pace * ((day - q.start + 1) / length) + Math.abs(span) * 0.03 * r.noise() }
}

function addMeasurements(ctx: DemoContext, rng: Rng, out: DemoGoals, g: PlannedGoal, valueOn: Shape['valueOn']): void {
  const spec = GOAL_SPECS[g.key]
  const q = g.quarter
  const factor = Math.pow(10, spec.decimals)
  const lastDay = Math.min(q.end, ctx.today)
  const days: number[] = []
  for (let day = q.start; day <= lastDay; day += 7) days.push(day)
  // A finished quarter gets a closing value on its last day, which is what the review compares.
  if (q.end <= ctx.today && days.at(-1) !== q.end) days.push(q.end)
  let prev = -Infinity
  for (const day of days) {
    let value = valueOn(day, rng)
    if (spec.cumulative) value = Math.max(prev, value)
    value = Math.round(value * factor) / factor
    prev = value
    out.measurements.push({
      id: seededUlid(rng, day * cal.DAY_MS + rng.int(8, 18) * 3_600_000),
      goalId: g.id,
      channelId: null,
      metric: '',
      date: cal.dayString(day),
      value,
      source: spec.source,
      note: rng.chance(0.08) ? rng.pick(NOTES) : ''
    })
  }
}
