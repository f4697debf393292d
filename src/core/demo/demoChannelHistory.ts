import type { GoalKey } from './demoGoalSpecs'

/**
 * How each demo channel behaved over the past quarters: what the team did (cadence) and what the
 * world did (reach trend, audience growth, which weekdays and hours worked). The results of every
 * published item are drawn from this, so a model fitted to the demo's history can find it again:
 *
 * - **Cadence changes** from quarter to quarter, and reach per post falls with the week's number of
 *   posts (`reach ∝ n^−β`), so posts-per-week against results-per-post curves can be fitted.
 * - **X got worse**: its reach share falls about 15 % every quarter; **LinkedIn took off** with video
 *   (reach share up about 20 % a quarter) and **the newsletter** list grows faster every quarter.
 * - **Timing**: LinkedIn does best Tuesday to Thursday mornings, the blog on Tuesdays; X has no pattern.
 * - **Results** per 1,000 reached (`truth`) sit near, not on, the team's estimates in the channel specs.
 */
export type ChannelHistory = {
  /** Weekly cadence as a multiple of today's, by quarters ago (0 = current); older quarters cycle. */
  cadence: readonly number[]
  /** Reach share multiplier per quarter ago (1 = today's share); > 1 means reach was better then. */
  reachPerQuarterAgo: number
  /** Diminishing returns: reach per post ∝ (posts this week ÷ usual cadence)^−β. */
  beta: number
  /** Audience growth per year (followers, readers), used backwards from today's audience. */
  audienceGrowth: number
  /** Relative posting frequency Monday…Sunday. */
  weekdays: readonly number[]
  /** Reach multiplier Monday…Sunday: what the day really does. */
  weekdayEffect: readonly number[]
  /** Reach multiplier for posts before 11:00 local time (1 = no morning effect). */
  morningEffect: number
  /** Which goal a post aims at (share of posts) and what it really yields per 1,000 reached. */
  truth: readonly (readonly [GoalKey, number, number])[]
}

const WORKDAYS = [1, 1, 1, 1, 1, 0.15, 0.1] as const
const FLAT = [1, 1, 1, 1, 1, 1, 1] as const

const BASE: Omit<ChannelHistory, 'cadence' | 'truth'> = {
  reachPerQuarterAgo: 1,
  beta: 0.25,
  audienceGrowth: 0.2,
  weekdays: WORKDAYS,
  weekdayEffect: FLAT,
  morningEffect: 1
}

export const CHANNEL_HISTORY: Readonly<Record<string, ChannelHistory>> = {
  blog: {
    ...BASE, cadence: [1, 1.5, 1, 0.5, 1, 2, 1.5], beta: 0.3, weekdayEffect: [1, 1.3, 1, 1, 0.8, 0.7, 0.7],
    truth: [['demo', 0.62, 1.45], ['pipe', 0.1, 3800], ['subs', 0.2, 2.6], ['sov', 0.08, 0.004]]
  },
  li: {
    ...BASE, cadence: [1, 0.75, 1.25, 0.5, 1, 1.5, 0.75], reachPerQuarterAgo: 0.82, beta: 0.35, audienceGrowth: 0.35,
    weekdays: [2, 3, 3, 3, 1, 0, 0], weekdayEffect: [0.85, 1.3, 1.3, 1.25, 0.7, 0.6, 0.6], morningEffect: 1.25,
    truth: [['demo', 0.3, 0.35], ['subs', 0.4, 1.3], ['sov', 0.3, 0.007]]
  },
  ceo: {
    ...BASE, cadence: [1, 1.5, 0.5, 1, 2, 1, 0.5], beta: 0.3, weekdays: [2, 3, 3, 3, 1, 0, 0],
    weekdayEffect: [0.85, 1.3, 1.3, 1.25, 0.7, 0.6, 0.6], morningEffect: 1.25, truth: [['demo', 0.4, 0.3], ['sov', 0.6, 0.012]]
  },
  x: {
    ...BASE, cadence: [1, 1.2, 1.4, 1.6, 1, 0.6, 0.8], reachPerQuarterAgo: 1.18, beta: 0.4, audienceGrowth: 0.03,
    weekdays: [1, 1, 1, 1, 1, 0.6, 0.5], truth: [['subs', 0.6, 0.35], ['sov', 0.4, 0.002]]
  },
  yt: { ...BASE, cadence: [1, 1, 2, 1, 0.5, 1, 2], beta: 0.15, truth: [['demo', 0.5, 0.35], ['subs', 0.5, 1.4]] },
  nl: {
    ...BASE, cadence: FLAT, beta: 0.2, weekdays: [0, 1, 0, 0, 0, 0, 0],
    truth: [['demo', 0.5, 0.9], ['pipe', 0.2, 4200], ['sov', 0.3, 0.002]]
  },
  forum: { ...BASE, cadence: [1, 1.33, 0.67, 1, 1.67, 1, 0.67], beta: 0.2, truth: [['care', 0.7, 0.8], ['demo', 0.3, 0.35]] },
  pod: { ...BASE, cadence: FLAT, beta: 0.1, truth: [['sov', 0.4, 0.03], ['subs', 0.3, 2], ['demo', 0.3, 0.5]] },
  web: { ...BASE, cadence: [1, 2, 1, 1, 2, 1, 1], beta: 0.1, truth: [['demo', 0.55, 26], ['pipe', 0.35, 95_000], ['subs', 0.1, 14]] },
  events: { ...BASE, cadence: FLAT, beta: 0.05, truth: [['demo', 0.4, 11], ['pipe', 0.5, 150_000], ['sov', 0.1, 0.04]] },
  partner: { ...BASE, cadence: [1, 1, 2, 1, 1, 1, 1], beta: 0.1, truth: [['subs', 0.7, 2.5], ['demo', 0.3, 0.3]] }
}

const NEUTRAL: ChannelHistory = { ...BASE, cadence: FLAT, truth: [] }

export function channelHistory(key: string): ChannelHistory {
  return CHANNEL_HISTORY[key] ?? NEUTRAL
}

/** Today's cadence multiple `k` quarters ago; quarters older than the pattern cycle through it. */
export function cadenceMultiple(h: ChannelHistory, quartersAgo: number): number {
  const k = Math.max(0, quartersAgo)
  return h.cadence[k % h.cadence.length] ?? 1
}

/** Reach share multiplier `k` quarters ago; capped at six quarters so multi-year spans stay sane. */
export function reachTrend(h: ChannelHistory, quartersAgo: number): number {
  return Math.pow(h.reachPerQuarterAgo, Math.min(6, Math.max(0, quartersAgo)))
}
