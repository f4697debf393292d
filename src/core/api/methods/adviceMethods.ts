import { z } from 'zod'
import { primitives as p } from '../../domain/primitives'

// Output schemas mirror src/core/scoring/timingAdvice.ts and republish.ts, plus channel names.
const timingBucket = z.object({ kind: z.enum(['weekday', 'hours']), label: z.string(), posts: z.number(), lift: z.number(), low: z.number(), high: z.number() })

const channelTiming = z.object({
  channelId: z.string(),
  channelName: z.string(),
  posts: z.number(),
  status: z.enum(['best-times', 'not-enough-data', 'no-clear-pattern']),
  best: z.array(timingBucket),
  judged: z.array(timingBucket),
  reason: z.string()
})

const republishCandidate = z.object({
  itemId: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  title: z.string(),
  publishedOn: z.string(),
  daysSince: z.number(),
  lift: z.number(),
  threshold: z.number(),
  copyId: z.string().nullable(),
  reason: z.string()
})

export const adviceOutput = z.object({
  asOf: z.string(),
  timing: z.array(channelTiming),
  republish: z.object({
    coolDownDays: z.number(),
    candidates: z.array(republishCandidate),
    tooFewPosts: z.array(z.object({ channelId: z.string(), channelName: z.string(), posts: z.number() }))
  })
})

export const adviceMethods = {
  'advice-get': {
    input: z.object({
      coolDownDays: z.number({ error: 'Must be a number' }).int('Use whole days').min(0, 'Cool-down runs from 0 to 3650 days').max(3650, 'Cool-down runs from 0 to 3650 days').optional()
    }),
    output: adviceOutput,
    summary: 'When to post (best weekdays and hours per channel, where the results support it) and what to publish again'
  },
  'advice-republish-add': {
    input: z.object({ itemId: p.id }),
    output: z.object({ itemId: z.string(), copyId: z.string(), created: z.boolean() }),
    summary: 'Put a copy of a published item in the backlog (idea, no date, linked to the original); offering it twice makes no second copy'
  }
}
