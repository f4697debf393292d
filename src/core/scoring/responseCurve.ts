import type { ChannelScore } from './types'

/** 1 − e^(−1): the share of saturation reached at today's hours, by the choice s = today's hours. */
const AT_CURRENT = -Math.expm1(-1)

/**
 * Diminishing returns in weekly hours: I(h) = Imax (1 − e^(−h/s)), in impact points per period.
 * s is today's weekly hours for the cadence target, so today's plan sits at 63 % of saturation and
 * reproduces the channel's scored impact exactly: I(s) = impact. The curve is concave, which is what
 * makes greedy slices optimal; an S-shaped curve would need a solver (SCORING.md).
 */
export type ResponseCurve = { imax: number; s: number }

/** null when the channel has nothing to scale: no impact, no hours today, retired or unestimated. */
export function responseCurve(c: ChannelScore): ResponseCurve | null {
  if (c.flags.includes('needs-estimate') || c.flags.includes('retired')) return null
  const s = c.plan.hoursPerWeek
  if (!(c.impact > 0) || !(s > 0)) return null
  return { imax: c.impact / AT_CURRENT, s }
}

export function curveValue(curve: ResponseCurve, h: number): number {
  return h <= 0 ? 0 : -curve.imax * Math.expm1(-h / curve.s)
}

/** I(h + step) − I(h), computed without cancellation for tiny steps. */
export function curveGain(curve: ResponseCurve, h: number, step: number): number {
  if (step <= 0) return 0
  return curve.imax * Math.exp(-Math.max(0, h) / curve.s) * -Math.expm1(-step / curve.s)
}

/** Share of a channel's today-plan goal units it delivers at h hours a week. */
export function curveRatio(curve: ResponseCurve, h: number): number {
  return h <= 0 ? 0 : -Math.expm1(-h / curve.s) / AT_CURRENT
}

/** Posts a week that h hours buy: fixed hours first, then hoursPerPost each. */
export function postsForHours(c: ChannelScore, h: number): number {
  const p = c.plan
  if (p.hoursPerPost > 0) return Math.max(0, h - p.fixedHoursPerWeek) / p.hoursPerPost
  return p.hoursPerWeek > 0 ? (p.postsPerWeek * h) / p.hoursPerWeek : p.postsPerWeek
}
