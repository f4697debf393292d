import { z } from 'zod'
import { outcomeMetric, type OutcomeMetric } from '../domain/outcome'
import { primitives as p } from '../domain/primitives'

/**
 * What the outcome ledger adds up to per campaign, channel or item, beside what it cost (the Results
 * screen, `smo results` without a file). The sums are the ledger's own numbers; cost is the hours of
 * the items published in the period at the team's hourly rate, plus the money spent: a campaign's
 * budget (its share of days inside the period) or a channel's monthly cost over the period.
 */
export const resultsGroupBy = z.enum(['campaign', 'channel', 'item'], { error: 'Group by campaign, channel or item' })
export type ResultsGroupBy = z.infer<typeof resultsGroupBy>

export const resultsSummaryInput = z
  .object({
    groupBy: resultsGroupBy.default('campaign'),
    /** The period, inclusive; without one, every date the ledger holds. */
    from: p.date.optional(),
    to: p.date.optional()
  })
  .refine((i) => (i.from === undefined) === (i.to === undefined), { message: 'Give both ends of the period (from and to), or neither', path: ['to'] })
  .refine((i) => i.from === undefined || i.to === undefined || i.from <= i.to, { message: 'The period ends before it starts', path: ['to'] })
export type ResultsSummaryInput = z.input<typeof resultsSummaryInput>

const values = z.record(z.string(), z.number())

export const resultsGroup = z.object({
  /** The campaign's, channel's or item's id (the numbers outside every row are `outside`, not a row). */
  id: z.string(),
  name: z.string(),
  /** Campaign dates, an item's channel and day, a channel's platform. */
  detail: z.string(),
  published: z.number(),
  hours: z.number(),
  /** Budget share or channel cost in the period (0 for an item). */
  spend: z.number(),
  /** hours × hourly rate + spend. */
  cost: z.number(),
  /** Ledger rows summed (the numbers behind the row). */
  numbers: z.number(),
  values,
  costPerLead: z.number().nullable(),
  /** Closed revenue ÷ cost: 2 means every euro spent came back twice. */
  returnOnCost: z.number().nullable(),
  pipelinePerCost: z.number().nullable()
})
export type ResultsGroup = z.infer<typeof resultsGroup>

export const resultsSummary = z.object({
  groupBy: resultsGroupBy,
  currency: z.string(),
  hourlyRate: z.number(),
  /** The period summed: as asked, else the ledger's first to last date, else (an empty ledger) this quarter. */
  period: z.object({ from: z.string(), to: z.string() }),
  /** The first and last date the ledger holds, and its quarters (for a period picker). */
  ledger: z.object({ from: z.string(), to: z.string(), quarters: z.array(z.string()), files: z.number() }).nullable(),
  /** Metrics with at least one number in the period, in the ledger's order. */
  metrics: z.array(outcomeMetric),
  rows: z.array(resultsGroup),
  /**
   * The numbers outside every row: matched to no campaign (an always-on post's traffic, a deal
   * without tracking), no channel, or no single item. The rows plus these make the total.
   */
  outside: z.object({ numbers: z.number(), values }),
  /** Of all the numbers, those the import matched to nothing at all (the ledger says why on each). */
  unmatched: z.number(),
  /**
   * Every number in the period, and the whole team's cost in it: every published item's hours, every
   * campaign's budget share and every channel's cost (whatever the rows are).
   */
  total: z.object({ numbers: z.number(), values, cost: z.number() })
})
export type ResultsSummary = z.infer<typeof resultsSummary>

export const moneyMetrics: ReadonlySet<OutcomeMetric> = new Set(['revenue', 'pipeline_value', 'closed_revenue'])

const DAY_MS = 86_400_000
const dayNo = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)

/** Days from `from` to `to`, both counted. */
export function daysIn(from: string, to: string): number {
  return Math.max(0, dayNo(to) - dayNo(from) + 1)
}

/** The share of [start, end] inside [from, to], by whole days (a campaign's budget spent in the period). */
export function shareInside(start: string, end: string, from: string, to: string): number {
  const whole = daysIn(start, end)
  if (whole === 0) return 0
  const a = start > from ? start : from
  const b = end < to ? end : to
  return a > b ? 0 : daysIn(a, b) / whole
}

/** Months in a period, as a channel's monthly cost counts them (an average month: 365.25 / 12 days). */
export function monthsIn(from: string, to: string): number {
  return daysIn(from, to) / (365.25 / 12)
}

/** The ratios a row shows; null where the divisor is zero (no leads, nothing spent), never Infinity. */
export function ratios(values: Readonly<Record<string, number>>, cost: number): Pick<ResultsGroup, 'costPerLead' | 'returnOnCost' | 'pipelinePerCost'> {
  const leads = values.leads ?? 0
  const has = (m: OutcomeMetric) => values[m] !== undefined
  return {
    costPerLead: leads > 0 ? cost / leads : null,
    returnOnCost: cost > 0 && has('closed_revenue') ? (values.closed_revenue ?? 0) / cost : null,
    pipelinePerCost: cost > 0 && has('pipeline_value') ? (values.pipeline_value ?? 0) / cost : null
  }
}
