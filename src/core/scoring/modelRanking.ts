import { Z80, type ChannelEvidence } from './channelEvidence'
import { judgedHours } from './channelResponse'
import { channelGain, prepareModel, totalsOf, type Overrides, type Prepared } from './modelCore'
import type { ModelGoal, ModelInput } from './modelTypes'
import { plannedHours } from './predictGoalResults'

export type Tier = 0 | 1 | 2
export const TIER_LABEL = ['scorable', 'paused or retired', 'needs estimate'] as const

/** Hours of the step over which an active channel's next-hour value is measured. */
export const STEP_HOURS = 1

/**
 * A channel's value per hour, the same quantity the allocator equalises: the goal points (weighted,
 * capped where goals stop pulling, over each goal's remaining weeks) that its next STEP_HOURS a week add
 * to today's plan, per hour. A proposed or paused channel is judged on starting it: its trial (or its
 * cadence's hours) added to the plan, per hour. So a goal already met gives nothing, a rate goal counts
 * the channel's effect on the weighted rate, and a channel whose rate goal does not move with volume
 * (the only channel serving it) earns nothing from more hours there.
 */
/** Below a second of work a week, a step is treated as no step at all. */
const MIN_STEP_HOURS = 1 / 3600

export function channelValues(p: Prepared): { value: number; perHour: number; hours: number }[] {
  const plan = plannedHours(p)
  const t = totalsOf(p, plan)
  return p.channels.map(({ c }, ci) => {
    const h = plan[ci] ?? 0
    const start = c.status !== 'active' || h <= 0
    const step = start ? judgedHours(c) : STEP_HOURS
    // A step of a vanishing number of hours (a cadence like 5e-324 posts a week) is no step: dividing by it
    // would make an infinite value per hour out of nothing.
    if (!(step > MIN_STEP_HOURS)) return { value: 0, perHour: 0, hours: 0 }
    const value = start ? channelGain(p, t, ci, h, judgedHours(c)) - channelGain(p, t, ci, h, 0) : channelGain(p, t, ci, h, h + step)
    const perHour = value / step
    return Number.isFinite(perHour) ? { value, perHour, hours: start ? step : h } : { value: 0, perHour: 0, hours: 0 }
  })
}

export function tierOf(p: Prepared, ci: number): Tier {
  const ch = p.channels[ci]
  if (ch === undefined || ch.ev.needsEstimate) return 2
  // Paused and retired channels get no hours unless pinned, so they rank after every channel that can.
  return ch.c.status === 'retired' || ch.c.status === 'paused' ? 1 : 0
}

/** Ranks 1..n from scores: tier first, then higher score, then id (code-unit order), so input order never matters. */
export function ranksOf(p: Prepared, scores: ArrayLike<number>): Int32Array {
  const order = p.channels.map((_, i) => i)
  const ids = p.channels.map(({ c }) => c.id)
  const tiers = p.channels.map((_, i) => tierOf(p, i))
  order.sort((a, b) => (tiers[a] ?? 0) - (tiers[b] ?? 0) || (scores[b] ?? 0) - (scores[a] ?? 0) || ((ids[a] ?? '') < (ids[b] ?? '') ? -1 : 1))
  const ranks = new Int32Array(order.length)
  order.forEach((ci, r) => (ranks[ci] = r + 1))
  return ranks
}

export type StabilityOptions = {
  draws: number
  seed: number
  /** ± share for goal weights, targets and baselines (uniform). */
  goalJitter: number
  /** ± share applied on top to every channel input (reach, rates); 0 in the product, 0.05 in the test. */
  inputJitter?: number
  /** false: leave out the evidence's own uncertainty (reach interval, rates' posterior). Default true. */
  evidenceSpread?: boolean
}

/**
 * A channel ties with the head of the group above it when it comes out ahead of that head in at least this
 * share of plausible inputs: an order that the inputs' own uncertainty reverses one time in twenty is not
 * an order the screen may state.
 */
export const TIE_SHARE = 0.05

export type Stability = {
  /** Mean value per hour over the draws: what the ranking is built on. */
  expected: Float64Array
  /** Per channel: the first and last rank of its tie group (equal when it is not tied). */
  rankFrom: Int32Array
  rankTo: Int32Array
  /** Per channel: the share of draws in which its rank stays inside its tie group (its own rank when untied). */
  holds: Float64Array
  /** Per draw, the id of the #1 channel. */
  tops: string[]
}

/** Box–Muller from two uniforms; `rand` is the caller's seeded source. */
function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand())
}

/**
 * Plausible inputs: each channel's reach per post drawn from its 80 % interval (lognormal), each rate from
 * its posterior spread, goal weights, targets and baselines ± goalJitter. The ranking is by the expected
 * value per hour over the draws; `holds` is how often each channel keeps that rank.
 */
export function stability(input: ModelInput, base: Prepared, evidence: readonly ChannelEvidence[], calibrate: boolean, rand: () => number, o: StabilityOptions): Stability {
  const n = base.channels.length
  const sumScores = new Float64Array(n)
  const rankDraws: Int32Array[] = []
  const drawScores: Float64Array[] = []
  const spread = o.evidenceSpread ?? true
  const u = (share: number): number => 1 + share * (2 * rand() - 1)
  for (let d = 0; d < o.draws; d++) {
    const reach = new Float64Array(n)
    const rates: Float64Array[] = []
    base.channels.forEach((ch, ci) => {
      const sd = spread && ch.ev.reach.perPost > 0 ? Math.log(ch.ev.reach.high / ch.ev.reach.perPost) / Z80 : 0
      reach[ci] = Math.exp(sd * normal(rand)) * u(o.inputJitter ?? 0)
      rates.push(Float64Array.from(ch.ev.rates, (r) => Math.max(0, (spread ? Math.exp(r.spread * normal(rand) - (r.spread * r.spread) / 2) : 1) * u(o.inputJitter ?? 0))))
    })
    const goals: ModelGoal[] = input.goals.map((g) => ({
      ...g,
      weight: g.weight * u(o.goalJitter),
      target: g.target === null ? null : g.target * u(o.goalJitter),
      baseline: g.baseline * u(o.goalJitter)
    }))
    const overrides: Overrides = { reach, rates, goals }
    const p = prepareModel(input, base.today, calibrate, overrides, evidence)
    const scores = Float64Array.from(channelValues(p), (v) => v.perHour)
    scores.forEach((s, i) => (sumScores[i] = (sumScores[i] ?? 0) + s))
    rankDraws.push(ranksOf(base, scores))
    drawScores.push(scores)
  }
  const expected = o.draws === 0 ? Float64Array.from(channelValues(base), (v) => v.perHour) : sumScores.map((s) => s / o.draws)
  const final = ranksOf(base, expected)
  const { rankFrom, rankTo } = tieGroups(base, final, drawScores)
  const holds = new Float64Array(n)
  const tops: string[] = []
  for (const r of rankDraws) {
    r.forEach((rank, ci) => {
      if (rank >= (rankFrom[ci] ?? 0) && rank <= (rankTo[ci] ?? 0)) holds[ci] = (holds[ci] ?? 0) + 1
      if (rank === 1) tops.push(base.channels[ci]?.c.id ?? '')
    })
  }
  return { expected, rankFrom, rankTo, holds: o.draws === 0 ? holds.fill(1) : holds.map((h) => h / o.draws), tops }
}

/**
 * Tie groups, walking down the final ranking: a group starts at its head, and each next channel of the
 * same tier joins it when it beats the head in at least TIE_SHARE of the draws (paired draws, so a goal
 * jitter that lifts both counts once). Comparing with the head, not with the last member, keeps a chain of
 * near-ties from tying the first channel with one it beats every time. Without draws nothing is tied.
 */
export function tieGroups(p: Prepared, final: Int32Array, drawScores: readonly Float64Array[]): { rankFrom: Int32Array; rankTo: Int32Array } {
  const n = final.length
  const order = new Int32Array(n)
  final.forEach((rank, ci) => (order[rank - 1] = ci))
  const rankFrom = new Int32Array(n)
  const rankTo = new Int32Array(n)
  let start = 0
  while (start < n) {
    const head = order[start] ?? 0
    let end = start + 1
    while (end < n && drawScores.length > 0) {
      const ci = order[end] ?? 0
      // Needs-estimate channels score 0 in every draw: they are last by rule, never tied by chance.
      if (tierOf(p, ci) !== tierOf(p, head) || tierOf(p, ci) === 2) break
      let ahead = 0
      for (const s of drawScores) if ((s[ci] ?? 0) > (s[head] ?? 0)) ahead++
      if (ahead < TIE_SHARE * drawScores.length) break
      end++
    }
    for (let r = start; r < end; r++) {
      const ci = order[r] ?? 0
      rankFrom[ci] = start + 1
      rankTo[ci] = end
    }
    start = end
  }
  return { rankFrom, rankTo }
}
