import { DEFAULT_MAX_SHARE, DEFAULT_MIN_SHARE, DEFAULT_SLICE_HOURS, allocateScenario, type ScenarioResult, type ScenarioRow } from './allocateScenario'
import { channelEvidence, evidenceByChannel, type ChannelEvidence } from './channelEvidence'
import { hoursFor, postsAt, reachPerWeek } from './channelResponse'
import { formatNumber } from './formatNumber'
import { prepareModel, totalsOf, type Prepared, type Totals } from './modelCore'
import { channelValues, ranksOf, stability, tierOf, TIE_SHARE, TIER_LABEL } from './modelRanking'
import { modelSensitivity, type ModelChannelSensitivity } from './modelSensitivity'
import type { CadenceCurve, ChannelPrediction, LinkRate, ModelInput, ModelOptions, Range, ReachEstimate, Scenario } from './modelTypes'
import { channelGoalRange, goalRanges, type GoalPrediction } from './predictGoalResults'
import { riceView, type RiceView } from './riceView'
import { seededUniform } from './seededUniform'

export const DEFAULT_DRAWS = 200
export const DEFAULT_SEED = 12
export const DEFAULT_GOAL_JITTER = 0.05

export type ModelChannelResult = {
  channelId: string
  name: string
  status: string
  rank: number
  /**
   * First and last rank of the channel's tie group: channels the inputs' uncertainty cannot order (one beats
   * the group's head in at least TIE_SHARE of plausible inputs) share a rank, "#1–2, tied". Equal when untied.
   */
  rankFrom: number
  rankTo: number
  tier: (typeof TIER_LABEL)[number]
  /** Share of plausible inputs (stability draws) in which the channel's rank stays inside [rankFrom, rankTo]. */
  holds: number
  /** Goal points per weekly hour at the hours it is judged at, with the point inputs, and averaged over the draws. */
  valuePerHour: number
  expectedValuePerHour: number
  judgedHours: number
  reach: ReachEstimate
  curve: CadenceCurve
  rates: LinkRate[]
  /** Per goal over the goal's remaining weeks at the recommended hours. */
  predicted: ChannelPrediction[]
  cadence: { todayPostsPerWeek: number; recommendedPostsPerWeek: number; plusOne: ChannelPrediction[]; minusOne: ChannelPrediction[] }
  explanation: string
}

export type PriorityModel = {
  today: string
  scenario: Scenario
  calibrated: boolean
  goals: (GoalPrediction & {
    name: string
    unit: string
    weight: number
    met: boolean
    pulls: boolean
    /** false: no channel links to the goal, so the plan does not predict it (its point and range are 0 and mean nothing). */
    predicted: boolean
    why: string
    today: Range
  })[]
  channels: ModelChannelResult[]
  allocation: Omit<ScenarioResult, 'rows'> & { rows: ScenarioRow[] }
  rice: RiceView
  sensitivity: ModelChannelSensitivity[]
  stability: { draws: number; seed: number; goalJitter: number; method: string; topHolds: number }
}

export { seededUniform } from './seededUniform'

/**
 * The whole second model in one call: evidence per channel, goal states, the scenario's allocation,
 * predictions with 80 % intervals, ranks with how often they hold, the RICE view and sensitivity.
 * Pure: the same input, options and seed always give the same output.
 */
export function planPriorities(input: ModelInput, options: ModelOptions, sensitivityTop = 5): PriorityModel {
  const calibrate = options.calibrate ?? true
  const scenario = options.scenario ?? 'same-hours'
  const goalMap = new Map(input.goals.map((g) => [g.id, g]))
  const grouped = evidenceByChannel(input.posts, options.today)
  const evidence: ChannelEvidence[] = input.channels.map((c) => channelEvidence(c, goalMap, input.goalKeys, grouped, options.today, calibrate))
  const p = prepareModel(input, options.today, calibrate, {}, evidence)
  const targetsOnly = prepareModel(input, options.today, calibrate, { goals: input.goals.map((g) => ({ ...g, stretchTarget: null })) }, evidence)
  // Stability costs one re-rank of every channel per draw: beyond 100 channels the default shrinks to
  // 20,000 ÷ channels draws (at least 30), which keeps a 1,000-channel workspace interactive.
  const draws = options.draws ?? Math.max(30, Math.min(DEFAULT_DRAWS, Math.floor(20_000 / Math.max(1, input.channels.length))))
  const seed = options.seed ?? DEFAULT_SEED
  const goalJitter = options.goalJitter ?? DEFAULT_GOAL_JITTER
  const stab = stability(input, p, evidence, calibrate, seededUniform(seed), { draws, seed, goalJitter })
  const ranks = ranksOf(p, stab.expected)
  const values = channelValues(p)
  const alloc = allocateScenario(p, input.pins, input.members, {
    scenario,
    deltaHours: options.deltaHours ?? 0,
    minShare: options.minShare ?? DEFAULT_MIN_SHARE,
    maxShare: options.maxShare ?? DEFAULT_MAX_SHARE,
    slice: options.sliceHours ?? DEFAULT_SLICE_HOURS,
    targetsOnly
  })
  const recommended = Float64Array.from(alloc.rows, (r) => r.hours)
  const todayPlan = Float64Array.from(alloc.rows, (r) => r.currentHours)
  const atRec = goalRanges(p, recommended)
  const atToday = goalRanges(p, todayPlan)
  const estimates = prepareModel(input, options.today, false)
  const recTotals = totalsOf(p, recommended)

  const channels = p.channels.map((ch, ci): ModelChannelResult => {
    const rec = recommended[ci] ?? 0
    const recPosts = postsAt(ch.resp, rec)
    return {
      channelId: ch.c.id,
      name: ch.c.name,
      status: ch.c.status,
      rank: ranks[ci] ?? 0,
      rankFrom: stab.rankFrom[ci] ?? 0,
      rankTo: stab.rankTo[ci] ?? 0,
      tier: TIER_LABEL[tierOf(p, ci)],
      holds: stab.holds[ci] ?? 0,
      valuePerHour: values[ci]?.perHour ?? 0,
      expectedValuePerHour: stab.expected[ci] ?? 0,
      judgedHours: values[ci]?.hours ?? 0,
      reach: ch.ev.reach,
      curve: ch.ev.curve,
      rates: ch.ev.rates,
      predicted: ch.links.map((l, li) => ({ goalId: l.goalId, ...channelGoalRange(p, ci, li, rec) })),
      cadence: {
        todayPostsPerWeek: ch.c.status === 'active' ? ch.c.postsPerWeek : 0,
        recommendedPostsPerWeek: recPosts,
        plusOne: onePost(p, recTotals, ci, recommended, recPosts + 1),
        minusOne: onePost(p, recTotals, ci, recommended, Math.max(0, recPosts - 1))
      },
      explanation: explain(p, ci, values[ci]?.value ?? 0, values[ci]?.hours ?? 0)
    }
  })

  return {
    today: options.today,
    scenario,
    calibrated: calibrate,
    goals: p.states.map((st, g) => ({
      ...(atRec[g] ?? { goalId: st.goal.id, kind: st.goal.kind, weeks: st.weeks, point: 0, low: 0, high: 0, channels: [] }),
      name: st.goal.name,
      unit: st.goal.unit,
      weight: st.weight,
      met: st.met,
      pulls: st.ceiling > 0,
      predicted: st.moved,
      why: st.why,
      today: { point: atToday[g]?.point ?? 0, low: atToday[g]?.low ?? 0, high: atToday[g]?.high ?? 0 }
    })),
    channels,
    allocation: alloc,
    rice: riceView(estimates, p, ranks, p.channels.map((_, ci) => tierOf(p, ci) === 0)),
    sensitivity: sensitivityTop > 0 ? modelSensitivity(input, options.today, calibrate, evidence, sensitivityTop) : [],
    stability: {
      draws,
      seed,
      goalJitter,
      method: `${draws} draws: reach per post from its 80 % interval, each rate from its posterior spread, goal weights, targets and baselines ± ${Math.round(goalJitter * 100)} %; ranked by the mean value per hour over the draws; a channel that beats the head of the group above in at least ${Math.round(TIE_SHARE * 100)} % of draws is tied with it.`,
      topHolds: channels.find((c) => c.rank === 1)?.holds ?? 0
    }
  }
}

/**
 * What one post a week more (or fewer) than recommended is expected to bring, per goal: counts and
 * money as extra units over the period (same relative interval as the channel's result), rates as the
 * change in the goal's volume-weighted rate, its range from the channel's own rate interval.
 */
function onePost(p: Prepared, t: Totals, ci: number, plan: Float64Array, posts: number): ChannelPrediction[] {
  const ch = p.channels[ci]
  if (ch === undefined) return []
  const from = plan[ci] ?? 0
  const to = hoursFor(ch.resp, posts)
  const dVolume = reachPerWeek(ch.resp, postsAt(ch.resp, to)) - reachPerWeek(ch.resp, postsAt(ch.resp, from))
  return ch.links.map((l, li) => {
    const st = p.states[l.g]
    if (st?.goal.kind === 'rate') {
      const s1 = t.rateVolume[l.g] ?? 0
      const s0 = t.volume[l.g] ?? 0
      const dv = dVolume * st.weeks
      const before = s0 > 1e-9 ? s1 / s0 : st.level
      const at = (rate: number): number => (s0 + dv > 1e-9 ? (s1 + rate * dv) / (s0 + dv) : st.level) - before
      const r = channelGoalRange(p, ci, li, from)
      const d = at(l.rate)
      const lo = at(r.low)
      const hi = at(r.high)
      return { goalId: l.goalId, point: d, low: Math.min(lo, hi, d), high: Math.max(lo, hi, d) }
    }
    const now = channelGoalRange(p, ci, li, from)
    const then = channelGoalRange(p, ci, li, to)
    const d = then.point - now.point
    const rel = then.point > 0 ? { lo: then.low / then.point, hi: then.high / then.point } : { lo: 1, hi: 1 }
    return { goalId: l.goalId, point: d, low: Math.min(d * rel.lo, d * rel.hi), high: Math.max(d * rel.lo, d * rel.hi) }
  })
}

/** Every figure traceable: value, hours, reach per post with its prior and evidence, and the goal shares. */
function explain(p: Prepared, ci: number, value: number, hours: number): string {
  const ch = p.channels[ci]
  if (ch === undefined) return ''
  if (ch.ev.needsEstimate) return 'Needs an estimate: no audience or published reach, or no rate for a goal in play. Ranked last until it has one.'
  const r = ch.ev.reach
  const reach =
    r.observed === null
      ? `reach per post ${formatNumber(r.perPost)} (prior: ${Math.round(r.priorShare * 1000) / 10} % of the audience)`
      : `reach per post ${formatNumber(r.perPost)} (${r.posts} posts averaged ${formatNumber(r.observed)}, prior ${formatNumber(r.prior)}, evidence weight ${Math.round(r.evidenceWeight * 100)} %)`
  return `${formatNumber(value)} goal points over the period for ${formatNumber(hours)} h/week (${formatNumber(hours > 0 ? value / hours : 0)} per weekly hour); ${reach}; cadence exponent β ${ch.ev.curve.beta.toFixed(2)}.`
}
