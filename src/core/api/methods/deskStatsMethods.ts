import { z } from 'zod'
import { primitives as p } from '../../domain/primitives'

// Mirrors src/core/listening/statsTypes.ts (DeskStats); the contract test parses a real output against it.
const clock = z.object({
  medianHours: z.number().nullable(),
  stopped: z.number(),
  withinTarget: z.number(),
  withTarget: z.number(),
  share: z.number().nullable()
})
const series = z.array(z.object({ name: z.string(), values: z.array(z.number()) }))
export const deskStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byState: z.array(z.object({ state: z.string(), count: z.number() })),
  firstResponse: clock,
  resolution: clock,
  byType: z.array(z.object({ type: z.string(), count: z.number(), firstResponse: clock, resolution: clock })),
  bucket: z.enum(['week', 'month']),
  periods: z.array(z.string()),
  volumeByType: series,
  sentiment: series,
  topics: series,
  escalations: z.number(),
  escalationsByTeam: z.array(z.object({ team: z.string(), count: z.number() })),
  handoffs: z.number(),
  handoffsByOutcome: z.array(z.object({ outcome: z.string(), count: z.number() }))
})

/** The Conversations dashboard's numbers (issue #16 "Numbers"). */
export const deskStatsMethods = {
  'desk-stats': {
    input: z.object({
      /** First and last day counted; default: the quarter that holds today, up to today. */
      from: p.date.optional(),
      to: p.date.optional(),
      /** 'YYYY-Qn' instead of from/to: that quarter (up to today when it is the current one). */
      quarter: z.string().optional()
    }),
    output: deskStatsSchema,
    summary: 'The listening desk in numbers for a period: median first-response and resolution times, share within target, volume by type, sentiment and topic over time, escalations by team, hand-offs by outcome'
  }
}
