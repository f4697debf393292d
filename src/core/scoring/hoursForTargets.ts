import { allocationSetup, type AllocationEntry, type AllocationInput } from './allocationSetup'
import { formatNumber } from './formatNumber'
import { MaxHeap } from './maxHeap'
import { notCountedSentence } from './goalState'
import { curveRatio, postsForHours } from './responseCurve'
import { prepareGoals } from './prepareGoals'
import type { ScoringGoal } from './types'

export type TargetGoal = {
  goalId: string
  name: string
  /** Units still needed over the period (target − current). */
  needed: number
  /** Expected units the plan delivers over the period. */
  reached: number
  met: boolean
}

export type TargetPlan = {
  /** True when the plan meets every goal within capacity. */
  reachable: boolean
  /** True when some number of hours (within bounds) would meet every goal, even beyond capacity. */
  reachableAtAnyHours: boolean
  /** Weekly hours of the plan found (within capacity when reachable, else what the search reached). */
  hoursPerWeek: number
  channels: { id: string; name: string; hours: number; postsPerWeek: number }[]
  goals: TargetGoal[]
  statement: string
  warnings: string[]
}

export type TargetInput = AllocationInput & { goals: readonly ScoringGoal[] }

const EPS = 1e-9
/** The search for "how many hours would it take" stops here when targets are far out of reach. */
const SEARCH_FACTOR = 10
const SEARCH_MIN_HOURS = 400

/**
 * Second scenario (Robyn's "least budget for this target"): the fewest weekly hours whose expected,
 * confidence-adjusted units meet every goal's remaining gap over the period. Each slice goes to the
 * channel covering the most still-missing share of the goals per hour. Gains only fall as goals fill
 * and curves flatten, so lazy re-evaluation from a heap is exact for this greedy. Covering several
 * goals at once is a set-cover-like problem: the result is near-minimal, not guaranteed minimal.
 */
export function hoursForTargets(input: TargetInput): TargetPlan {
  const setup = allocationSetup(input)
  const { entries, slice, capacity } = setup
  // A goal no channel links to is not moved by hours (an efficiency goal such as hours saved): counting it
  // would make every plan "never reach the targets"; it is named as not counted instead.
  const linked = new Set(entries.flatMap((e) => e.channel.plan.goalUnits.map((u) => u.goalId)))
  const open = [...prepareGoals(input.goals).values()].filter((g) => g.inPlay && g.remaining > 0)
  const goals = open.filter((g) => linked.has(g.goal.id))
  const aside = open.filter((g) => !linked.has(g.goal.id)).map((g) => g.goal.name)
  const goalIndex = new Map(goals.map((g, i) => [g.goal.id, i]))
  // Units per channel per goal at today's plan; a channel's units at h hours scale by curveRatio.
  const unitRows = entries.map((e) => {
    const row = new Float64Array(goals.length)
    for (const u of e.channel.plan.goalUnits) {
      const gi = goalIndex.get(u.goalId)
      if (gi !== undefined) row[gi] = u.expectedUnits
    }
    return row
  })
  const delivered = new Float64Array(goals.length)
  const addUnits = (i: number, from: number, to: number, sign: number): void => {
    const e = entries[i]
    const row = unitRows[i]
    if (e === undefined || row === undefined || e.curve === null) return
    const k = sign * (curveRatio(e.curve, to) - curveRatio(e.curve, from))
    for (let g = 0; g < goals.length; g += 1) delivered[g] = (delivered[g] ?? 0) + (row[g] ?? 0) * k
  }
  entries.forEach((e, i) => addUnits(i, 0, e.hours, 1))

  const missingShare = (g: number): number => {
    const need = goals[g]?.remaining ?? 0
    return need > 0 ? Math.max(0, need - (delivered[g] ?? 0)) / need : 0
  }
  const allMet = (): boolean => goals.every((_, g) => missingShare(g) <= EPS)
  const gainPerHour = (i: number): number => {
    const e = entries[i]
    const row = unitRows[i]
    if (e === undefined || row === undefined || e.curve === null) return 0
    const step = Math.min(slice, e.upper - e.hours)
    if (step <= EPS) return 0
    const k = curveRatio(e.curve, e.hours + step) - curveRatio(e.curve, e.hours)
    let covered = 0
    for (let g = 0; g < goals.length; g += 1) {
      const need = goals[g]?.remaining ?? 0
      if (need > 0) covered += Math.min(missingShare(g), ((row[g] ?? 0) * k) / need)
    }
    return covered / step
  }

  const heap = new MaxHeap(entries.length)
  entries.forEach((_, i) => {
    const key = gainPerHour(i)
    if (key > 0) heap.push(i, key)
  })
  const limit = Math.max(capacity * SEARCH_FACTOR, SEARCH_MIN_HOURS)
  let used = entries.reduce((a, e) => a + e.hours, 0)
  while (!allMet() && used < limit) {
    const i = heap.pop()
    if (i === undefined) break
    const fresh = gainPerHour(i)
    const next = heap.peek()
    if (fresh <= 0) continue
    if (next !== undefined && fresh < heap.keyOf(next)) {
      heap.push(i, fresh) // stale key: put it back with its true value and look again
      continue
    }
    const e = entries[i]
    if (e === undefined) break
    const step = Math.min(slice, e.upper - e.hours)
    addUnits(i, e.hours, e.hours + step, 1)
    e.hours += step
    used += step
    heap.push(i, gainPerHour(i))
  }

  const met = allMet()
  const reachable = met && used <= capacity + EPS
  const reachableAtAnyHours = met || asymptoteMeets(entries, unitRows, goals.map((g) => g.remaining))
  const goalRows: TargetGoal[] = goals.map((g, gi) => ({
    goalId: g.goal.id,
    name: g.goal.name,
    needed: g.remaining,
    reached: delivered[gi] ?? 0,
    met: missingShare(gi) <= EPS
  }))
  return {
    reachable,
    reachableAtAnyHours,
    hoursPerWeek: used,
    channels: entries
      .filter((e) => e.hours > 0)
      .map((e) => ({ id: e.channel.id, name: e.channel.name, hours: e.hours, postsPerWeek: postsForHours(e.channel, e.hours) })),
    goals: goalRows,
    statement: `${statementFor(reachable, met, reachableAtAnyHours, used, capacity, goalRows)}${notCountedSentence(aside)}`,
    warnings: setup.warnings
  }
}

/** With unlimited hours (up to each channel's upper bound) could the channels cover every goal? */
function asymptoteMeets(entries: AllocationEntry[], rows: Float64Array[], needs: number[]): boolean {
  return needs.every((need, g) => {
    let most = 0
    entries.forEach((e, i) => {
      if (e.curve !== null) most += (rows[i]?.[g] ?? 0) * curveRatio(e.curve, Number.isFinite(e.upper) ? e.upper : 1e12)
    })
    return most >= need * (1 - EPS)
  })
}

function statementFor(
  reachable: boolean,
  met: boolean,
  anyHours: boolean,
  used: number,
  capacity: number,
  goals: TargetGoal[]
): string {
  if (goals.length === 0) return 'Every goal is already at or above its target; no hours are needed to reach targets.'
  const cap = `${formatNumber(capacity)} h/week`
  if (reachable) return `Every goal's target is reached with about ${formatNumber(used)} h/week (capacity ${cap}).`
  const short = goals
    .filter((g) => !g.met)
    .map((g) => `${g.name} ${Math.floor((100 * g.reached) / g.needed)} % of its remaining gap`)
    .join(', ')
  if (met) return `Capacity ${cap} cannot reach every target: it takes about ${formatNumber(used)} h/week.`
  if (!anyHours) return `No number of hours reaches every target with these channels and estimates; at best: ${short}.`
  return `Capacity ${cap} cannot reach every target; even ${formatNumber(used)} h/week reaches only: ${short}.`
}
