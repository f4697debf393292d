import { explainScore } from './explainScore'
import { clamp, isInvalid, nonNegative } from './numeric'
import type { PreparedGoal } from './prepareGoals'
import { WEEKS_PER_MONTH, type ResolvedOptions } from './resolveOptions'
import { staleness } from './staleness'
import type { ChannelScore, GoalShare, ScoringChannel, ScoringFlag } from './types'

export const MIN_CONFIDENCE = 0.1
/**
 * A channel that records no effort at all is scored as if it took this many hours per period:
 * its score stays finite and comparable, and the 'zero-effort' flag asks someone to fill it in.
 */
export const EFFORT_FLOOR_HOURS = 1

/**
 * Scores one channel against prepared goals; rank is left at 0 (ranking is a property of the set).
 * Every number is made finite and non-negative on the way in, so the output never holds NaN.
 */
export function scoreChannel(
  channel: ScoringChannel,
  goals: ReadonlyMap<string, PreparedGoal>,
  options: ResolvedOptions,
  /** Sensitivity probes score thousands of variants and only need the number. */
  explain = true
): ChannelScore {
  const flags = new Set<ScoringFlag>()
  const numeric = [channel.audience, channel.postsPerWeek, channel.hoursPerPost, channel.fixedHoursPerMonth, channel.costPerMonth]
  if (numeric.some(isInvalid) || !Number.isFinite(channel.confidence)) flags.add('invalid-input')

  const audience = nonNegative(channel.audience)
  const postsPerWeek = nonNegative(channel.postsPerWeek)
  const hoursPerPost = nonNegative(channel.hoursPerPost)
  const fixedPerMonth = nonNegative(channel.fixedHoursPerMonth)
  const costPerMonth = nonNegative(channel.costPerMonth)
  const confidence = Number.isFinite(channel.confidence) ? clamp(channel.confidence, MIN_CONFIDENCE, 1) : MIN_CONFIDENCE

  const age = staleness(channel.estimatesUpdatedAt, options.todayMs, options.staleAfterDays)
  if (age.stale) flags.add('stale-estimate')
  if (age.undated) flags.add('undated-estimate')
  const effectiveConfidence = clamp(confidence * age.multiplier, MIN_CONFIDENCE, 1)

  const postsPerPeriod = postsPerWeek * options.periodWeeks
  const reachPerPeriod = postsPerPeriod * audience

  const breakdown: GoalShare[] = []
  const seen = new Set<string>()
  let impact = 0
  let rateWeighted = 0
  let weightSum = 0
  let ratedLinks = 0
  for (const link of channel.links) {
    if (seen.has(link.goalId)) {
      flags.add('duplicate-link') // the first link to a goal counts; adding both would double it
      continue
    }
    seen.add(link.goalId)
    const goal = goals.get(link.goalId)
    if (goal === undefined) {
      flags.add('unknown-goal')
      continue
    }
    if (!goal.inPlay) {
      flags.add('zero-target-goal')
      continue
    }
    if (isInvalid(link.rate)) flags.add('invalid-input')
    const rate = nonNegative(link.rate)
    if (rate > 0) ratedLinks += 1
    const units = (reachPerPeriod / 1000) * rate
    const expectedUnits = units * effectiveConfidence
    const points = (100 * goal.weight * expectedUnits) / goal.gap
    impact += points
    rateWeighted += goal.weight * rate
    weightSum += goal.weight
    breakdown.push({
      goalId: link.goalId,
      goalName: goal.goal.name,
      units,
      expectedUnits,
      gap: goal.gap,
      weight: goal.weight,
      points,
      fraction: 0
    })
  }
  for (const share of breakdown) share.fraction = impact > 0 ? share.points / impact : 0

  if (audience <= 0 || ratedLinks === 0) flags.add('needs-estimate')
  if (postsPerWeek <= 0) flags.add('no-cadence')
  if (channel.status === 'retired') flags.add('retired')
  if (channel.status === 'paused') flags.add('paused')

  const postHours = postsPerPeriod * hoursPerPost
  const fixedHours = fixedPerMonth * options.monthsPerPeriod
  let costHours = 0
  if (costPerMonth > 0) {
    if (options.blendedHourlyRate > 0) costHours = (costPerMonth * options.monthsPerPeriod) / options.blendedHourlyRate
    else flags.add('cost-ignored')
  }
  const hoursPerPeriod = postHours + fixedHours + costHours
  if (hoursPerPeriod <= 0) flags.add('zero-effort')
  const score = flags.has('needs-estimate') ? 0 : (100 * impact) / Math.max(hoursPerPeriod, EFFORT_FLOOR_HOURS)

  const result: ChannelScore = {
    id: channel.id,
    name: channel.name,
    rank: 0,
    score,
    impact,
    effort: { hoursPerPeriod, hoursPerMonth: hoursPerPeriod / options.monthsPerPeriod, postHours, fixedHours, costHours },
    breakdown,
    factors: {
      postsPerPeriod,
      reachPerPeriod,
      rate: weightSum > 0 ? rateWeighted / weightSum : 0,
      confidence,
      effectiveConfidence,
      estimateAgeDays: age.ageDays
    },
    flags: [...flags].sort(),
    explanation: '',
    status: channel.status,
    plan: {
      hoursPerWeek: postsPerWeek * hoursPerPost + fixedPerMonth / WEEKS_PER_MONTH,
      postsPerWeek,
      hoursPerPost,
      fixedHoursPerWeek: fixedPerMonth / WEEKS_PER_MONTH,
      periodWeeks: options.periodWeeks,
      goalUnits: breakdown.map((b) => ({ goalId: b.goalId, expectedUnits: b.expectedUnits }))
    }
  }
  if (explain) result.explanation = explainScore(result)
  return result
}
