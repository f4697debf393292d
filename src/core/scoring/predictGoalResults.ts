import { Z80 } from './channelEvidence'
import { judgedHours, postsAt, reachPerWeek, todayHours } from './channelResponse'
import { prepareModel, type Prepared } from './modelCore'
import type { ChannelPrediction, GoalKind, ModelInput, Range } from './modelTypes'

export type GoalPrediction = Range & {
  goalId: string
  kind: GoalKind
  /** Weeks of the goal's period the prediction covers (what is left of it after `today`). */
  weeks: number
  /** Per channel: units it brings (counts, money) or its own rate (rates), over the same weeks. */
  channels: (ChannelPrediction & { channelId: string })[]
}

export type PredictOptions = {
  /** Data known up to this date (inclusive) is used; each goal's period runs on from it. */
  today: string
  /** false: estimates only (the "uncalibrated" model of a backtest). Default true. */
  calibrate?: boolean
  /** Weekly hours per channel id; default today's plan (a proposed channel: its trial; paused, retired: none). */
  hours?: ReadonlyMap<string, number>
}

/**
 * One channel's result for one goal at `hours` a week over the goal's remaining weeks, with an 80 %
 * interval. Counts and money: lognormal, log-variance = per-post spread² ÷ posts in the period + the
 * spread of the mean reach per post² + the rate's posterior CV². Rates: the channel's own rate ± z·CV.
 */
export function channelGoalRange(p: Prepared, ci: number, li: number, hours: number): Range {
  const ch = p.channels[ci]
  const l = ch?.links[li]
  const st = l === undefined ? undefined : p.states[l.g]
  if (ch === undefined || l === undefined || st === undefined) return { point: 0, low: 0, high: 0 }
  if (st.goal.kind === 'rate') {
    const half = Z80 * l.rate * l.spread
    return { point: l.rate, low: Math.max(0, l.rate - half), high: Math.min(100, l.rate + half) }
  }
  const posts = postsAt(ch.resp, hours)
  const point = (reachPerWeek(ch.resp, posts) * st.weeks * l.rate) / 1000
  if (point < 1e-9) return { point: 0, low: 0, high: 0 }
  const sigma = Math.sqrt(logVariance(p, ci, li, posts * st.weeks))
  return { point, low: point * Math.exp(-Z80 * sigma), high: point * Math.exp(Z80 * sigma) }
}

function logVariance(p: Prepared, ci: number, li: number, postsInPeriod: number): number {
  const ch = p.channels[ci]
  const l = ch?.links[li]
  if (ch === undefined || l === undefined) return 0
  const meanSpread = ch.ev.reach.perPost > 0 ? Math.log(ch.ev.reach.high / ch.ev.reach.perPost) / Z80 : 0
  return ch.ev.reach.logSpread ** 2 / Math.max(1, postsInPeriod) + meanSpread ** 2 + l.spread ** 2
}

/** Goal-level ranges from the channels': counts add (variances of the parts add); rates are volume-weighted. */
export function goalRanges(p: Prepared, hours: ArrayLike<number>): GoalPrediction[] {
  return p.states.map((st, g) => {
    const parts: (ChannelPrediction & { channelId: string; volume: number; sd: number })[] = []
    p.channels.forEach((ch, ci) => {
      ch.links.forEach((l, li) => {
        if (l.g !== g) return
        const h = hours[ci] ?? 0
        if (h <= 0) return
        const r = channelGoalRange(p, ci, li, h)
        const volume = reachPerWeek(ch.resp, postsAt(ch.resp, h)) * st.weeks
        const sd = st.goal.kind === 'rate' ? l.rate * l.spread : r.point * Math.sqrt(logVariance(p, ci, li, postsAt(ch.resp, h) * st.weeks))
        parts.push({ goalId: st.goal.id, channelId: ch.c.id, ...r, volume, sd })
      })
    })
    const channels = parts.map(({ volume: _v, sd: _s, ...r }) => r)
    if (st.goal.kind === 'rate') {
      const vol = parts.reduce((a, x) => a + x.volume, 0)
      if (vol <= 0) return { goalId: st.goal.id, kind: st.goal.kind, weeks: st.weeks, point: st.level, low: st.level, high: st.level, channels }
      const point = parts.reduce((a, x) => a + x.point * x.volume, 0) / vol
      const sd = Math.sqrt(parts.reduce((a, x) => a + (x.sd * x.volume) ** 2, 0)) / vol
      return { goalId: st.goal.id, kind: st.goal.kind, weeks: st.weeks, point, low: Math.max(0, point - Z80 * sd), high: Math.min(100, point + Z80 * sd), channels }
    }
    const point = parts.reduce((a, x) => a + x.point, 0)
    // Below a billionth of a unit there is nothing to give a range to (and squaring it would underflow).
    if (point < 1e-9) return { goalId: st.goal.id, kind: st.goal.kind, weeks: st.weeks, point: 0, low: 0, high: 0, channels }
    const sigma = Math.sqrt(Math.log(1 + parts.reduce((a, x) => a + x.sd ** 2, 0) / point ** 2))
    return { goalId: st.goal.id, kind: st.goal.kind, weeks: st.weeks, point, low: point * Math.exp(-Z80 * sigma), high: point * Math.exp(Z80 * sigma), channels }
  })
}

/** Today's plan in weekly hours: active channels at their cadence, a proposed channel at its trial, the rest at 0. */
export function plannedHours(p: Prepared): Float64Array {
  return Float64Array.from(p.channels, ({ c }) => (c.status === 'proposed' ? judgedHours(c) : todayHours(c)))
}

/**
 * What each goal's channels are expected to bring over what is left of its period, from the data known
 * on `today`, at a plan of weekly hours (default today's). The lead's backtest calls this with the day
 * before a past quarter and that quarter's plan, once with and once without calibration.
 */
export function predictGoalResults(input: ModelInput, options: PredictOptions): GoalPrediction[] {
  const p = prepareModel(input, options.today, options.calibrate ?? true)
  const base = plannedHours(p)
  const hours = options.hours === undefined ? base : Float64Array.from(p.channels, ({ c }, i) => options.hours?.get(c.id) ?? base[i] ?? 0)
  return goalRanges(p, hours)
}
