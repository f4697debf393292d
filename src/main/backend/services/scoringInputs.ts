import type { Channel } from '../../../core/domain/channel'
import type { Goal } from '../../../core/domain/goal'
import type { Measurement } from '../../../core/domain/measurement'
import type { Member } from '../../../core/domain/member'
import type { Pin } from '../../../core/domain/pin'
import type { ScoreSnapshot } from '../../../core/domain/scoreSnapshot'
import { goalProgress } from '../../../core/goals/goalProgress'
import { quarter as quarters } from '../../../core/goals/quarter'
import { calibrateRates, type AllocationPin, type Calibration, type ScoringChannel, type ScoringGoal, type ScoringObservation, type ScoringOptions } from '../../../core/scoring'
import type { KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { workspaceProfileOf } from './workspaceProfileService'
import { sql } from '../db/sql'
import { recordRepo } from '../repo/recordRepo'
import { scoringDuplicates, type DuplicateChannel } from './scoringDuplicates'
import { localDay } from '../localDay'
import { goalName, goalNames } from '../../../core/goals/goalNames'
import { goalKey } from '../../../core/goals/goalKey'
import { carryLinks } from '../../../core/scoring/carryLinks'

/** Results older than this say little about a channel's audience today, so calibration leaves them out. */
export const EVIDENCE_DAYS = 365

export type GoalInPlay = ScoringGoal & {
  kpiName: string
  kpiUnit: string
  lowerIsBetter: boolean
  enteredBaseline: number
  enteredTarget: number
  measured: number | null
  measuredOn: string | null
}

export type WhatIf = { weights?: readonly { goalId: string; weight: number }[]; capacityHours?: number; blendedHourlyRate?: number; quarter?: string | undefined }

/** Everything the engine needs, read from the workspace once. */
export type ScoringWorkspace = {
  asOf: string
  quarter: string
  /** Quarters that can be planned (plannableQuarters). */
  quarters: string[]
  goals: GoalInPlay[]
  /** Channels as entered (estimates), and after calibration with published results (what is scored). */
  estimates: ScoringChannel[]
  channels: ScoringChannel[]
  calibration: Omit<Calibration, 'channel'>[]
  options: ScoringOptions
  capacityHours: number
  capacityFromMembers: number
  activeMembers: number
  pins: Pin[]
  allocationPins: AllocationPin[]
  duplicates: DuplicateChannel[]
  snapshots: ScoreSnapshot[]
}

// Rows were validated by the record service on the way in; the codec returns the domain shape.
function all<T>(b: Backend, kind: KindName, where?: { field: string; op: 'in'; value: string[] }[]): T[] {
  return recordRepo.list(b.db, kind, { limit: 1_000_000, where }).items as unknown as T[]
}

const STATUS: Record<Channel['status'], ScoringChannel['status']> = { proposed: 'planned', active: 'active', paused: 'paused', retired: 'retired' }

/**
 * The engine treats every goal as "more is better". A goal whose target is below its baseline
 * (response time, cost per lead) is turned into a reduction total: baseline − value, from 0 to
 * baseline − target, so its gap and a channel's "units" (reductions) keep their meaning.
 */
function toScoringGoal(g: Goal & { target: number }, measured: number | null, name: string = goalName(g)): Omit<GoalInPlay, 'measuredOn'> {
  const lowerIsBetter = g.target < g.baseline
  const value = measured ?? g.baseline
  return {
    id: g.id,
    name,
    driver: g.driver,
    target: lowerIsBetter ? g.baseline - g.target : g.target,
    current: lowerIsBetter ? g.baseline - value : value,
    baseline: lowerIsBetter ? 0 : g.baseline,
    weight: g.weight,
    kpiName: g.kpiName,
    kpiUnit: g.kpiUnit,
    lowerIsBetter,
    enteredBaseline: g.baseline,
    enteredTarget: g.target,
    measured
  }
}

/**
 * The current quarter's goals; before any exist, the latest quarter that has goals. `wanted` plans
 * another quarter's goals instead (next quarter's, chosen in the last weeks of this one).
 */
export function goalsInPlay(goals: Goal[], asOf: string, wanted?: string): { quarter: string; goals: Goal[] } {
  if (wanted !== undefined) return { quarter: wanted, goals: goals.filter((g) => g.quarter === wanted) }
  const current = quarters.containing(asOf).key
  if (goals.some((g) => g.quarter === current)) return { quarter: current, goals: goals.filter((g) => g.quarter === current) }
  const earlier = goals.map((g) => g.quarter).filter((q) => q <= current).sort()
  const latest = earlier.at(-1)
  return latest === undefined ? { quarter: current, goals: [] } : { quarter: latest, goals: goals.filter((g) => g.quarter === latest) }
}

type ObservationRow = { channel_id: string; goal_id: string; posts: number; reached: number; units: number }

/** The quarter in play by default, then every later quarter that has goals: what Priorities can plan. */
export function plannableQuarters(goals: readonly Goal[], asOf: string): string[] {
  const inPlay = goalsInPlay([...goals], asOf).quarter
  const later = new Set(goals.map((g) => g.quarter).filter((q) => q > inPlay && q > quarters.containing(asOf).key))
  return [inPlay, ...[...later].sort()]
}

/**
 * Published results per channel and goal over the evidence window. Content links to the goal of its
 * own quarter, so results for last quarter's "Qualified demo requests" count as evidence for this
 * quarter's goal with the same KPI: the rate per 1,000 reached is a property of the channel, not of
 * the quarter.
 */
function observations(b: Backend, asOf: string, goals: GoalInPlay[], allGoals: Goal[]): Map<string, ScoringObservation[]> {
  const cutoff = new Date(Date.parse(`${asOf}T00:00:00Z`) - EVIDENCE_DAYS * 86_400_000).toISOString().slice(0, 10)
  const rows = b.db.all<ObservationRow>(sql`
    SELECT channel_id, goal_id, count(*) AS posts, sum(result_reach) AS reached, sum(result_conversions) AS units
    FROM content_item
    WHERE deleted_at IS NULL AND status = 'published' AND channel_id IS NOT NULL AND goal_id IS NOT NULL
      AND result_reach > 0 AND result_conversions IS NOT NULL
      AND coalesce(substr(publish_at, 1, 10), planned_date, '') BETWEEN ${cutoff} AND ${asOf}
    GROUP BY channel_id, goal_id`)
  const kpi = (g: { kpiName: string }) => g.kpiName.trim().toLowerCase()
  const inPlay = new Map(goals.map((g) => [g.id, g.id]))
  const byKpi = new Map(goals.map((g) => [kpi(g), g.id]))
  const goalById = new Map(allGoals.map((g) => [g.id, g]))
  const out = new Map<string, Map<string, ScoringObservation>>()
  for (const r of rows) {
    const source = goalById.get(r.goal_id)
    const goalId = inPlay.get(r.goal_id) ?? (source === undefined ? undefined : byKpi.get(kpi(source)))
    if (goalId === undefined) continue
    const perGoal = out.get(r.channel_id) ?? new Map<string, ScoringObservation>()
    const o = perGoal.get(goalId) ?? { goalId, reached: 0, units: 0, posts: 0 }
    perGoal.set(goalId, { goalId, reached: o.reached + r.reached, units: o.units + r.units, posts: o.posts + r.posts })
    out.set(r.channel_id, perGoal)
  }
  return new Map([...out].map(([id, m]) => [id, [...m.values()]]))
}

export function scoringInputs(b: Backend, whatIf: WhatIf = {}): ScoringWorkspace {
  const asOf = localDay(b.now())
  const allGoals = all<Goal>(b, 'goal')
  const play = goalsInPlay(allGoals, asOf, whatIf.quarter)
  const measurements = all<Measurement>(b, 'measurement', [{ field: 'goalId', op: 'in', value: play.goals.map((g) => g.id) }])
  const weightOverride = new Map((whatIf.weights ?? []).map((w) => [w.goalId, w.weight]))
  // A goal without a target is tracked only: it pulls no hours, so the engine does not see it.
  const withTarget = play.goals.filter((g): g is Goal & { target: number } => g.target !== null)
  const names = goalNames(play.goals)
  const goals: GoalInPlay[] = withTarget
    .map((g) => {
      const progress = goalProgress(g, measurements, asOf)
      const goal = { ...toScoringGoal(g, progress.current, names.get(g.id)), measuredOn: progress.currentDate }
      return { ...goal, weight: weightOverride.get(g.id) ?? goal.weight }
    })
    .sort((a, b2) => (a.id < b2.id ? -1 : 1))

  const channelRows = all<Channel>(b, 'channel')
  const kpis = new Map(allGoals.map((g) => [g.id, { key: goalKey(g), quarter: g.quarter }]))
  const observed = observations(b, asOf, goals, allGoals)
  const estimates: ScoringChannel[] = channelRows.map((c) => ({
    id: c.id,
    name: c.name,
    status: STATUS[c.status],
    audience: c.audienceSize,
    postsPerWeek: c.cadencePerWeek,
    hoursPerPost: c.hoursPerPost,
    fixedHoursPerMonth: c.fixedHoursPerMonth,
    costPerMonth: c.costPerMonth,
    confidence: c.confidence,
    // Planning a later quarter: its goals take the links of the same KPI's goals (carryLinks).
    links: whatIf.quarter === undefined ? c.goalLinks.map((l) => ({ goalId: l.goalId, rate: l.rate })) : carryLinks(c.goalLinks, play.goals, kpis),
    estimatesUpdatedAt: c.estimatesUpdatedAt
  }))
  const calibrations = estimates.map((c) => calibrateRates({ ...c, observed: observed.get(c.id) ?? [] }))
  const channels = calibrations.map(({ channel }) => {
    const { observed: _evidence, ...scored } = channel
    return scored
  })

  const members = all<Member>(b, 'member').filter((m) => m.active)
  const capacityFromMembers = members.reduce((sum, m) => sum + m.weeklyCapacityHours, 0)
  const pins = all<Pin>(b, 'pin')
  return {
    asOf,
    quarter: play.quarter,
    quarters: plannableQuarters(allGoals, asOf),
    goals,
    estimates,
    channels,
    calibration: calibrations.map(({ channel: _c, ...rest }) => rest),
    options: { blendedHourlyRate: whatIf.blendedHourlyRate ?? workspaceProfileOf(b).blendedHourlyRate, today: asOf, periodWeeks: 13, staleAfterDays: 90 },
    capacityHours: whatIf.capacityHours ?? capacityFromMembers,
    capacityFromMembers,
    activeMembers: members.length,
    pins,
    allocationPins: pins.map((p) => (p.exclude ? { channelId: p.channelId, exclude: true, reason: p.reason } : { channelId: p.channelId, minHours: p.minHours, reason: p.reason })),
    duplicates: scoringDuplicates(channelRows),
    snapshots: all<ScoreSnapshot>(b, 'scoreSnapshot').sort((x, y) => (x.takenOn === y.takenOn ? (x.createdAt < y.createdAt ? -1 : 1) : x.takenOn < y.takenOn ? -1 : 1))
  }
}
