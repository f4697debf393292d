import type { z } from 'zod'
import type { enums } from '../domain/enums'
import { demoCalendar as cal, type Quarter } from './demoCalendar'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import type { DemoTeam, RoleKey } from './demoMembers'
import type { Rng } from './seededRandom'
import { seededUlid } from './seededUlid'

export type GoalKey = 'demo' | 'sov' | 'subs' | 'hours' | 'care'
/** How a goal's weekly numbers move, so the review shows a mix of outcomes rather than all green. */
type Trend = 'achieved' | 'on_track' | 'at_risk' | 'off_track'

export type DemoGoals = {
  records: DemoRecord<'goal'>[]
  measurements: DemoRecord<'measurement'>[]
  /** Goal ids by quarter label and key: content links to the goal of its own quarter. */
  byQuarter: Map<string, Partial<Record<GoalKey, string>>>
  current: Record<GoalKey, string>
  /** Last measured value per goal key in the current quarter (the newsletter channel's audience). */
  latest: Record<GoalKey, number>
}

type GoalSpec = {
  key: GoalKey
  driver: z.infer<typeof enums.driver>
  kind: z.infer<typeof enums.goalKind>
  objective: string
  kpiName: string
  kpiUnit: string
  owner: RoleKey
  priority: number
  weight: number
  source: string
  decimals: number
  /** Counts that only grow within a quarter (requests, subscribers) never dip week to week. */
  cumulative: boolean
}

const SPECS: Record<GoalKey, GoalSpec> = {
  demo: { key: 'demo', kind: 'count', driver: 'revenue', objective: 'Turn our content into qualified pipeline', kpiName: 'Qualified demo requests', kpiUnit: 'requests', owner: 'pmm', priority: 5, weight: 3, source: 'HubSpot', decimals: 0, cumulative: true },
  sov: { key: 'sov', kind: 'rate', driver: 'reputation', objective: 'Be the name analysts and peers mention for data observability', kpiName: 'Share of voice in analyst/peer mentions', kpiUnit: '%', owner: 'head', priority: 4, weight: 2, source: 'Brandwatch export', decimals: 1, cumulative: false },
  subs: { key: 'subs', kind: 'count', driver: 'reach', objective: 'Grow an audience that reads us every week', kpiName: 'Newsletter subscribers', kpiUnit: 'subscribers', owner: 'content', priority: 3, weight: 1.5, source: 'Mailchimp', decimals: 0, cumulative: true },
  hours: { key: 'hours', kind: 'count', driver: 'return_on_operations', objective: 'Publish more with the same team by reusing what we make', kpiName: 'Hours saved per published piece', kpiUnit: 'h', owner: 'content', priority: 2, weight: 1, source: 'Time tracking', decimals: 1, cumulative: false },
  care: { key: 'care', kind: 'rate', driver: 'customer_care', objective: 'Answer the community within a day', kpiName: 'Community questions answered within 24h', kpiUnit: '%', owner: 'community', priority: 4, weight: 2, source: 'Discourse', decimals: 0, cumulative: false }
}

const PACE: Record<Trend, number> = { achieved: 1.12, on_track: 1.03, at_risk: 0.78, off_track: 0.42 }

const NOTES = [
  'Webinar week: registrations spiked',
  'Holiday week, expect a dip',
  'Tracking fixed after the UTM audit',
  'Includes the partner newsletter mention',
  'Re-counted after removing duplicates',
  'Estimated; export was late'
]

type QuarterGoal = { key: GoalKey; baseline: number; target: number; trend: Trend; notes: string }

export function demoGoals(ctx: DemoContext, team: DemoTeam): DemoGoals {
  const rng = ctx.rng('goal')
  const out: DemoGoals = { records: [], measurements: [], byQuarter: new Map(), current: {} as Record<GoalKey, string>, latest: {} as Record<GoalKey, number> }
  const history = ctx.quarters.filter((q) => q.start < ctx.previous.start)
  // Subscribers compound backwards in time so older quarters start from a smaller list.
  let subsBaseline = Math.round(7200 * Math.pow(0.9, history.length))
  for (const q of history) {
    const trend = rng.pick<Trend>(['achieved', 'on_track', 'at_risk'])
    const subsTarget = Math.round(subsBaseline * 1.12)
    const goals: QuarterGoal[] = [
      { key: 'demo', baseline: 0, target: rng.int(8, 12) * 10, trend: rng.pick<Trend>(['achieved', 'at_risk']), notes: '' },
      { key: 'subs', baseline: subsBaseline, target: subsTarget, trend, notes: '' },
      { key: 'care', baseline: rng.int(50, 60), target: rng.int(70, 80), trend: rng.pick<Trend>(['on_track', 'off_track']), notes: '' }
    ]
    for (const g of goals) addGoal(ctx, rng, team, out, q, g)
    subsBaseline = Math.round(subsBaseline * 1.1)
  }
  const previous: QuarterGoal[] = [
    { key: 'demo', baseline: 0, target: 120, trend: 'achieved', notes: 'Closed above target thanks to the downtime report launch.' },
    { key: 'subs', baseline: 7200, target: 8600, trend: 'at_risk', notes: 'Missed: the partner newsletter swap was paused mid-quarter.' }
  ]
  for (const g of previous) addGoal(ctx, rng, team, out, ctx.previous, g)
  const prevSubs = out.measurements.filter((m) => m.goalId === out.byQuarter.get(ctx.previous.label)?.subs).at(-1)?.value ?? 8400
  const current: QuarterGoal[] = [
    { key: 'demo', baseline: 0, target: 150, trend: 'on_track', notes: 'Counted when sales accepts the request (SQL), not on form fill.' },
    { key: 'sov', baseline: 14, target: 22, trend: 'at_risk', notes: 'Mentions of us vs. four named competitors in analyst notes, podcasts and peer threads.' },
    { key: 'subs', baseline: prevSubs, target: Math.round((prevSubs + 2200) / 100) * 100, trend: 'on_track', notes: '' },
    { key: 'hours', baseline: 1.5, target: 4, trend: 'off_track', notes: 'Repurposing webinars into posts; blocked on the video editor hire.' },
    { key: 'care', baseline: 64, target: 85, trend: 'on_track', notes: 'Weekdays only; measured from first post to first staff or champion answer.' }
  ]
  for (const g of current) addGoal(ctx, rng, team, out, ctx.current, g)
  return out
}

function addGoal(ctx: DemoContext, rng: Rng, team: DemoTeam, out: DemoGoals, q: Quarter, g: QuarterGoal): void {
  const spec = SPECS[g.key]
  const id = seededUlid(rng, (q.start - rng.int(3, 12)) * cal.DAY_MS)
  const isCurrent = q.start === ctx.current.start
  out.records.push({
    id,
    objective: spec.objective,
    driver: spec.driver,
    kpiName: spec.kpiName,
    kpiUnit: spec.kpiUnit,
    kind: spec.kind,
    baseline: g.baseline,
    target: g.target,
    stretchTarget: null,
    quarter: q.label,
    ownerId: team.byRole[spec.owner].id,
    priority: spec.priority,
    weight: spec.weight,
    notes: g.notes
  })
  const slot = out.byQuarter.get(q.label) ?? {}
  slot[g.key] = id
  out.byQuarter.set(q.label, slot)
  if (isCurrent) out.current[g.key] = id
  const span = g.target - g.baseline
  const length = q.end - q.start + 1
  const factor = Math.pow(10, spec.decimals)
  let prev = g.baseline
  const lastDay = Math.min(q.end, ctx.today)
  const days: number[] = []
  for (let day = q.start; day <= lastDay; day += 7) days.push(day)
  // A finished quarter gets a closing value on its last day, which is what the review compares.
  if (q.end <= ctx.today && days.at(-1) !== q.end) days.push(q.end)
  for (const day of days) {
    const f = (day - q.start + 1) / length
    let value = g.baseline + span * PACE[g.trend] * f + Math.abs(span) * 0.03 * rng.noise()
    if (spec.cumulative) value = Math.max(prev, value)
    if (g.trend === 'achieved' && day === q.end) value = span > 0 ? Math.max(value, g.target) : Math.min(value, g.target)
    value = Math.round(value * factor) / factor
    prev = value
    out.measurements.push({
      id: seededUlid(rng, day * cal.DAY_MS + rng.int(8, 18) * 3_600_000),
      goalId: id,
      channelId: null,
      metric: '',
      date: cal.dayString(day),
      value,
      source: spec.source,
      note: rng.chance(0.08) ? rng.pick(NOTES) : ''
    })
  }
  if (isCurrent) out.latest[g.key] = prev
}
