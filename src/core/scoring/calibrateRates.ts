import { clamp, nonNegative } from './numeric'
import { MIN_CONFIDENCE } from './scoreChannel'
import type { ScoringChannel, ScoringLink } from './types'

export type CalibrationOptions = {
  /**
   * How many posts' worth of evidence a fully confident estimate is worth (default 10). The prior
   * scales with confidence: a 0.3-confidence guess is outweighed by three posts of data.
   */
  priorPostsAtFullConfidence?: number
  /** Posts of evidence at which confidence has gone half-way to the ceiling (default 20). */
  confidenceHalfwayPosts?: number
  /** Calibration never claims certainty (default 0.95); a person can still enter 1. */
  confidenceCeiling?: number
}

export type CalibratedRate = {
  goalId: string
  /** The user's rate per 1,000 reached, or null when the goal has data but no estimate. */
  estimate: number | null
  /** Units per 1,000 reached in the published results, or null without usable data. */
  observed: number | null
  blended: number
  /** Share of the blend that comes from the data, 0–1. */
  dataWeight: number
  posts: number
  reached: number
  units: number
}

export type Calibration = {
  channelId: string
  rates: CalibratedRate[]
  confidence: { estimate: number; calibrated: number }
  posts: number
  /** The channel with blended rates and calibrated confidence, ready to score. */
  channel: ScoringChannel
}

/**
 * Pulls a channel's rate estimates toward its observed results (Gamma–Poisson shrinkage).
 * The estimate acts as `k` pseudo-posts of exposure at the estimated rate, k = prior × confidence;
 * the blended rate is (estimate × priorReach + units × 1000) / (priorReach + reached), so each
 * person actually reached counts as much as each imagined one, and more observations weigh more.
 */
export function calibrateRates(channel: ScoringChannel, options: CalibrationOptions = {}): Calibration {
  const priorPosts = nonNegative(options.priorPostsAtFullConfidence ?? 10)
  const halfway = Math.max(1e-9, nonNegative(options.confidenceHalfwayPosts ?? 20))
  const ceiling = clamp(nonNegative(options.confidenceCeiling ?? 0.95), MIN_CONFIDENCE, 1)
  const confidence = Number.isFinite(channel.confidence) ? clamp(channel.confidence, MIN_CONFIDENCE, 1) : MIN_CONFIDENCE

  const totals = new Map<string, { posts: number; reached: number; units: number }>()
  for (const o of channel.observed ?? []) {
    const reached = nonNegative(o.reached)
    // Results with nobody reached carry no rate information (units / 0); they are left out.
    if (reached <= 0) continue
    const t = totals.get(o.goalId) ?? { posts: 0, reached: 0, units: 0 }
    t.posts += nonNegative(o.posts)
    t.reached += reached
    t.units += nonNegative(o.units)
    totals.set(o.goalId, t)
  }

  const postsSeen = [...totals.values()].reduce((m, t) => Math.max(m, t.posts), 0)
  // Reach per post for the prior: the user's audience, or what the data says when it is blank.
  const reachPerPost = nonNegative(channel.audience) > 0 ? nonNegative(channel.audience) : averageReach(totals)
  const priorReach = priorPosts * confidence * reachPerPost

  const estimates = new Map<string, number>()
  for (const link of channel.links) if (!estimates.has(link.goalId)) estimates.set(link.goalId, nonNegative(link.rate))
  const goalIds = [...estimates.keys(), ...[...totals.keys()].filter((g) => !estimates.has(g)).sort()]

  const rates: CalibratedRate[] = goalIds.map((goalId) => {
    const estimate = estimates.get(goalId)
    const t = totals.get(goalId)
    if (t === undefined) {
      return { goalId, estimate: estimate ?? 0, observed: null, blended: estimate ?? 0, dataWeight: 0, posts: 0, reached: 0, units: 0 }
    }
    const observed = (t.units / t.reached) * 1000
    // With no estimate there is nothing to shrink toward: the data stands alone.
    const dataWeight = estimate === undefined ? 1 : t.reached / (priorReach + t.reached)
    const blended = estimate === undefined ? observed : (1 - dataWeight) * estimate + dataWeight * observed
    return { goalId, estimate: estimate ?? null, observed, blended, dataWeight, posts: t.posts, reached: t.reached, units: t.units }
  })

  const calibratedConfidence =
    confidence >= ceiling ? confidence : confidence + (ceiling - confidence) * (postsSeen / (postsSeen + halfway))
  const links: ScoringLink[] = rates.map((r) => ({ goalId: r.goalId, rate: r.blended }))
  return {
    channelId: channel.id,
    rates,
    confidence: { estimate: confidence, calibrated: calibratedConfidence },
    posts: postsSeen,
    channel: { ...channel, links, confidence: calibratedConfidence }
  }
}

function averageReach(totals: Map<string, { posts: number; reached: number }>): number {
  let posts = 0
  let reached = 0
  for (const t of totals.values()) {
    if (t.posts > posts) {
      posts = t.posts
      reached = t.reached
    }
  }
  return posts > 0 ? reached / posts : 0
}
