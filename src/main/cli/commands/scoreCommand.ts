import type { ApiOutput } from '../../../core/api/contract'
import { scoringService } from '../../backend/services/scoringService'
import { scoringRules } from '../../backend/services/scoringRules'
import { command, UsageError } from '../command'
import { openCliBackend } from '../openCliBackend'

type Listed = ApiOutput<'score-list'>
type Allocated = ApiOutput<'score-allocate'>
type Explained = ApiOutput<'score-explain'>

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits

function parseCapacity(v: unknown): number | undefined {
  if (v === undefined) return undefined
  const text = String(v).trim()
  const n = Number(text)
  if (text === '' || !Number.isFinite(n) || n < 0 || n > 10_000) throw new UsageError(`--capacity must be team hours per week between 0 and 10000, got "${text}"`)
  return n
}

/** The JSON shape the issue promises, plus `changes` when --since is given. */
function toJson(listed: Listed, allocated: Allocated, explained: Explained | null) {
  const goalName = new Map(listed.goals.map((g) => [g.id, g.name]))
  return {
    asOf: listed.asOf,
    quarter: listed.quarter,
    capacity: listed.capacityHours,
    channels: listed.channels.map((c) => ({
      id: c.id,
      name: c.name,
      rank: c.rank,
      score: round(c.score),
      impact: round(c.impact),
      effort: round(c.effort.hoursPerMonth, 1),
      // Goal → share of this channel's impact (0–1) and the points it adds; readable, and still exact enough to sum.
      breakdown: Object.fromEntries(c.breakdown.map((s) => [goalName.get(s.goalId) ?? s.goalName, { share: round(s.fraction, 3), points: round(s.points) }])),
      confidence: round(c.factors.effectiveConfidence),
      flags: c.flags,
      explanation: c.explanation
    })),
    allocation: allocated.allocation.channels.map((a) => ({
      channelId: a.id,
      hours: a.hours,
      postsPerWeek: round(a.postsPerWeek),
      currentHours: round(a.currentHours, 1),
      marginalValue: round(a.marginalValue, 3),
      pinned: a.pin === null ? null : { reason: a.pin.reason, exclude: a.pin.exclude ?? false, minHours: a.pin.minHours ?? 0 }
    })),
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

function pad(s: string, n: number, right = false): string {
  const t = s.length > n ? `${s.slice(0, n - 1)}…` : s
  return right ? t.padStart(n) : t.padEnd(n)
}

function printTable(listed: Listed, allocated: Allocated, explained: Explained | null): void {
  const hours = new Map(allocated.allocation.channels.map((a) => [a.id, a]))
  console.log(`Channel priorities, ${listed.quarter} (as of ${listed.asOf}); capacity ${round(listed.capacityHours, 1)} h/week`)
  console.log(`${pad('#', 3, true)}  ${pad('Channel', 34)} ${pad('Score', 8, true)} ${pad('Impact', 8, true)} ${pad('Effort h/mo', 11, true)} ${pad('Hours/wk', 9, true)} ${pad('Today', 6, true)}  Flags`)
  for (const c of listed.channels) {
    const a = hours.get(c.id)
    const flags = [...c.flags, ...(a?.pin ? [a.excluded ? 'excluded' : 'pinned'] : [])].join(', ')
    console.log(
      `${pad(String(c.rank), 3, true)}  ${pad(c.name, 34)} ${pad(round(c.score, 1).toFixed(1), 8, true)} ${pad(round(c.impact, 1).toFixed(1), 8, true)} ${pad(c.effort.hoursPerMonth.toFixed(1), 11, true)} ${pad((a?.hours ?? 0).toFixed(1), 9, true)} ${pad((a?.currentHours ?? 0).toFixed(1), 6, true)}  ${flags}`
    )
  }
  console.log('')
  console.log('Score = impact points per 100 h of effort; impact = points of the weighted remaining goal gap closed this quarter.')
  console.log(allocated.targets.statement)
  for (const a of allocated.allocation.channels) if (a.pin) console.log(`Pin: ${a.name}: ${a.excluded ? 'excluded' : `at least ${a.pin.minHours ?? 0} h/week`} because ${a.pin.reason}`)
  for (const w of allocated.allocation.warnings) console.log(`Warning: ${w}`)
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
  name: 'score',
  summary: 'Rank channels by expected impact per hour and split the team\'s weekly hours',
  usage: 'smo score --workspace DIR [--capacity HOURS] [--since SNAPSHOT] [--json]',
  examples: ['smo score --workspace ~/smo-demo', 'smo score --workspace ~/smo-demo --capacity 60 --json', 'smo score --workspace ~/smo-demo --since 2026-Q3'],
  options: { workspace: { type: 'string', short: 'w' }, capacity: { type: 'string' }, since: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values }) => {
    // Checked before the workspace opens, so a typo never waits on (or migrates) a database.
    const capacityHours = parseCapacity(values.capacity)
    const since = values.since
    if (since !== undefined && (typeof since !== 'string' || since.trim() === '')) throw new UsageError('--since needs a snapshot id, name, quarter (2026-Q3) or date')
    const b = await openCliBackend(values)
    try {
      scoringRules()
      const whatIf = capacityHours === undefined ? {} : { capacityHours }
      const listed = scoringService.list(b, whatIf)
      const allocated = scoringService.allocate(b, whatIf)
      const explained = typeof since === 'string' ? scoringService.explain(b, { since }) : null
      if (values.json) console.log(JSON.stringify(toJson(listed, allocated, explained), null, 2))
      else printTable(listed, allocated, explained)
      return 0
    } finally {
      b.close()
    }
  }
})
