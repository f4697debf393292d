import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** A channel exactly as it was scored (after calibration), so a later ranking can say what changed. */
export const scoredChannel = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['active', 'planned', 'paused', 'retired']),
  audience: z.number(),
  postsPerWeek: z.number(),
  hoursPerPost: z.number(),
  fixedHoursPerMonth: z.number(),
  costPerMonth: z.number(),
  confidence: z.number(),
  links: z.array(z.object({ goalId: z.string(), rate: z.number() })).readonly(),
  estimatesUpdatedAt: z.string().nullable()
})

/** A goal as the engine saw it ("more is better" totals, see the scoring service). */
export const scoredGoal = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  target: z.number(),
  current: z.number(),
  baseline: z.number(),
  weight: z.number()
})

export const scoredOptions = z.object({
  periodWeeks: z.number().optional(),
  blendedHourlyRate: z.number(),
  today: z.string(),
  staleAfterDays: z.number().optional()
})

/** The ranking as it was shown. Stored, not recomputed, so an engine change never rewrites history. */
export const rankedEntry = z.object({ id: z.string(), name: z.string(), rank: z.number(), score: z.number(), impact: z.number(), effortHours: z.number() })

/**
 * A dated copy of the ranking and every input behind it. One is taken automatically on the first
 * scoring in each quarter (the quarter's baseline); people can take more before a review.
 * `explainRankChange` compares a snapshot with today's inputs to say what moved a channel.
 */
export const scoreSnapshot = recordKind({
  kind: 'scoreSnapshot',
  table: 'score_snapshot',
  label: 'Score snapshot',
  plural: 'Score snapshots',
  fields: z.object({
    name: p.name(120),
    takenOn: p.date,
    quarter: p.quarter,
    /** Taken by the app as the quarter's baseline rather than by a person. */
    auto: z.boolean(),
    capacityHours: p.nonNegative(10_000),
    ranking: z.array(rankedEntry).max(100_000),
    inputs: z.object({ channels: z.array(scoredChannel), goals: z.array(scoredGoal), options: scoredOptions })
  }),
  defaults: { auto: false, capacityHours: 0 },
  required: ['name', 'takenOn', 'quarter', 'ranking', 'inputs'],
  refs: {},
  search: ['name'],
  title: 'name'
})

export type ScoreSnapshot = z.infer<typeof scoreSnapshot.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
