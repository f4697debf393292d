import { nonNegative } from './numeric'
import type { ScoringGoal } from './types'

/**
 * A met goal still counts a little: the gap is never smaller than this share of the goal's span
 * (target − baseline), so progress beyond the target keeps a small, finite value instead of
 * dividing by zero or going negative.
 */
export const GAP_FLOOR_SHARE = 0.1

export type PreparedGoal = {
  goal: ScoringGoal
  /** False for goals that cannot be scored (target ≤ 0 or not a number): flagged, then skipped. */
  inPlay: boolean
  /** Floored remaining gap, the denominator of a goal's share. */
  gap: number
  /** The real remaining gap (target − current, at least 0): what "reach the target" must cover. */
  remaining: number
  /** Weight normalised over the goals in play. */
  weight: number
}

export function prepareGoals(goals: readonly ScoringGoal[]): Map<string, PreparedGoal> {
  const byId = new Map<string, PreparedGoal>()
  let weightSum = 0
  for (const goal of goals) {
    if (byId.has(goal.id)) continue // the first definition of a goal id wins, deterministically
    const target = nonNegative(goal.target)
    const current = nonNegative(goal.current)
    const baseline = nonNegative(goal.baseline)
    // The span is what the goal asks for; a baseline above the target makes no sense, so fall back
    // to the target itself rather than to a negative span.
    const span = target > baseline ? target - baseline : target
    const inPlay = target > 0
    const remaining = Math.max(0, target - current)
    const gap = Math.max(remaining, GAP_FLOOR_SHARE * span)
    const raw = inPlay ? nonNegative(goal.weight) : 0
    weightSum += raw
    byId.set(goal.id, { goal, inPlay: inPlay && gap > 0, gap, remaining, weight: raw })
  }
  const inPlayCount = countInPlay(byId)
  for (const prepared of byId.values()) {
    // With every weight zero the user has not prioritised yet: treat goals in play as equal.
    prepared.weight = weightSum > 0 ? prepared.weight / weightSum : prepared.inPlay ? 1 / inPlayCount : 0
  }
  return byId
}

function countInPlay(byId: Map<string, PreparedGoal>): number {
  let n = 0
  for (const p of byId.values()) if (p.inPlay) n += 1
  return Math.max(1, n)
}
