import { ApiError } from '../../../core/api/apiError'
import type { ScoreSnapshot } from '../../../core/domain/scoreSnapshot'
import { strictDateTime } from '../../../core/domain/strictDateTime'
import { quarter as quarters } from '../../../core/goals/quarter'
import { scoreChannels, type ChannelScore, type ScoringSnapshot } from '../../../core/scoring'
import type { Backend } from '../backend'
import type { ScoringWorkspace } from './scoringInputs'
import { recordService } from './recordService'

export type SnapshotSummary = Pick<ScoreSnapshot, 'id' | 'name' | 'takenOn' | 'quarter' | 'auto' | 'capacityHours' | 'ranking'>

export function summary(s: ScoreSnapshot): SnapshotSummary {
  return { id: s.id, name: s.name, takenOn: s.takenOn, quarter: s.quarter, auto: s.auto, capacityHours: s.capacityHours, ranking: s.ranking }
}

/** Inputs only: goals lose the display fields the workspace adds (unit, measured date…). */
function inputsOf(ws: ScoringWorkspace): ScoreSnapshot['inputs'] {
  return {
    channels: ws.channels.map((c) => ({ ...c, links: c.links.map((l) => ({ goalId: l.goalId, rate: l.rate })) })),
    goals: ws.goals.map((g) => ({ id: g.id, name: g.name, driver: g.driver, target: g.target, current: g.current, baseline: g.baseline, weight: g.weight })),
    options: ws.options
  }
}

/** Store the ranking as shown and every input behind it, through the record service (validated, one mutation). */
export function takeSnapshot(b: Backend, ws: ScoringWorkspace, results: readonly ChannelScore[], opts: { name: string; auto: boolean }): SnapshotSummary {
  const rec = recordService.create(b, 'scoreSnapshot', {
    name: opts.name,
    takenOn: ws.asOf,
    // The calendar quarter it was taken in (goals may still be last quarter's when none are set yet).
    quarter: quarters.containing(ws.asOf).key,
    auto: opts.auto,
    capacityHours: ws.capacityHours,
    ranking: results.map((r) => ({ id: r.id, name: r.name, rank: r.rank, score: r.score, impact: r.impact, effortHours: r.effort.hoursPerPeriod })),
    inputs: inputsOf(ws)
  }) as unknown as ScoreSnapshot
  return summary(rec)
}

/**
 * A snapshot by id, name, quarter ('2026-Q3': that quarter's automatic one, else its first) or date
 * (the latest taken on or before it). Snapshots arrive sorted by date taken.
 */
export function findSnapshot(snapshots: readonly ScoreSnapshot[], since: string | undefined): ScoreSnapshot | null {
  if (snapshots.length === 0) {
    if (since === undefined) return null
    throw new ApiError('not_found', `No snapshot "${since}": this workspace has no score snapshots yet`, [{ path: ['since'], message: 'No snapshots yet' }])
  }
  if (since === undefined) return snapshots.at(-1) ?? null
  const wanted = since.trim()
  // A date that does not exist (2026-02-31) would otherwise compare as text and pick a neighbour's snapshot.
  const asDate = /^\d{4}-\d{2}-\d{2}$/.test(wanted) ? strictDateTime.parseDate(wanted) : null
  if (asDate !== null && !asDate.ok && !snapshots.some((s) => s.name.toLowerCase() === wanted.toLowerCase()))
    throw new ApiError('invalid_input', `since: ${asDate.message}`, [{ path: ['since'], message: asDate.message }])
  const hit =
    snapshots.find((s) => s.id === wanted) ??
    snapshots.find((s) => s.name.toLowerCase() === wanted.toLowerCase()) ??
    (/^\d{4}-Q[1-4]$/i.test(wanted)
      ? (snapshots.find((s) => s.quarter === wanted.toUpperCase() && s.auto) ?? snapshots.find((s) => s.quarter === wanted.toUpperCase()))
      : undefined) ??
    (/^\d{4}-\d{2}-\d{2}$/.test(wanted) ? snapshots.filter((s) => s.takenOn <= wanted).at(-1) : undefined)
  if (hit === undefined) {
    const known = snapshots.slice(-3).map((s) => `${s.name} (${s.takenOn})`).join(', ')
    throw new ApiError('not_found', `No snapshot matches "${since}"; use an id, a name, a quarter like 2026-Q3 or a date. Latest: ${known}`, [
      { path: ['since'], message: 'No such snapshot' }
    ])
  }
  return hit
}

/**
 * The engine's view of a stored snapshot. Per-goal breakdowns are recomputed from the stored inputs
 * (the engine is deterministic), but rank and score are the stored ones, so an engine change never
 * rewrites what people were shown.
 */
export function snapshotForExplain(s: ScoreSnapshot): ScoringSnapshot {
  const stored = new Map(s.ranking.map((r) => [r.id, r]))
  const results = scoreChannels(s.inputs.channels, s.inputs.goals, s.inputs.options).map((r) => {
    const kept = stored.get(r.id)
    return kept === undefined ? r : { ...r, name: kept.name, rank: kept.rank, score: kept.score, impact: kept.impact }
  })
  return { results, channels: s.inputs.channels, goals: s.inputs.goals, options: s.inputs.options }
}
