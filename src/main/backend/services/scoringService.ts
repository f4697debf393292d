import { atLeast } from '../../../core/people/access'
import { currentMember, rolesEnforced } from '../people/currentMember'
import { ApiError } from '../../../core/api/apiError'
import type { ApiOutput } from '../../../core/api/contract'
import type { FieldIssue } from '../../../core/domain/recordKind'
import { quarter as quarters } from '../../../core/goals/quarter'
import { allocateHours, explainRankChange, hoursForTargets, scoreChannels, sensitivity, type ChannelScore } from '../../../core/scoring'
import type { Backend } from '../backend'
import type { Change } from '../mutate'
import { recordRepo } from '../repo/recordRepo'
import { scoringDuplicates } from './scoringDuplicates'
import { scoringInputs, type ScoringWorkspace, type WhatIf } from './scoringInputs'
import { findSnapshot, snapshotForExplain, summary, takeSnapshot } from './scoringSnapshots'

/** Adds `duplicate` for channels that share a platform and handle (the engine only sees ids and names). */
export function withDuplicateFlags(results: readonly ChannelScore[], duplicateIds: ReadonlySet<string>): ChannelScore[] {
  return results.map((r) => (duplicateIds.has(r.id) && !r.flags.includes('duplicate') ? { ...r, flags: [...r.flags, 'duplicate'] } : r))
}

function rank(ws: ScoringWorkspace): ChannelScore[] {
  return withDuplicateFlags(scoreChannels(ws.channels, ws.goals, ws.options), new Set(ws.duplicates.map((d) => d.channelId)))
}

/**
 * The first scoring of a quarter keeps that quarter's ranking as its automatic snapshot, so "why did
 * the rank change" always has a baseline. Taken from the saved weights and the team's capacity, never
 * from a what-if.
 */
function autoSnapshot(b: Backend, ws: ScoringWorkspace, whatIf: WhatIf): string | null {
  // A read-only open (`smo check`, a copy on a read-only share) scores without keeping anything; so does
  // someone who may only read (a viewer, a contributor, nobody chosen as "me"): reading priorities never
  // fails for want of a role, and the first editor to look keeps the baseline for everyone (issue #14).
  if (b.db.raw.readonly || ws.channels.length === 0) return null
  const me = currentMember(b)
  if (rolesEnforced(b) && (me === null || !atLeast(me.access, 'editor'))) return null
  const quarter = quarters.containing(ws.asOf).key
  // Only the quarter under way keeps a baseline: a look at next quarter's plan is a preview.
  if (whatIf.quarter !== undefined && whatIf.quarter !== quarter) return null
  if (ws.snapshots.some((s) => s.quarter === quarter && s.auto)) return null
  const saved = whatIf.weights === undefined && whatIf.capacityHours === undefined && whatIf.blendedHourlyRate === undefined ? ws : scoringInputs(b)
  return takeSnapshot(b, saved, rank(saved), { name: `${quarter} baseline (automatic)`, auto: true }).id
}

export const scoringService = {
  list(b: Backend, whatIf: WhatIf): ApiOutput<'score-list'> {
    const ws = scoringInputs(b, whatIf)
    const channels = rank(ws)
    const snapshotTaken = autoSnapshot(b, ws, whatIf)
    const snapshots = snapshotTaken === null ? ws.snapshots : scoringInputs(b, whatIf).snapshots
    return {
      asOf: ws.asOf,
      quarter: ws.quarter,
      quarters: ws.quarters,
      capacityHours: ws.capacityHours,
      capacityFromMembers: ws.capacityFromMembers,
      activeMembers: ws.activeMembers,
      inputs: { channels: ws.channels, goals: ws.goals.map(({ id, name, driver, target, current, baseline, weight }) => ({ id, name, driver, target, current, baseline, weight })), options: ws.options },
      estimates: ws.estimates,
      goals: ws.goals,
      calibration: ws.calibration,
      duplicates: ws.duplicates,
      pins: ws.pins,
      channels,
      stale: channels
        .filter((c) => c.flags.includes('stale-estimate') && c.status !== 'retired')
        .map((c) => ({
          id: c.id,
          name: c.name,
          estimatesUpdatedAt: ws.channels.find((x) => x.id === c.id)?.estimatesUpdatedAt ?? null,
          ageDays: c.factors.estimateAgeDays,
          confidence: c.factors.confidence,
          effectiveConfidence: c.factors.effectiveConfidence
        })),
      snapshots: snapshots.map(({ ranking: _r, ...s }) => ({ id: s.id, name: s.name, takenOn: s.takenOn, quarter: s.quarter, auto: s.auto, capacityHours: s.capacityHours })),
      snapshotTaken
    }
  },

  allocate(b: Backend, input: WhatIf & { sliceHours?: number }): ApiOutput<'score-allocate'> {
    const ws = scoringInputs(b, input)
    const channels = rank(ws)
    const setup = { channels, capacityHours: ws.capacityHours, sliceHours: input.sliceHours, pins: ws.allocationPins }
    return { allocation: allocateHours(setup), targets: hoursForTargets({ ...setup, goals: ws.goals }) }
  },

  sensitivity(b: Backend, input: WhatIf & { top?: number }): ApiOutput<'score-sensitivity'> {
    const ws = scoringInputs(b, input)
    return { items: sensitivity(ws.channels, ws.goals, ws.options, input.top ?? 5) }
  },

  explain(b: Backend, input: WhatIf & { since?: string }): ApiOutput<'score-explain'> {
    const ws = scoringInputs(b, input)
    const snap = findSnapshot(ws.snapshots, input.since)
    if (snap === null) return { snapshot: null, report: { channels: [], sharedChanges: [] } }
    const current = { results: rank(ws), channels: ws.channels, goals: ws.goals, options: ws.options }
    const { ranking: _r, ...meta } = summary(snap)
    return { snapshot: meta, report: explainRankChange(snapshotForExplain(snap), current) }
  },

  snapshotCreate(b: Backend, input: { name?: string; capacityHours?: number }): ApiOutput<'score-snapshot-create'> {
    const ws = scoringInputs(b, { capacityHours: input.capacityHours })
    return takeSnapshot(b, ws, rank(ws), { name: input.name ?? `Snapshot ${ws.asOf}`, auto: false })
  },

  /** All goal weights in one mutation, so one undo puts every slider back. */
  weightsSave(b: Backend, input: { weights: readonly { goalId: string; weight: number }[] }): ApiOutput<'score-weights-save'> {
    const issues: FieldIssue[] = []
    const seen = new Set<string>()
    input.weights.forEach((w, i) => {
      if (seen.has(w.goalId)) issues.push({ path: ['weights', i, 'goalId'], message: 'This goal is given twice' })
      else if (!recordRepo.exists(b.db, 'goal', w.goalId)) issues.push({ path: ['weights', i, 'goalId'], message: `No goal with id ${w.goalId}` })
      seen.add(w.goalId)
    })
    if (issues.length > 0) throw new ApiError('invalid_input', 'The weights were not saved: check weights', issues)
    const changes: Change[] = input.weights.map((w) => ({ op: 'update', kind: 'goal', id: w.goalId, set: { weight: w.weight } }))
    b.mutate('score-weights-save', changes)
    return { goals: input.weights.map((w) => ({ id: w.goalId, weight: w.weight })) }
  },

  duplicates(b: Backend): ApiOutput<'channel-duplicates'> {
    const rows = recordRepo.list(b.db, 'channel', { limit: 1_000_000 }).items as unknown as { id: string; platform: string; handle: string; status: string }[]
    return { items: scoringDuplicates(rows) }
  }
}
