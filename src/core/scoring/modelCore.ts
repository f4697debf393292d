import { channelEvidence, evidenceByChannel, type ChannelEvidence } from './channelEvidence'
import { channelResponse, postsAt, reachPerWeek, type ChannelResponse } from './channelResponse'
import { goalStates, linkedGoals, type GoalState } from './goalState'
import type { ModelChannel, ModelInput, ModelGoal } from './modelTypes'

export type PreparedLink = { g: number; goalId: string; rate: number; spread: number }
export type PreparedChannel = { c: ModelChannel; ev: ChannelEvidence; resp: ChannelResponse; links: PreparedLink[] }
export type Prepared = { today: string; states: GoalState[]; channels: PreparedChannel[] }

/** Per goal: units over the period (counts, money) or Σ rate·volume and Σ volume (rates). */
export type Totals = { units: Float64Array; rateVolume: Float64Array; volume: Float64Array }

export type Overrides = {
  /** Multiplies each channel's reach per post (stability draws). */
  reach?: Float64Array
  /** Multiplies each link's rate, by channel then link order. */
  rates?: Float64Array[]
  goals?: readonly ModelGoal[]
}

export function prepareModel(input: ModelInput, today: string, calibrate: boolean, overrides: Overrides = {}, evidence?: readonly ChannelEvidence[]): Prepared {
  const goalList = overrides.goals ?? input.goals
  const states = goalStates(goalList, today, linkedGoals(input.channels))
  const index = new Map(goalList.map((g, i) => [g.id, i]))
  const goalMap = new Map(goalList.map((g) => [g.id, g]))
  const grouped = evidence === undefined ? evidenceByChannel(input.posts, today) : new Map()
  const channels = input.channels.map((c, ci) => {
    const ev = evidence?.[ci] ?? channelEvidence(c, goalMap, input.goalKeys, grouped, today, calibrate)
    const resp = channelResponse(c, ev, overrides.reach?.[ci] ?? 1)
    const factors = overrides.rates?.[ci]
    const links: PreparedLink[] = []
    ev.rates.forEach((r, li) => {
      const g = index.get(r.goalId)
      if (g !== undefined) links.push({ g, goalId: r.goalId, rate: r.blended * (factors?.[li] ?? 1), spread: r.spread })
    })
    return { c, ev, resp, links }
  })
  return { today, states, channels }
}

export function emptyTotals(n: number): Totals {
  return { units: new Float64Array(n), rateVolume: new Float64Array(n), volume: new Float64Array(n) }
}

/** Adds (sign +1) or removes (−1) one channel's contribution at `hours` a week. */
export function addChannel(p: Prepared, t: Totals, ci: number, hours: number, sign = 1): void {
  const ch = p.channels[ci]
  if (ch === undefined || hours <= 0) return
  const weekly = reachPerWeek(ch.resp, postsAt(ch.resp, hours))
  for (const l of ch.links) {
    const st = p.states[l.g]
    if (st === undefined) continue
    const volume = weekly * st.weeks
    if (st.goal.kind === 'rate') {
      t.rateVolume[l.g] = (t.rateVolume[l.g] ?? 0) + sign * l.rate * volume
      t.volume[l.g] = (t.volume[l.g] ?? 0) + sign * volume
    } else t.units[l.g] = (t.units[l.g] ?? 0) + (sign * volume * l.rate) / 1000
  }
}

export function totalsOf(p: Prepared, hours: ArrayLike<number>): Totals {
  const t = emptyTotals(p.states.length)
  for (let ci = 0; ci < p.channels.length; ci++) addChannel(p, t, ci, hours[ci] ?? 0)
  return t
}

/** What the period's plan does for the goal, in its own units: units (counts, money) or the weighted rate. */
export function goalOutcome(st: GoalState, t: Totals, g: number): number {
  if (st.goal.kind !== 'rate') return t.units[g] ?? 0
  const v = t.volume[g] ?? 0
  // Tiny volumes left by adding and removing the same channel are rounding, not a rate.
  return v > 1e-9 ? (t.rateVolume[g] ?? 0) / v : st.level
}

/**
 * Value of one goal, in points: 100 × weight × movement toward the target ÷ the goal's span, the movement
 * capped where the goal stops pulling (the target, or the stretch target). Counts and money move by the
 * units the channels bring; a rate moves from its current level to the volume-weighted rate of the plan,
 * so a channel below the team's rate pulls it down.
 */
export function goalValue(st: GoalState, outcome: number): number {
  if (st.weight <= 0 || st.ceiling <= 0) return 0
  const move = st.goal.kind === 'rate' ? st.sign * (outcome - st.level) : outcome
  return (100 * st.weight * Math.min(move, st.ceiling)) / st.span
}

export function planValue(p: Prepared, t: Totals): number {
  let v = 0
  for (let g = 0; g < p.states.length; g++) {
    const st = p.states[g]
    if (st !== undefined) v += goalValue(st, goalOutcome(st, t, g))
  }
  return v
}

/** Change in value when channel ci moves from `from` to `to` hours, the rest of the plan held. */
export function channelGain(p: Prepared, t: Totals, ci: number, from: number, to: number): number {
  const ch = p.channels[ci]
  if (ch === undefined) return 0
  let before = 0
  for (const l of ch.links) {
    const st = p.states[l.g]
    if (st !== undefined) before += goalValue(st, goalOutcome(st, t, l.g))
  }
  addChannel(p, t, ci, from, -1)
  addChannel(p, t, ci, to, 1)
  let after = 0
  for (const l of ch.links) {
    const st = p.states[l.g]
    if (st !== undefined) after += goalValue(st, goalOutcome(st, t, l.g))
  }
  addChannel(p, t, ci, to, -1)
  addChannel(p, t, ci, from, 1)
  return after - before
}
