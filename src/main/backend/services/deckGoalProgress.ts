import type { ApiOutput } from '../../../core/api/contract'
import type { Channel } from '../../../core/domain/channel'
import type { Goal } from '../../../core/domain/goal'
import type { Measurement } from '../../../core/domain/measurement'
import { goalProgress, goalStatusRules, PROJECTION_METHOD, type GoalProgress } from '../../../core/goals/goalProgress'
import { quarter, type Quarter } from '../../../core/goals/quarter'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordRepo } from '../repo/recordRepo'
import { parseQuarter, todayOf } from './deckService'

type Output = ApiOutput<'goal-progress'>
type Card = Output['goals'][number]
type ContentRow = { id: string; title: string; channel_id: string | null; goal_id: string; publish_at: string; result_conversions: number | null; result_reach: number | null }

/**
 * Goal progress for the Goals screen's cards: the same numbers as the deck's goal slides (core
 * goalProgress), the weekly chart series, and what contributed: published content linked to the
 * goal in the quarter, grouped by channel, plus channels whose estimates link to it.
 */
export function deckGoalProgress(b: Backend, input: { quarter?: string; asOf?: string }): Output {
  const asOf = input.asOf ?? todayOf(b)
  const quarters = b.db
    .all<{ quarter: string }>(sql`SELECT DISTINCT quarter FROM goal WHERE deleted_at IS NULL ORDER BY quarter DESC`)
    .map((r) => r.quarter)
    .filter((q) => quarter.parse(q).ok)
  const qr = input.quarter !== undefined ? parseQuarter(input.quarter) : defaultQuarter(quarters, asOf)
  const base = { quarter: qr.key, asOf, quarters, rules: goalStatusRules, projection: PROJECTION_METHOD }
  const goals = recordRepo.list(b.db, 'goal', { where: [{ field: 'quarter', op: 'eq', value: qr.key }], limit: 1000 }).items as unknown as Goal[]
  if (goals.length === 0) return { ...base, goals: [] }

  const ids = goals.map((g) => g.id)
  const measurements = recordRepo.list(b.db, 'measurement', {
    where: [{ field: 'goalId', op: 'in', value: ids }, { field: 'date', op: 'gte', value: qr.start }, { field: 'date', op: 'lte', value: qr.end }],
    limit: 50_000
  }).items as unknown as Measurement[]
  const members = new Map(recordRepo.list(b.db, 'member', { limit: 10_000 }).items.map((m) => [String(m.id), String(m.name)]))
  const channels = recordRepo.list(b.db, 'channel', { limit: 10_000 }).items as unknown as Channel[]
  const channelName = new Map(channels.map((c) => [c.id, c.name]))
  const next = quarter.next(qr)
  // Published content of the quarter up to asOf, through the publish_at index; goal_id filtered after.
  const content = b.db.all<ContentRow>(
    sql`SELECT id, title, channel_id, goal_id, publish_at, result_conversions, result_reach FROM content_item
        WHERE publish_at >= ${qr.start} AND publish_at < ${next.start} AND deleted_at IS NULL AND status = 'published'
          AND goal_id IN (${sql.join(ids.map((id) => sql`${id}`))})`
  ).filter((c) => c.publish_at.slice(0, 10) <= asOf)

  const byPriority = (a: Goal, b2: Goal): number => b2.priority - a.priority || a.objective.localeCompare(b2.objective) || (a.id < b2.id ? -1 : 1)
  const cards = goals.toSorted(byPriority).map((g): Card => {
    const p = goalProgress(g, measurements, asOf)
    const mine = content.filter((c) => c.goal_id === g.id)
    return {
      id: g.id,
      objective: g.objective,
      driver: g.driver,
      kpiName: g.kpiName,
      kpiUnit: g.kpiUnit,
      ownerName: g.ownerId === null ? null : (members.get(g.ownerId) ?? null),
      priority: g.priority,
      progress: p,
      rule: goalStatusRules[p.status],
      weeks: weekly(qr, p, asOf),
      channels: contributions(g, mine, channels, channelName),
      content: mine
        .map((c) => ({ id: c.id, title: c.title, channelName: c.channel_id === null ? 'No channel' : (channelName.get(c.channel_id) ?? 'Unknown channel'), day: c.publish_at.slice(0, 10), units: c.result_conversions ?? 0, reach: c.result_reach }))
        .toSorted((a, b2) => b2.units - a.units || (b2.reach ?? 0) - (a.reach ?? 0) || (a.id < b2.id ? -1 : 1))
        .slice(0, 5)
    }
  })
  return { ...base, goals: cards }
}

/** The quarter today is in when it has goals, else the latest one before it, else the newest. */
function defaultQuarter(quarters: readonly string[], asOf: string): Quarter {
  const now = quarter.containing(asOf).key
  const pick = quarters.includes(now) ? now : (quarters.find((q) => q <= now) ?? quarters[0] ?? now)
  return quarter.of(pick)
}

/** Same series as the deck's goal slide: level known at each week's end, the straight plan, the trend. */
function weekly(qr: Quarter, p: GoalProgress, asOf: string): Card['weeks'] {
  let known = p.baseline
  const slopePerDay = (p.trendPerWeek ?? 0) / 7
  return quarter.weeks(qr).map((w, i) => {
    const v = p.weekly[i]
    if (v !== null && v !== undefined) known = v
    const day = quarter.dayIndex(qr, w.end) + 1
    return {
      label: w.label,
      end: w.end,
      actual: w.start <= asOf ? round2(known) : null,
      plan: p.target === null ? null : round2(p.baseline + ((p.target - p.baseline) * day) / qr.days),
      trend: p.projected === null ? null : round2(p.projected - slopePerDay * (qr.days - day))
    }
  })
}

function contributions(g: Goal, mine: readonly ContentRow[], channels: readonly Channel[], names: ReadonlyMap<string, string>): Card['channels'] {
  const per = new Map<string | null, { items: number; units: number }>()
  let total = 0
  for (const c of mine) {
    const row = per.get(c.channel_id) ?? { items: 0, units: 0 }
    row.items += 1
    row.units += c.result_conversions ?? 0
    total += c.result_conversions ?? 0
    per.set(c.channel_id, row)
  }
  const rate = new Map<string, number>()
  for (const ch of channels) {
    const link = ch.goalLinks.find((l) => l.goalId === g.id)
    if (link === undefined) continue
    rate.set(ch.id, link.rate)
    if (!per.has(ch.id)) per.set(ch.id, { items: 0, units: 0 })
  }
  return [...per.entries()]
    .map(([id, r]) => ({
      channelId: id,
      name: id === null ? 'No channel' : (names.get(id) ?? 'Unknown channel'),
      items: r.items,
      units: r.units,
      share: total > 0 ? r.units / total : null,
      expectedRate: id === null ? null : (rate.get(id) ?? null)
    }))
    .toSorted((a, b) => b.units - a.units || b.items - a.items || a.name.localeCompare(b.name))
}

function round2(v: number): number {
  return Math.round(v * 100) / 100
}
