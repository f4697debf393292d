/**
 * Plain data in and out of the channel scoring engine (see README.md in this folder).
 * Inputs are what the database and the UI already hold; outputs carry every number the UI needs to
 * say *why* a channel ranks where it does, so no caller has to recompute anything.
 */

/** A team goal. Targets are "more is better" totals for the planning period (leads, reach, mentions). */
export type ScoringGoal = {
  id: string
  name: string
  /** What moves it, e.g. 'pipeline', 'reach', 'reputation'; a label only, not used in the maths. */
  driver: string
  target: number
  /** Latest measured value. */
  current: number
  /** Value when the goal was set; the gap floor is a share of (target − baseline). */
  baseline: number
  /** Priority; any non-negative scale, normalised over the goals in play. */
  weight: number
}

export type ChannelStatus = 'active' | 'planned' | 'paused' | 'retired'

export type ScoringLink = {
  goalId: string
  /** Expected KPI units toward the goal per 1,000 people reached. */
  rate: number
}

export type ScoringObservation = {
  goalId: string
  /** People reached by the published posts this observation covers. */
  reached: number
  /** KPI units the posts produced for the goal. */
  units: number
  posts: number
}

export type ScoringChannel = {
  id: string
  name: string
  status: ChannelStatus
  /** Reach per post. */
  audience: number
  /** Cadence target. */
  postsPerWeek: number
  hoursPerPost: number
  fixedHoursPerMonth: number
  costPerMonth: number
  /** 0.1–1; values outside are clamped. */
  confidence: number
  links: readonly ScoringLink[]
  /** ISO date (YYYY-MM-DD or full ISO) of the last estimate review, or null if never dated. */
  estimatesUpdatedAt: string | null
  observed?: readonly ScoringObservation[]
}

export type ScoringOptions = {
  /** Planning period in weeks; default 13 (a quarter). */
  periodWeeks?: number
  /** Turns money (costPerMonth) into hours of effort. 0 or missing: cost is ignored, with a flag. */
  blendedHourlyRate: number
  /** ISO date; the engine never reads the clock. */
  today: string
  /** Estimates older than this lose confidence; default 90. */
  staleAfterDays?: number
}

export type ScoringFlag =
  | 'needs-estimate'
  | 'no-cadence'
  | 'zero-effort'
  | 'zero-target-goal'
  | 'unknown-goal'
  | 'stale-estimate'
  | 'undated-estimate'
  | 'retired'
  | 'paused'
  | 'duplicate'
  | 'duplicate-link'
  | 'cost-ignored'
  | 'invalid-input'

export type GoalShare = {
  goalId: string
  goalName: string
  /** Estimated KPI units over the period before the confidence discount. */
  units: number
  /** units × effective confidence. */
  expectedUnits: number
  /** Remaining gap used as the denominator (floored, see README). */
  gap: number
  /** Weight after normalisation over the goals in play (sums to 1). */
  weight: number
  /** Absolute contribution to impact, in points (percentage points of weighted gap). */
  points: number
  /** Share of this channel's impact, 0–1. */
  fraction: number
}

export type ScoreFactors = {
  postsPerPeriod: number
  reachPerPeriod: number
  /** Weighted mean rate per 1,000 reached over linked goals in play (for display). */
  rate: number
  confidence: number
  /** After staleness decay, 0.1–1. */
  effectiveConfidence: number
  /** Days since estimatesUpdatedAt; null when undated. */
  estimateAgeDays: number | null
}

export type ScoreEffort = {
  hoursPerPeriod: number
  hoursPerMonth: number
  /** Breakdown of hoursPerPeriod. */
  postHours: number
  fixedHours: number
  /** costPerMonth over the period divided by the blended hourly rate. */
  costHours: number
}

/** What allocation needs: today's plan in team hours per week, and the period impact it buys. */
export type CurrentPlan = {
  hoursPerWeek: number
  postsPerWeek: number
  hoursPerPost: number
  fixedHoursPerWeek: number
  periodWeeks: number
  /** Expected (confidence-adjusted) units per goal over the period at today's plan. */
  goalUnits: readonly { goalId: string; expectedUnits: number }[]
}

export type ChannelScore = {
  id: string
  name: string
  rank: number
  /** Impact points per 100 hours of effort. */
  score: number
  /** Percentage points of the weighted remaining goal gap closed over the period. */
  impact: number
  effort: ScoreEffort
  breakdown: readonly GoalShare[]
  factors: ScoreFactors
  flags: readonly ScoringFlag[]
  explanation: string
  status: ChannelStatus
  plan: CurrentPlan
}
