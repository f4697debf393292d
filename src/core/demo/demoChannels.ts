import { demoCalendar as cal } from './demoCalendar'
import { CHANNEL_SPECS, type ChannelSpec } from './demoChannelSpecs'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import type { DemoGoals } from './demoGoals'
import type { DemoTeam } from './demoMembers'
import { seededUlid } from './seededUlid'

export type DemoChannel = { id: string; spec: ChannelSpec; audience: number; ownerId: string }

export type DemoChannels = {
  records: DemoRecord<'channel'>[]
  measurements: DemoRecord<'measurement'>[]
  list: DemoChannel[]
  byKey: Map<string, DemoChannel>
}

const METRIC_SOURCE: Record<string, string> = { linkedin: 'LinkedIn analytics', x: 'X analytics', youtube: 'YouTube Studio' }

export function demoChannels(ctx: DemoContext, team: DemoTeam, goals: DemoGoals): DemoChannels {
  const rng = ctx.rng('channel')
  const out: DemoChannels = { records: [], measurements: [], list: [], byKey: new Map() }
  for (const spec of CHANNEL_SPECS) {
    const created = spec.status === 'proposed' ? ctx.today - rng.int(8, 20) : ctx.spanStart - rng.int(60, 700)
    const id = seededUlid(rng, created * cal.DAY_MS + rng.int(0, 86_399) * 1000)
    const audience = spec.audience ?? Math.round(goals.latest.subs)
    const ownerId = team.byRole[spec.owner].id
    out.records.push({
      id,
      name: spec.name,
      platform: spec.platform,
      handle: spec.handle,
      ownerId,
      status: spec.status,
      audienceSize: audience,
      cadencePerWeek: spec.cadence,
      hoursPerPost: spec.hoursPerPost,
      fixedHoursPerMonth: spec.fixedHours,
      costPerMonth: spec.cost,
      confidence: spec.confidence,
      goalLinks: spec.links.map(([key, rate]) => ({ goalId: goals.current[key], rate })),
      estimatesUpdatedAt: spec.estimatesAgeDays === null ? null : cal.dayString(ctx.today - spec.estimatesAgeDays),
      organicReachShare: null,
      reachNote: '',
      trialHoursPerWeek: null,
      notes: spec.notes
    })
    const channel: DemoChannel = { id, spec, audience, ownerId }
    out.list.push(channel)
    out.byKey.set(spec.key, channel)
    if (spec.metric !== null) addMetric(ctx, out, channel)
  }
  return out
}

/**
 * Weekly follower/subscriber counts ending at today's audience. Growth is exponential backwards
 * (about 22 % a year) so a five-year benchmark span never goes negative.
 */
function addMetric(ctx: DemoContext, out: DemoChannels, channel: DemoChannel): void {
  const rng = ctx.rng(`metric:${channel.spec.key}`)
  const metric = channel.spec.metric ?? 'followers'
  const source = METRIC_SOURCE[channel.spec.platform] ?? 'manual'
  const weeks = Math.floor((ctx.today - ctx.spanStart) / 7)
  let prev = 0
  for (let w = weeks; w >= 0; w--) {
    const day = ctx.today - w * 7
    const trend = channel.audience * Math.exp((-0.2 * w * 7) / 365)
    // Followers rarely drop week to week; keep the series monotonic with a little jitter.
    const value = Math.max(prev, Math.round(trend * (1 + 0.004 * rng.noise())))
    prev = value
    out.measurements.push({
      id: seededUlid(rng, day * cal.DAY_MS + rng.int(7, 10) * 3_600_000),
      goalId: null,
      channelId: channel.id,
      metric,
      date: cal.dayString(day),
      value: w === 0 ? channel.audience : value,
      source,
      note: ''
    })
  }
}
