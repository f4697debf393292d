import type { Channel } from '../../../core/domain/channel'
import type { Goal } from '../../../core/domain/goal'
import type { Measurement } from '../../../core/domain/measurement'
import type { Member } from '../../../core/domain/member'
import type { Pin } from '../../../core/domain/pin'
import { goalProgress } from '../../../core/goals/goalProgress'
import { quarter as quarters } from '../../../core/goals/quarter'
import type { ModelGoal, ModelInput, ModelPost } from '../../../core/scoring'
import type { KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordRepo } from '../repo/recordRepo'
import { goalsInPlay } from './scoringInputs'
import { localDay } from '../localDay'
import { carryLinks } from '../../../core/scoring/carryLinks'
import { goalName, goalNames } from '../../../core/goals/goalNames'
import { goalKey } from '../../../core/goals/goalKey'

/** Content planned this far ahead counts as members' planned content effort (per week, averaged). */
export const PLANNED_CONTENT_WEEKS = 4

function all<T>(b: Backend, kind: KindName, where?: { field: string; op: 'in'; value: string[] }[]): T[] {
  return recordRepo.list(b.db, kind, { limit: 1_000_000, where }).items as unknown as T[]
}

type PostRow = { id: string; channel_id: string; goal_id: string | null; day: string; result_reach: number | null; result_conversions: number | null }
type EffortRow = { owner_id: string; hours: number }

export type ModelWorkspace = { asOf: string; quarter: string; input: ModelInput }

/**
 * The model as of another day (the review deck): `asOf` replaces today, and `records` gives goals,
 * channels, members and pins as they stood then (deck/recordsAsOf.ts).
 */
export type ModelAt = { asOf: string; records?: (kind: 'goal' | 'channel' | 'member' | 'pin') => unknown[] }

/** A goal as the model reads it: its own quarter is its period. */
export function modelGoalOf(g: Goal, current: number | null, weight: number, name: string = goalName(g)): ModelGoal {
  const qr = quarters.of(g.quarter)
  return {
    id: g.id,
    name,
    kind: g.kind,
    unit: g.kpiUnit,
    baseline: g.baseline,
    target: g.target,
    stretchTarget: g.stretchTarget,
    current,
    weight,
    periodStart: qr.start,
    periodEnd: qr.end
  }
}

/** Everything the second model reads from the workspace, as of the backend's clock. */
export function modelInputs(b: Backend, weights: readonly { goalId: string; weight: number }[] = [], at?: ModelAt, quarter?: string): ModelWorkspace {
  const asOf = at?.asOf ?? localDay(b.now())
  const rows = <T>(kind: 'goal' | 'channel' | 'member' | 'pin'): T[] => (at?.records === undefined ? all<T>(b, kind) : (at.records(kind) as T[]))
  const allGoals = rows<Goal>('goal')
  const play = goalsInPlay(allGoals, asOf, quarter)
  const measurements = all<Measurement>(b, 'measurement', [{ field: 'goalId', op: 'in', value: play.goals.map((g) => g.id) }])
  const override = new Map(weights.map((w) => [w.goalId, w.weight]))
  const names = goalNames(play.goals)
  const goals = play.goals
    .map((g) => modelGoalOf(g, goalProgress(g, measurements, asOf).current, override.get(g.id) ?? g.weight, names.get(g.id)))
    .sort((x, y) => (x.id < y.id ? -1 : 1))

  const keys = new Map(allGoals.map((g) => [g.id, goalKey(g)]))
  // Results back (issue #15): where an item's goal takes progress from the outcome ledger, the ledger's
  // units for that item (leads, pipeline…) are its results; without a ledger nothing changes.
  const ledger = new Map(
    b.db
      .all<{ content_id: string; v: number }>(sql`
        SELECT o.content_id, sum(o.value) AS v FROM outcome o
        JOIN content_item c ON c.id = o.content_id JOIN goal g ON g.id = c.goal_id
        WHERE o.deleted_at IS NULL AND o.content_id IS NOT NULL AND g.results_metric = o.metric AND o.date <= ${asOf}
        GROUP BY o.content_id`)
      .map((r) => [r.content_id, r.v])
  )
  const posts: ModelPost[] = b.db
    .all<PostRow>(sql`
      SELECT id, channel_id, goal_id, coalesce(substr(publish_at, 1, 10), planned_date) AS day, result_reach, result_conversions
      FROM content_item
      WHERE deleted_at IS NULL AND status = 'published' AND channel_id IS NOT NULL AND result_reach IS NOT NULL
        AND coalesce(substr(publish_at, 1, 10), planned_date) IS NOT NULL AND coalesce(substr(publish_at, 1, 10), planned_date) <= ${asOf}`)
    .map((r) => ({ channelId: r.channel_id, goalKey: r.goal_id === null ? null : (keys.get(r.goal_id) ?? null), date: r.day, reach: r.result_reach, conversions: ledger.get(r.id) ?? r.result_conversions }))

  const until = new Date(Date.parse(`${asOf}T00:00:00Z`) + PLANNED_CONTENT_WEEKS * 7 * 86_400_000).toISOString().slice(0, 10)
  const effort = new Map(
    b.db
      .all<EffortRow>(sql`
        SELECT owner_id, sum(effort_hours) AS hours FROM content_item
        WHERE deleted_at IS NULL AND owner_id IS NOT NULL AND status NOT IN ('published', 'cancelled')
          AND planned_date > ${asOf} AND planned_date <= ${until}
        GROUP BY owner_id`)
      .map((r) => [r.owner_id, r.hours / PLANNED_CONTENT_WEEKS])
  )
  const members = rows<Member>('member')
    .filter((m) => m.active)
    .map((m) => ({ id: m.id, name: m.name, capacityHours: m.weeklyCapacityHours, otherWorkHours: m.otherWorkHoursPerWeek, plannedContentHours: effort.get(m.id) ?? 0 }))

  const kpis = new Map(allGoals.map((g) => [g.id, { key: goalKey(g), quarter: g.quarter }]))
  const channels = rows<Channel>('channel')
    .map((c) => ({
      id: c.id,
      name: c.name,
      platform: c.platform,
      status: c.status,
      audience: c.audienceSize,
      organicReachShare: c.organicReachShare,
      reachNote: c.reachNote,
      postsPerWeek: c.cadencePerWeek,
      hoursPerPost: c.hoursPerPost,
      fixedHoursPerMonth: c.fixedHoursPerMonth,
      costPerMonth: c.costPerMonth,
      confidence: c.confidence,
      // Planning a later quarter: its goals take the links of the same KPI's goals (carryLinks).
      links: quarter === undefined ? c.goalLinks : carryLinks(c.goalLinks, play.goals, kpis),
      trialHoursPerWeek: c.trialHoursPerWeek
    }))
    .sort((x, y) => (x.id < y.id ? -1 : 1))
  const pins = rows<Pin>('pin').map((p) => ({ channelId: p.channelId, minHours: p.minHours, maxHours: p.maxHours, exclude: p.exclude, reason: p.reason }))
  return { asOf, quarter: play.quarter, input: { channels, goals, posts, goalKeys: keys, members, pins } }
}
