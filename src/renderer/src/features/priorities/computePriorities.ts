import type { ApiOutput } from '../../../../core/api/contract'
import {
  allocateHours,
  hoursForTargets,
  scoreChannels,
  type Allocation,
  type ChannelScore,
  type TargetPlan
} from '../../../../core/scoring'

export type ScoreData = ApiOutput<'score-list'>

export type WhatIf = {
  /** Goal id → weight, as the sliders stand. */
  weights: ReadonlyMap<string, number>
  capacityHours: number
}

export type Priorities = {
  ranked: ChannelScore[]
  allocation: Allocation
  targets: TargetPlan
}

/**
 * The same engine the backend runs, over the inputs it sent once: moving a slider re-ranks without a
 * round trip, so the screen answers as fast as the hand moves. Only the weights and the capacity
 * differ from what the backend computed; everything else (calibration, staleness, pins) is its data.
 */
export function computePriorities(data: ScoreData, whatIf: WhatIf): Priorities {
  const goals = data.inputs.goals.map((g) => ({ ...g, weight: whatIf.weights.get(g.id) ?? g.weight }))
  const duplicates = new Set(data.duplicates.map((d) => d.channelId))
  const ranked = scoreChannels(data.inputs.channels, goals, data.inputs.options).map((r) =>
    // The engine knows ids and names only; same platform + handle comes from the backend.
    duplicates.has(r.id) && !r.flags.includes('duplicate') ? { ...r, flags: [...r.flags, 'duplicate' as const] } : r
  )
  const pins = data.pins.map((p) => (p.exclude ? { channelId: p.channelId, exclude: true, reason: p.reason } : { channelId: p.channelId, minHours: p.minHours, reason: p.reason }))
  const setup = { channels: ranked, capacityHours: whatIf.capacityHours, pins }
  return { ranked, allocation: allocateHours(setup), targets: hoursForTargets({ ...setup, goals }) }
}

/** Weights as saved, keyed by goal id. */
export function savedWeights(data: ScoreData): Map<string, number> {
  return new Map(data.goals.map((g) => [g.id, g.weight]))
}

/** One colour per goal, the same in the table's bars and the chart, readable on light and dark. */
export const GOAL_COLORS = ['#4f7fd6', '#e0903a', '#3fa372', '#9b6fd6', '#d0605e', '#2fa6b3', '#b58a2d', '#c469a8']

export function goalColor(goalIds: readonly string[], id: string): string {
  const i = goalIds.indexOf(id)
  return GOAL_COLORS[(i < 0 ? goalIds.length : i) % GOAL_COLORS.length] ?? '#888888'
}
