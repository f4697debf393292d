import type { ApiOutput } from '../../../core/api/contract'
import { modelService } from '../../backend/services/modelService'
import { scoringService } from '../../backend/services/scoringService'
import { scoringRules } from '../../backend/services/scoringRules'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'
import { backtestService } from '../../backend/services/backtestService'
import { printBacktest } from './printBacktest'
import { predictionRange } from '../../../core/scoring/predictionRange'
import { quarter } from '../../../core/goals/quarter'

type Listed = ApiOutput<'score-list'>
type Allocated = ApiOutput<'score-allocate'>
type Explained = ApiOutput<'score-explain'>
type Modelled = ApiOutput<'score-model'>
type ScenarioName = 'same-hours' | 'plus' | 'targets'

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits

function parseCapacity(v: unknown): number | undefined {
  if (v === undefined) return undefined
  const text = String(v).trim()
  const n = Number(text)
  if (text === '' || !Number.isFinite(n) || n < 0 || n > 10_000) throw new UsageError(`--capacity must be team hours per week between 0 and 10000, got "${text}"`)
  return n
}

function parseScenario(v: unknown): ScenarioName {
  if (v === undefined) return 'same-hours'
  const text = String(v).trim()
  if (text === 'same-hours' || text === 'plus' || text === 'targets') return text
  throw new UsageError(`--scenario must be same-hours, plus or targets, got "${text}"`)
}

function parseHours(v: unknown, scenario: ScenarioName): number | undefined {
  if (v === undefined) {
    if (scenario === 'plus') throw new UsageError('--scenario plus needs --hours N: the hours a week more (or, negative, fewer) than today’s plan')
    return undefined
  }
  const text = String(v).trim()
  const n = Number(text)
  if (text === '' || !Number.isFinite(n) || n < -1000 || n > 1000) throw new UsageError(`--hours must be hours a week between -1000 and 1000, got "${text}"`)
  if (scenario !== 'plus') throw new UsageError('--hours applies to --scenario plus only')
  return n
}

/**
 * The JSON shape scripts read (issue #12): `scenario`, `todayHours`, `allocation[]` and `channels[]` from
 * the priority model; the first model's fields per channel stay for older scripts; `changes` with --since.
 */
function toJson(listed: Listed, allocated: Allocated, modelled: Modelled, explained: Explained | null) {
  const goalName = new Map(listed.goals.map((g) => [g.id, g.name]))
  const first = new Map(listed.channels.map((c) => [c.id, c]))
  const r3 = (x: { goalId: string; point: number; low: number; high: number }) => ({ goalId: x.goalId, point: round(x.point), low: round(x.low), high: round(x.high) })
  return {
    asOf: listed.asOf,
    quarter: listed.quarter,
    quarters: listed.quarters,
    capacity: listed.capacityHours,
    scenario: modelled.scenario,
    todayHours: modelled.allocation.todayHours,
    totalHours: modelled.allocation.totalHours,
    source: modelled.allocation.source,
    statement: modelled.allocation.statement,
    warnings: modelled.allocation.warnings,
    goals: modelled.goals.map((g) => ({ goalId: g.goalId, name: g.name, kind: g.kind, weeks: round(g.weeks, 1), point: round(g.point), low: round(g.low), high: round(g.high), pulls: g.pulls, predicted: g.predicted, why: g.why })),
    channels: modelled.channels.toSorted((a, b) => a.rank - b.rank).map((m) => {
      const c = first.get(m.channelId)
      return {
        id: m.channelId,
        channelId: m.channelId,
        name: m.name,
        rank: m.rank,
        rankFrom: m.rankFrom,
        rankTo: m.rankTo,
        holds: round(m.holds, 3),
        tier: m.tier,
        valuePerHour: round(m.valuePerHour, 4),
        reachPerPost: round(m.reach.perPost, 0),
        recommendedPostsPerWeek: round(m.cadence.recommendedPostsPerWeek),
        predicted: m.predicted.map(r3),
        plusOnePost: m.cadence.plusOne.map(r3),
        minusOnePost: m.cadence.minusOne.map(r3),
        modelExplanation: m.explanation,
        ...(c === undefined ? {} : firstModel(c, goalName))
      }
    }),
    allocation: modelled.allocation.rows.map((a) => ({
      channelId: a.channelId,
      hours: a.hours,
      currentHours: a.currentHours,
      pinned: a.pinned,
      min: a.min,
      max: a.max,
      limit: a.limit,
      postsPerWeek: round(a.postsPerWeek),
      marginalValue: round(a.marginalValue, 4)
    })),
    rice: modelled.rice,
    unallocatedHours: allocated.allocation.unallocatedHours,
    targets: allocated.targets.statement,
    stale: listed.stale.map((s) => ({ id: s.id, name: s.name, ageDays: s.ageDays })),
    ...(explained === null
      ? {}
      : {
          changes: {
            since: explained.snapshot,
            channels: explained.report.channels.map((c) => ({ id: c.id, name: c.name, previousRank: c.previousRank, rank: c.rank, rankDelta: c.rankDelta, sentence: c.sentence })),
            shared: explained.report.sharedChanges
          }
        })
  }
}

/** The first model's per-channel fields, kept under their old names for scripts written against it. */
function firstModel(c: Listed['channels'][number], goalName: ReadonlyMap<string, string>) {
  return {
    firstModelRank: c.rank,
    score: round(c.score),
    impact: round(c.impact),
    effort: round(c.effort.hoursPerMonth, 1),
    // Goal → share of this channel's impact (0–1) and the points it adds; readable, and still exact enough to sum.
    breakdown: Object.fromEntries(c.breakdown.map((s) => [goalName.get(s.goalId) ?? s.goalName, { share: round(s.fraction, 3), points: round(s.points) }])),
    confidence: round(c.factors.effectiveConfidence),
    flags: c.flags,
    explanation: c.explanation
  }
}

function pad(s: string, n: number, right = false): string {
  const t = s.length > n ? `${s.slice(0, n - 1)}…` : s
  return right ? t.padStart(n) : t.padEnd(n)
}

function printTable(listed: Listed, modelled: Modelled, explained: Explained | null): void {
  const rows = new Map(modelled.allocation.rows.map((a) => [a.channelId, a]))
  console.log(`Channel priorities, ${listed.quarter} (as of ${listed.asOf}); scenario ${modelled.scenario}: ${modelled.allocation.statement}`)
  console.log(modelled.allocation.source)
  const others = listed.quarters.filter((q) => q !== listed.quarter)
  if (others.length > 0) console.log(`Other quarters with goals: ${others.map((q) => `${q} (--quarter ${q})`).join(', ')}`)
  console.log(`${pad('#', 3, true)}  ${pad('Channel', 34)} ${pad('Holds', 6, true)} ${pad('Today h', 8, true)} ${pad('Rec. h', 7, true)} ${pad('Bounds', 12, true)} ${pad('Posts/wk', 9, true)}  Note`)
  for (const c of modelled.channels.toSorted((x, y) => x.rank - y.rank)) {
    const a = rows.get(c.channelId)
    const note = a?.pinned ? `pinned: ${a.pinned.reason}` : c.tier === 'scorable' ? '' : c.tier
    console.log(
      `${pad(String(c.rank), 3, true)}  ${pad(c.name, 34)} ${pad(`${Math.round(c.holds * 100)} %`, 6, true)} ${pad((a?.currentHours ?? 0).toFixed(1), 8, true)} ${pad((a?.hours ?? 0).toFixed(1), 7, true)} ${pad(`${(a?.min ?? 0).toFixed(1)}–${(a?.max ?? 0).toFixed(1)}`, 12, true)} ${pad(c.cadence.recommendedPostsPerWeek.toFixed(1), 9, true)}  ${note}`
    )
  }
  console.log('')
  const later = listed.quarter !== listed.quarters[0]
  console.log(`Predicted over ${later ? `the whole of ${listed.quarter}` : 'what is left of each goal’s quarter'} (80 % interval):`)
  for (const g of modelled.goals) console.log(`  ${g.name}: ${g.predicted ? `${predictionRange(g, g)}; ` : ''}${g.why}`)
  for (const w of modelled.allocation.warnings) console.log(`Warning: ${w}`)
  console.log(`RICE: ${modelled.rice.sentence}`)
  console.log(`Stability: ${modelled.stability.method}`)
  for (const s of listed.stale)
    console.log(`Stale: ${s.name}: estimates ${s.ageDays === null ? 'never dated' : `not reviewed for ${s.ageDays} days`}, confidence ${round(s.confidence)} counts as ${round(s.effectiveConfidence)}`)
  if (explained !== null) {
    console.log('')
    console.log(explained.snapshot === null ? 'No snapshot to compare with yet.' : `Since ${explained.snapshot.name} (${explained.snapshot.takenOn}):`)
    for (const c of explained.report.channels) console.log(`  ${c.sentence}`)
    for (const s of explained.report.sharedChanges) console.log(`  For every channel: ${s.label} ${String(s.from)} → ${String(s.to)}`)
  }
}

export const scoreCommand = command({
  ...commandSpecs.score,
  run: async ({ values }) => {
    // Checked before the workspace opens, so a typo never waits on (or migrates) a database.
    const capacityHours = parseCapacity(values.capacity)
    const scenario = parseScenario(values.scenario)
    const hours = parseHours(values.hours, scenario)
    const since = values.since
    if (since !== undefined && (typeof since !== 'string' || since.trim() === '')) throw new UsageError('--since needs a snapshot id, name, quarter (2026-Q3) or date')
    const planned = values.quarter
    if (planned !== undefined) {
      const q = typeof planned === 'string' ? quarter.parse(planned.trim()) : null
      if (q === null || !q.ok) throw new UsageError(`--quarter ${String(planned)}: ${q?.message ?? 'use YYYY-Qn'}`)
      if (since !== undefined) throw new UsageError('--since compares with a snapshot of the quarter under way; it does not go with --quarter')
    }
    if (values.backtest === true) {
      const other = (['scenario', 'hours', 'capacity', 'since', 'quarter'] as const).filter((k) => values[k] !== undefined)
      if (other.length > 0) throw new UsageError(`--backtest replays past quarters as they were planned; it takes no --${other.join(', --')}`)
    }
    const b = await openCliBackend(values)
    try {
      scoringRules()
      if (values.backtest === true) {
        const r = backtestService(b)
        if (values.json) console.log(JSON.stringify(r, null, 2))
        else printBacktest(r)
        return 0
      }
      const q = typeof planned === 'string' ? { quarter: planned.trim() } : {}
      const whatIf = { ...(capacityHours === undefined ? {} : { capacityHours }), ...q }
      const listed = scoringService.list(b, whatIf)
      const allocated = scoringService.allocate(b, whatIf)
      const modelled = modelService.plan(b, { scenario, ...(hours === undefined ? {} : { hours }), ...q })
      const explained = typeof since === 'string' ? scoringService.explain(b, { since }) : null
      if (values.json) console.log(JSON.stringify(toJson(listed, allocated, modelled, explained), null, 2))
      else printTable(listed, modelled, explained)
      return 0
    } finally {
      b.close()
    }
  }
})
