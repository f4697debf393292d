import type { ChannelEvidence } from './channelEvidence'
import { MIN_HOURS_PER_POST } from './channelResponse'
import { goalStates, linkedGoals } from './goalState'
import { prepareModel, type Overrides, type Prepared, type PreparedChannel } from './modelCore'
import { channelValues, ranksOf } from './modelRanking'
import type { ModelGoal, ModelInput } from './modelTypes'

export const SENSITIVITY_STEP = 0.2

export type ModelInputSensitivity = {
  /** 'channel' inputs belong to the channel; 'goal' inputs to a goal it serves. */
  scope: 'channel' | 'goal'
  label: string
  value: number
  rankLow: number
  rankHigh: number
}

export type ModelChannelSensitivity = {
  channelId: string
  name: string
  rank: number
  inputs: ModelInputSensitivity[]
  /** The input whose ±20 % moves the rank furthest, in a sentence; null when none moves it. */
  decisive: string | null
}

/**
 * For each of the top channels, one input at a time at −20 % and +20 %, everything else held: the
 * channel's reach per post, each rate, its hours per post, and the weight, target and baseline of every
 * goal it serves. Ranks are re-computed from the point values (no stability draws), against the rank the
 * same point values give.
 */
export function modelSensitivity(input: ModelInput, today: string, calibrate: boolean, evidence: readonly ChannelEvidence[], top: number): ModelChannelSensitivity[] {
  const base = prepareModel(input, today, calibrate, {}, evidence)
  const linked = linkedGoals(input.channels)
  const baseRanks = ranksOf(base, Float64Array.from(channelValues(base), (v) => v.perHour))
  // Each variant swaps one channel's entry or the goal states into the prepared model rather than
  // preparing it again: every channel is still re-valued and re-ranked, at a fraction of the cost.
  const rankOf = (ci: number, p: Prepared): number => ranksOf(base, Float64Array.from(channelValues(p), (v) => v.perHour))[ci] ?? 0
  const withChannel = (ci: number, f: (ch: PreparedChannel) => PreparedChannel): Prepared => ({ ...base, channels: base.channels.map((x, i) => (i === ci ? f(x) : x)) })
  const rankWith = (ci: number, o: Overrides, channels?: ModelInput['channels']): number => {
    if (o.goals !== undefined) return rankOf(ci, { ...base, states: goalStates(o.goals, today, linked) })
    if (o.reach !== undefined) return rankOf(ci, withChannel(ci, (x) => ({ ...x, resp: { ...x.resp, perPost: x.resp.perPost * (o.reach?.[ci] ?? 1) } })))
    if (o.rates !== undefined) return rankOf(ci, withChannel(ci, (x) => ({ ...x, links: x.links.map((l, j) => ({ ...l, rate: l.rate * (o.rates?.[ci]?.[j] ?? 1) })) })))
    const c = channels?.[ci]
    if (c !== undefined) return rankOf(ci, withChannel(ci, (x) => ({ ...x, c, resp: { ...x.resp, hoursPerPost: Math.max(MIN_HOURS_PER_POST, c.hoursPerPost) } })))
    return baseRanks[ci] ?? 0
  }
  const order = base.channels.map((_, i) => i).filter((i) => !(base.channels[i]?.ev.needsEstimate ?? true)).toSorted((a, b) => (baseRanks[a] ?? 0) - (baseRanks[b] ?? 0)).slice(0, top)
  return order.map((ci) => {
    const ch = base.channels[ci]
    if (ch === undefined) return { channelId: '', name: '', rank: 0, inputs: [], decisive: null }
    const n = base.channels.length
    const inputs: ModelInputSensitivity[] = []
    const both = (scope: 'channel' | 'goal', label: string, value: number, at: (f: number) => number): void => {
      inputs.push({ scope, label, value, rankLow: at(1 - SENSITIVITY_STEP), rankHigh: at(1 + SENSITIVITY_STEP) })
    }
    both('channel', 'reach per post', ch.ev.reach.perPost, (f) => rankWith(ci, { reach: Float64Array.from({ length: n }, (_, i) => (i === ci ? f : 1)) }))
    ch.ev.rates.forEach((r, li) => {
      const name = base.states.find((s) => s.goal.id === r.goalId)?.goal.name ?? r.goalId
      both('channel', `rate for ${name}`, r.blended, (f) => rankWith(ci, { rates: base.channels.map((x, i) => Float64Array.from(x.ev.rates, (_, j) => (i === ci && j === li ? f : 1))) }))
    })
    both('channel', 'hours per post', ch.c.hoursPerPost, (f) => rankWith(ci, {}, input.channels.map((c, i) => (i === ci ? { ...c, hoursPerPost: c.hoursPerPost * f } : c))))
    const served = new Set(ch.links.map((l) => l.goalId))
    for (const g of input.goals) {
      if (!served.has(g.id)) continue
      const vary = (field: 'weight' | 'target' | 'baseline', f: number): ModelGoal[] =>
        input.goals.map((x) => (x.id !== g.id ? x : field === 'target' ? { ...x, target: x.target === null ? null : x.target * f } : { ...x, [field]: x[field] * f }))
      both('goal', `${g.name} weight`, g.weight, (f) => rankWith(ci, { goals: vary('weight', f) }))
      if (g.target !== null) both('goal', `${g.name} target`, g.target, (f) => rankWith(ci, { goals: vary('target', f) }))
      if (g.baseline !== 0) both('goal', `${g.name} baseline`, g.baseline, (f) => rankWith(ci, { goals: vary('baseline', f) }))
    }
    const rank = baseRanks[ci] ?? 0
    const moving = inputs
      .map((x) => ({ x, d: Math.max(Math.abs(x.rankLow - rank), Math.abs(x.rankHigh - rank)) }))
      .filter((m) => m.d > 0)
      .toSorted((a, b) => b.d - a.d)[0]
    let decisive: string | null = null
    if (moving !== undefined) {
      const low = moving.x.rankLow !== rank
      const to = low ? moving.x.rankLow : moving.x.rankHigh
      decisive = `${ch.c.name} (#${rank}) moves to #${to} if ${moving.x.scope === 'goal' ? 'the goal input' : 'its'} ${moving.x.label} ${low ? 'falls' : 'rises'} by 20 %.`
    }
    return { channelId: ch.c.id, name: ch.c.name, rank, inputs, decisive }
  })
}
