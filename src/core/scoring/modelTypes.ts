/**
 * Plain data in and out of the second priority model (README.md in this folder, "The model").
 * Everything a figure on the screen is computed from is in these inputs; no clock, no random source.
 */

export type GoalKind = 'count' | 'rate' | 'money'

export type ModelGoal = {
  id: string
  name: string
  kind: GoalKind
  unit: string
  baseline: number
  /** null = no target: tracked and predicted, but it pulls no hours. */
  target: number | null
  stretchTarget: number | null
  /** Latest measured value of the KPI (as of `today`), null without a measurement. */
  current: number | null
  /** Priority weight, any non-negative scale; normalised over the goals that pull hours. */
  weight: number
  /** The goal's own period (its quarter), inclusive ISO dates. */
  periodStart: string
  periodEnd: string
}

export type ModelChannelStatus = 'proposed' | 'active' | 'paused' | 'retired'

export type ModelLink = {
  goalId: string
  /**
   * Count and money goals: expected KPI units per 1,000 people reached (the person's estimate).
   * Rate goals: the channel's own value of the rate, in per cent (its engagement rate, its answer rate…).
   */
  rate: number
}

export type ModelChannel = {
  id: string
  name: string
  platform: string
  status: ModelChannelStatus
  audience: number
  /** (0, 1] or null for the platform prior. */
  organicReachShare: number | null
  reachNote: string
  postsPerWeek: number
  hoursPerPost: number
  fixedHoursPerMonth: number
  costPerMonth: number
  /** 0.1–1, how much the person trusts the estimates; sets the weight of the estimate against results. */
  confidence: number
  links: readonly ModelLink[]
  /** Weekly hours a proposed channel gets as its trial; null = DEFAULT_TRIAL_HOURS. */
  trialHoursPerWeek: number | null
}

/** One published item with its results (results null = not entered). */
export type ModelPost = {
  channelId: string
  /** The goal the item was linked to (any quarter); its results count for goals with the same KPI. */
  goalKey: string | null
  /** ISO date it went out. */
  date: string
  reach: number | null
  conversions: number | null
}

export type ModelMember = {
  id: string
  name: string
  capacityHours: number
  otherWorkHours: number
  /** Content effort the calendar already plans for this member, hours per week. */
  plannedContentHours: number
}

export type ModelPin = {
  channelId: string
  minHours: number
  maxHours: number | null
  exclude: boolean
  reason: string
}

export type Scenario = 'same-hours' | 'plus' | 'targets'

export type ModelInput = {
  channels: readonly ModelChannel[]
  goals: readonly ModelGoal[]
  posts: readonly ModelPost[]
  /** goal id → the key its results are filed under (its KPI name, lower-case), so past quarters count. */
  goalKeys: ReadonlyMap<string, string>
  members: readonly ModelMember[]
  pins: readonly ModelPin[]
}

export type ModelOptions = {
  /** ISO date; evidence after it is ignored and each goal's period runs from it. */
  today: string
  scenario?: Scenario
  /** `plus`: hours per week more (negative: fewer) than today's plan. */
  deltaHours?: number
  /** Per-channel bounds as shares of today's hours (Robyn-style); default 0.5 and 2. */
  minShare?: number
  maxShare?: number
  /** false: the estimates alone (reach from the audience prior, rates as entered), no learning from results. */
  calibrate?: boolean
  /** Stability draws; 0 skips the stability pass. Default 200. */
  draws?: number
  /** Seed of the stability draws' PRNG; the same seed gives the same holds. */
  seed?: number
  /** ± share by which goal weights, targets and baselines are jittered in the stability pass; default 0.05. */
  goalJitter?: number
  /** Hours per slice in the allocation; default 0.25. */
  sliceHours?: number
}

export type Range = { point: number; low: number; high: number }

export type ChannelPrediction = { goalId: string } & Range

export type ReachEstimate = {
  /** Reach per post the model uses (at the channel's usual cadence). */
  perPost: number
  prior: number
  priorShare: number
  priorSource: string
  /** Robust (10 %-winsorised) mean of the published posts' reach; null without posts. */
  observed: number | null
  posts: number
  /** Weight of the evidence against the prior, 0–1. */
  evidenceWeight: number
  /** Spread of one post's reach, standard deviation of log reach. */
  logSpread: number
  low: number
  high: number
}

export type CadenceCurve = {
  /** Reach per post falls as r(n) = r(n0) · (n / n0)^−β. */
  beta: number
  betaFitted: number | null
  weeks: number
  /** Posts per week the observed reach belongs to. */
  referenceCadence: number
  method: string
}

export type LinkRate = {
  goalId: string
  estimate: number
  observed: number | null
  /** What the model uses: estimate and observation blended by evidence (units per 1,000, or per cent for rates). */
  blended: number
  /** Coefficient of variation of the blended rate (posterior spread). */
  spread: number
  posts: number
}
