import type { ChannelEvidence } from './channelEvidence'
import type { ModelChannel } from './modelTypes'

export const WEEKS_PER_MONTH = 4.33
/** A channel with no hours per post recorded still costs something per post; this keeps posts finite. */
export const MIN_HOURS_PER_POST = 0.1
/**
 * Weekly hours below one second count as none. The model divides by a channel's hours in several places
 * (RICE effort, the gain of one more hour); a vanishing number such as 6e-323 h (a cadence of 0.04 posts
 * at 6e-323 h each — found three times by the planPriorities property test) overflowed them to Infinity.
 * No plan a person writes is this small, so this is the arithmetic's resolution, not a changed input.
 */
export const HOURS_RESOLUTION = 1 / 3600
/** Weekly hours a proposed channel gets when its record names no trial budget. */
export const DEFAULT_TRIAL_HOURS = 2

/** How a channel turns weekly hours into posts and reach (the same arithmetic everywhere). */
export type ChannelResponse = {
  fixedWeekly: number
  hoursPerPost: number
  /** Reach per post at the reference cadence, and the cadence exponent. */
  perPost: number
  reference: number
  beta: number
}

export function channelResponse(c: ModelChannel, ev: ChannelEvidence, reachFactor = 1): ChannelResponse {
  return {
    fixedWeekly: Math.max(0, c.fixedHoursPerMonth) / WEEKS_PER_MONTH,
    hoursPerPost: Math.max(MIN_HOURS_PER_POST, c.hoursPerPost),
    perPost: ev.reach.perPost * reachFactor,
    reference: Math.max(ev.curve.referenceCadence, 0.1),
    beta: ev.curve.beta
  }
}

export function postsAt(r: ChannelResponse, hours: number): number {
  return Math.max(0, hours - r.fixedWeekly) / r.hoursPerPost
}

export function hoursFor(r: ChannelResponse, posts: number): number {
  return posts <= 0 ? 0 : r.fixedWeekly + posts * r.hoursPerPost
}

/** People reached per week at n posts a week: n · r(n0) · (n/n0)^−β. */
export function reachPerWeek(r: ChannelResponse, posts: number): number {
  if (posts <= 0) return 0
  return posts * r.perPost * Math.pow(posts / r.reference, -r.beta)
}

/** Today's weekly hours of a channel: its cadence's posts and fixed hours when active; nothing otherwise. */
export function todayHours(c: ModelChannel): number {
  if (c.status !== 'active') return 0
  return resolved(Math.max(0, c.postsPerWeek) * Math.max(0, c.hoursPerPost) + Math.max(0, c.fixedHoursPerMonth) / WEEKS_PER_MONTH)
}

/** The hours at which a channel is judged per hour: today's plan, a proposed channel's trial, or (paused) its cadence. */
export function judgedHours(c: ModelChannel): number {
  if (c.status === 'proposed') return c.trialHoursPerWeek ?? DEFAULT_TRIAL_HOURS
  return resolved(Math.max(0, c.postsPerWeek) * Math.max(0, c.hoursPerPost) + Math.max(0, c.fixedHoursPerMonth) / WEEKS_PER_MONTH)
}

function resolved(hours: number): number {
  return hours < HOURS_RESOLUTION ? 0 : hours
}
