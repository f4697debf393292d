import { z } from 'zod'
import { pin } from '../../domain/pin'
import { systemFields } from '../../domain/recordKind'
import { rankedEntry, scoredChannel, scoredGoal, scoredOptions } from '../../domain/scoreSnapshot'
import { planQuarter } from './planQuarter'

// Output schemas mirror src/core/scoring/types.ts. Arrays are readonly because the engine returns
// readonly arrays and handlers hand them on without copying.
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly()

const flag = z.enum([
  'needs-estimate', 'no-cadence', 'zero-effort', 'zero-target-goal', 'unknown-goal', 'stale-estimate', 'undated-estimate',
  'retired', 'paused', 'duplicate', 'duplicate-link', 'cost-ignored', 'invalid-input'
])

const channelScore = z.object({
  id: z.string(),
  name: z.string(),
  rank: z.number(),
  score: z.number(),
  impact: z.number(),
  effort: z.object({ hoursPerPeriod: z.number(), hoursPerMonth: z.number(), postHours: z.number(), fixedHours: z.number(), costHours: z.number() }),
  breakdown: list(
    z.object({ goalId: z.string(), goalName: z.string(), units: z.number(), expectedUnits: z.number(), gap: z.number(), weight: z.number(), points: z.number(), fraction: z.number() })
  ),
  factors: z.object({
    postsPerPeriod: z.number(), reachPerPeriod: z.number(), rate: z.number(), confidence: z.number(),
    effectiveConfidence: z.number(), estimateAgeDays: z.number().nullable()
  }),
  flags: list(flag),
  explanation: z.string(),
  status: scoredChannel.shape.status,
  plan: z.object({
    hoursPerWeek: z.number(), postsPerWeek: z.number(), hoursPerPost: z.number(), fixedHoursPerWeek: z.number(), periodWeeks: z.number(),
    goalUnits: list(z.object({ goalId: z.string(), expectedUnits: z.number() }))
  })
})

const allocationPin = z.object({ channelId: z.string(), minHours: z.number().optional(), maxHours: z.number().optional(), exclude: z.boolean().optional(), reason: z.string() })

const allocation = z.object({
  capacityHours: z.number(), sliceHours: z.number(), allocatedHours: z.number(), unallocatedHours: z.number(),
  currentHours: z.number(), currentImpact: z.number(), impact: z.number(), teamMarginalValue: z.number(),
  nextHourGoesTo: z.string().nullable(),
  channels: list(
    z.object({
      id: z.string(), name: z.string(), rank: z.number(), currentHours: z.number(), hours: z.number(), deltaHours: z.number(),
      currentPostsPerWeek: z.number(), postsPerWeek: z.number(), currentImpact: z.number(), impact: z.number(),
      marginalValue: z.number(), limit: z.enum(['min', 'max']).nullable(), pin: allocationPin.nullable(), excluded: z.boolean()
    })
  ),
  warnings: list(z.string())
})

const targetPlan = z.object({
  reachable: z.boolean(), reachableAtAnyHours: z.boolean(), hoursPerWeek: z.number(),
  channels: list(z.object({ id: z.string(), name: z.string(), hours: z.number(), postsPerWeek: z.number() })),
  goals: list(z.object({ goalId: z.string(), name: z.string(), needed: z.number(), reached: z.number(), met: z.boolean() })),
  statement: z.string(),
  warnings: list(z.string())
})

const inputSensitivity = z.object({
  input: z.enum(['audience', 'rate', 'confidence', 'hoursPerPost', 'fixedHoursPerMonth', 'costPerMonth']),
  goalId: z.string().nullable(), label: z.string(), value: z.number(), rankDown: z.number(), rankUp: z.number(),
  breakEven: z.number().nullable(), rankAtBreakEven: z.number().nullable()
})
const channelSensitivity = z.object({ id: z.string(), name: z.string(), rank: z.number(), inputs: list(inputSensitivity), decisive: inputSensitivity.nullable(), sentence: z.string() })

const inputChange = z.object({
  field: z.string(), label: z.string(), from: z.union([z.number(), z.string()]).nullable(), to: z.union([z.number(), z.string()]).nullable(), change: z.number().nullable()
})
const rankChangeReport = z.object({
  channels: list(
    z.object({
      id: z.string(), name: z.string(), previousRank: z.number().nullable(), rank: z.number().nullable(), rankDelta: z.number(),
      scoreChange: z.number().nullable(), changes: list(inputChange), sentence: z.string()
    })
  ),
  sharedChanges: list(inputChange)
})

const calibration = z.object({
  channelId: z.string(),
  rates: list(
    z.object({
      goalId: z.string(), estimate: z.number().nullable(), observed: z.number().nullable(), blended: z.number(), dataWeight: z.number(),
      posts: z.number(), reached: z.number(), units: z.number()
    })
  ),
  confidence: z.object({ estimate: z.number(), calibrated: z.number() }),
  posts: z.number()
})

/** One goal's new weight. Finite, 0–10, like the goal field it saves to. */
const weightEntry = z.object({
  goalId: z.string().min(1, 'Required'),
  weight: z.number({ error: 'Must be a number' }).finite('Must be a finite number').min(0, 'Must not be negative').max(10, 'At most 10')
})
const weights = z.array(weightEntry).max(200)

const capacityHours = z.number({ error: 'Must be a number' }).finite('Must be a finite number').min(0, 'Must not be negative').max(10_000, 'At most 10,000 hours a week')
const hourlyRate = z.number({ error: 'Must be a number' }).finite('Must be a finite number').min(0, 'Must not be negative').max(100_000)

/** What-if knobs every scoring read accepts; nothing is saved. */
const whatIf = z.object({
  weights: weights.optional(),
  capacityHours: capacityHours.optional(),
  blendedHourlyRate: hourlyRate.optional(),
  /** Plan this quarter's goals instead of the current one's (next quarter's, in the last weeks of this one). */
  quarter: planQuarter.optional()
})

const snapshotSummary = z.object({
  id: z.string(), name: z.string(), takenOn: z.string(), quarter: z.string(), auto: z.boolean(), capacityHours: z.number(), ranking: list(rankedEntry)
})

const goalInPlay = scoredGoal.extend({
  kpiName: z.string(),
  kpiUnit: z.string(),
  /** The goal as entered (lower-is-better goals are turned into "reduction" totals for the engine). */
  lowerIsBetter: z.boolean(),
  enteredBaseline: z.number(),
  enteredTarget: z.number(),
  /** Latest measured value as entered, and its date; null without a measurement. */
  measured: z.number().nullable(),
  measuredOn: z.string().nullable()
})

const pinRecord = pin.fields.extend(systemFields)

/** Everything the Priorities screen needs to re-rank on its own, plus the ranking as the backend computed it. */
const scoreList = z.object({
  asOf: z.string(),
  quarter: z.string(),
  /** Quarters that can be planned: the one in play by default, then every later one that has goals. */
  quarters: list(z.string()),
  capacityHours: z.number(),
  capacityFromMembers: z.number(),
  activeMembers: z.number(),
  inputs: z.object({ channels: list(scoredChannel), goals: list(scoredGoal), options: scoredOptions }),
  /** Channel fields as entered, before calibration (for the estimate column). */
  estimates: list(scoredChannel),
  goals: list(goalInPlay),
  calibration: list(calibration),
  duplicates: list(z.object({ channelId: z.string(), duplicateOf: list(z.string()) })),
  pins: list(pinRecord),
  channels: list(channelScore),
  stale: list(z.object({ id: z.string(), name: z.string(), estimatesUpdatedAt: z.string().nullable(), ageDays: z.number().nullable(), confidence: z.number(), effectiveConfidence: z.number() })),
  snapshots: list(snapshotSummary.omit({ ranking: true })),
  /** Set when this call took the quarter's automatic snapshot. */
  snapshotTaken: z.string().nullable()
})

export const scoringMethods = {
  'score-list': { input: whatIf, output: scoreList, summary: 'Channels ranked by expected impact per hour, with the inputs behind the ranking' },
  'score-allocate': {
    input: whatIf.extend({ sliceHours: z.number().finite().min(0.05, 'At least 0.05 h').max(40).optional() }),
    output: z.object({ allocation, targets: targetPlan }),
    summary: 'Recommended weekly hours per channel (best use of capacity) and the fewest hours that reach every target'
  },
  'score-sensitivity': {
    input: whatIf.extend({ top: z.number().int().min(1).max(50).optional() }),
    output: z.object({ items: list(channelSensitivity) }),
    summary: 'For the top channels, the single input that would change the rank at ±20 %'
  },
  'score-explain': {
    input: whatIf.extend({ since: z.string().min(1).optional() }),
    output: z.object({ snapshot: snapshotSummary.omit({ ranking: true }).nullable(), report: rankChangeReport }),
    summary: 'Why ranks moved since a snapshot (the latest one when none is named): which input changed, by how much'
  },
  'score-snapshot-create': {
    input: z.object({ name: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters').optional(), capacityHours: capacityHours.optional() }),
    output: snapshotSummary,
    summary: 'Save today\'s ranking and its inputs as a dated snapshot'
  },
  'score-weights-save': {
    input: z.object({ weights: weights.min(1, 'Give at least one weight') }),
    output: z.object({ goals: list(z.object({ id: z.string(), weight: z.number() })) }),
    summary: 'Save the goal weights of the Priorities screen in one change'
  },
  'channel-duplicates': {
    input: z.object({}),
    output: z.object({ items: list(z.object({ channelId: z.string(), duplicateOf: list(z.string()), key: z.string() })) }),
    summary: 'Channels with the same platform and handle (case and trailing slashes ignored)'
  }
}
