import { z } from 'zod'
import { planQuarter } from './planQuarter'

// Output schemas mirror src/core/scoring/modelTypes.ts and planPriorities.ts (the second model).
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly()
const range = { point: z.number(), low: z.number(), high: z.number() }
const prediction = z.object({ goalId: z.string(), ...range })

const reach = z.object({
  perPost: z.number(), prior: z.number(), priorShare: z.number(), priorSource: z.string(), observed: z.number().nullable(), posts: z.number(),
  evidenceWeight: z.number(), logSpread: z.number(), low: z.number(), high: z.number()
})
const curve = z.object({ beta: z.number(), betaFitted: z.number().nullable(), weeks: z.number(), referenceCadence: z.number(), method: z.string() })
const linkRate = z.object({ goalId: z.string(), estimate: z.number(), observed: z.number().nullable(), blended: z.number(), spread: z.number(), posts: z.number() })

const channel = z.object({
  channelId: z.string(), name: z.string(), status: z.string(), rank: z.number(), rankFrom: z.number(), rankTo: z.number(), tier: z.enum(['scorable', 'paused or retired', 'needs estimate']),
  holds: z.number(), valuePerHour: z.number(), expectedValuePerHour: z.number(), judgedHours: z.number(),
  reach, curve, rates: list(linkRate), predicted: list(prediction),
  cadence: z.object({ todayPostsPerWeek: z.number(), recommendedPostsPerWeek: z.number(), plusOne: list(prediction), minusOne: list(prediction) }),
  explanation: z.string()
})

const goal = z.object({
  goalId: z.string(), kind: z.enum(['count', 'rate', 'money']), weeks: z.number(), ...range,
  channels: list(z.object({ goalId: z.string(), channelId: z.string(), ...range })),
  name: z.string(), unit: z.string(), weight: z.number(), met: z.boolean(), pulls: z.boolean(), predicted: z.boolean(), why: z.string(), today: z.object(range)
})

const row = z.object({
  channelId: z.string(), hours: z.number(), currentHours: z.number(), min: z.number(), max: z.number(),
  pinned: z.object({ reason: z.string(), minHours: z.number(), maxHours: z.number().nullable(), exclude: z.boolean() }).nullable(),
  boundsWhy: z.string(), limit: z.enum(['min', 'max']).nullable(), postsPerWeek: z.number(), marginalValue: z.number()
})

const scenario = z.enum(['same-hours', 'plus', 'targets'], { error: 'Scenario must be same-hours, plus or targets' })

export const priorityModel = z.object({
  asOf: z.string(),
  quarter: z.string(),
  today: z.string(),
  scenario,
  calibrated: z.boolean(),
  goals: list(goal),
  channels: list(channel),
  allocation: z.object({
    scenario, todayHours: z.number(), budgetHours: z.number(), totalHours: z.number(), rows: list(row), source: z.string(), statement: z.string(),
    warnings: list(z.string()), reachesTargets: z.boolean().nullable()
  }),
  rice: z.object({
    rows: list(z.object({ channelId: z.string(), reach: z.number(), impact: z.number(), confidence: z.number(), effort: z.number(), score: z.number(), rank: z.number() })),
    sentence: z.string()
  }),
  sensitivity: list(
    z.object({
      channelId: z.string(), name: z.string(), rank: z.number(), decisive: z.string().nullable(),
      inputs: list(z.object({ scope: z.enum(['channel', 'goal']), label: z.string(), value: z.number(), rankLow: z.number(), rankHigh: z.number() }))
    })
  ),
  stability: z.object({ draws: z.number(), seed: z.number(), goalJitter: z.number(), method: z.string(), topHolds: z.number() })
})

const weightEntry = z.object({
  goalId: z.string().min(1, 'Required'),
  weight: z.number({ error: 'Must be a number' }).finite('Must be a finite number').min(0, 'Must not be negative').max(10, 'At most 10')
})

export const modelInput = z
  .object({
    scenario: scenario.optional(),
    /** `plus`: hours a week more (negative: fewer) than today's plan. */
    hours: z.number({ error: 'Must be a number' }).finite('Must be a finite number').min(-1000, 'At least −1,000 h/week').max(1000, 'At most 1,000 h/week').optional(),
    weights: z.array(weightEntry).max(200).optional(),
    /** Plan this quarter's goals instead of the current one's (see score-list's `quarters`). */
    quarter: planQuarter.optional(),
    seed: z.number().int().min(0).max(2 ** 31).optional(),
    draws: z.number().int('Use a whole number').min(0).max(2000, 'At most 2,000 draws').optional()
  })
  .refine((i) => i.hours === undefined || i.scenario === 'plus', { message: 'Hours apply to the plus scenario only', path: ['hours'] })

const backtestMethod = z.object({
  medianRatio: z.number().nullable(),
  rankCorrelation: z.number().nullable(),
  compared: z.number(),
  correlations: z.number(),
  coverage: z.number().nullable()
})

/** `smo score --backtest` and the Priorities line "how good has this advice been" (scoring/backtest.ts). */
export const backtestOutput = z.object({
  asOf: z.string(),
  insufficient: z.string().nullable(),
  summary: z.string(),
  quarters: z.array(
    z.object({
      quarter: z.string(),
      goals: z.array(
        z.object({
          goalId: z.string(),
          name: z.string(),
          kind: z.enum(['count', 'rate', 'money']),
          predicted: z.number(),
          low: z.number(),
          high: z.number(),
          actual: z.number().nullable(),
          uncalibrated: z.number(),
          lastQuarter: z.number().nullable()
        })
      )
    })
  ),
  methods: z.object({ model: backtestMethod, uncalibrated: backtestMethod, lastQuarter: backtestMethod })
})

export const modelMethods = {
  'score-backtest': {
    input: z.object({}),
    output: backtestOutput,
    summary: 'Replays past quarters: predicts each from what was known before it and compares with what happened (model, uncalibrated, same as last quarter)'
  },
  'score-model': {
    input: modelInput,
    output: priorityModel,
    summary: 'The priority model: evidence-based reach, the scenario’s allocation with where the hours come from, predicted ranges, ranks with how often they hold, RICE and sensitivity'
  }
}
