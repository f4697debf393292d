import { z } from 'zod'
import { linkConvention, utmParam } from '../../domain/linkConvention'
import { outcome, outcomeMetric, resultsFormat } from '../../domain/outcome'
import { primitives as p } from '../../domain/primitives'
import { systemFields } from '../../domain/recordKind'
import { trackedLink } from '../../domain/trackedLink'
import { workspaceProfile } from '../../domain/workspaceProfile'
import { crudMethods } from '../crudMethods'
import { resultsSummary, resultsSummaryInput } from '../../links/resultsSummary'

const utm = z.object({ source: z.string(), medium: z.string(), campaign: z.string(), content: z.string(), term: z.string() })
export const linkIssue = z.object({ field: z.union([utmParam, z.literal('url')]), message: z.string(), fix: z.string().nullable() })
const flag = z.object({ kind: z.enum(['duplicate', 'conflict', 'convention', 'unreadable']), message: z.string(), others: z.array(z.string()).optional() })

export const registryRow = z.object({
  id: z.string(),
  url: z.string(),
  base: z.string(),
  utm: utm.nullable(),
  origin: z.enum(['link', 'item']),
  contentId: z.string().nullable(),
  campaignId: z.string().nullable(),
  channelId: z.string().nullable(),
  /** Where it is used, in words: "LinkedIn · Spring launch · Buyer's guide". */
  usedIn: z.string(),
  flags: z.array(flag)
})
export type RegistryRowView = z.infer<typeof registryRow>

const conventionView = linkConvention.fields.extend({ id: z.string().nullable() })

const resultsInput = z
  .object({
    fileName: z.string().min(1, 'Required').max(300),
    /** The file as text, or its bytes in base64 (the backend then detects its encoding). */
    text: z.string().optional(),
    data: z.string().optional(),
    format: resultsFormat.optional(),
    dates: z.enum(['dmy', 'mdy']).optional(),
    /** Exchange rates for this import only (`smo results --rate USD=0.92`), over the team's own (Settings → Team). */
    rates: workspaceProfile.fields.shape.exchangeRates.optional(),
    dryRun: z.boolean().optional()
  })
  .refine((i) => (i.text === undefined) !== (i.data === undefined), { message: 'Give the file as text or as bytes (one of the two)', path: ['text'] })
export type ResultsInput = z.infer<typeof resultsInput>

export const resultsReport = z.object({
  fileName: z.string(),
  format: resultsFormat,
  /** What the rows are: web sessions, contacts, deals, leads, opportunities. */
  entity: z.string(),
  rows: z.number(),
  outcomes: z.number(),
  create: z.number(),
  update: z.number(),
  unchanged: z.number(),
  matched: z.number(),
  byRule: z.record(z.string(), z.number()),
  unmatched: z.array(z.object({ row: z.number(), reason: z.string() })),
  skipped: z.array(z.object({ row: z.number(), reason: z.string() })),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  totals: z.array(z.object({ metric: outcomeMetric, value: z.number(), matched: z.number() })),
  goals: z.array(z.object({ goalId: z.string(), objective: z.string(), metric: outcomeMetric, level: z.number() })),
  /** Full counts of the lists above, which show the first 20. */
  counts: z.object({ unmatched: z.number(), skipped: z.number(), errors: z.number() }),
  written: z.boolean(),
  /** The days a web-analytics export covers (null for a CRM export). */
  period: z.object({ from: z.string(), to: z.string() }).nullable().default(null),
  /** Earlier web-analytics numbers for those days, from other files, that this import replaces (so nothing counts twice). */
  replaced: z.array(z.object({ fileName: z.string(), from: z.string(), to: z.string(), numbers: z.number() })).default([]),
  /** Where the full lists went when they were longer than shown (CLI), else null. */
  problemsFile: z.string().nullable(),
  /**
   * The money of the file, when it has any: the team's currency, the amounts converted into it (per
   * currency, at which rate) and how many named no currency and were taken in the team's.
   */
  money: z
    .object({
      team: z.string(),
      converted: z.array(z.object({ currency: z.string(), rate: z.number(), numbers: z.number() })),
      assumed: z.number(),
      /** Currencies the file uses that have no rate (their rows are errors until one is given). */
      missing: z.array(z.string())
    })
    .nullable()
    .default(null)
})
export type ResultsReport = z.infer<typeof resultsReport>

/** Tracked links, their registry, and results back into the outcome ledger (issue #15 items 3–4). */
export const linkMethods = {
  ...crudMethods(linkConvention),
  ...crudMethods(trackedLink),
  ...crudMethods(outcome),
  'link-convention-get': {
    input: z.object({}),
    output: z.object({ convention: conventionView, campaigns: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string() })) }),
    summary: "The team's link convention (the default until someone saves one) and our campaigns' tracking names"
  },
  'link-convention-save': {
    input: linkConvention.fields,
    output: conventionView,
    summary: "Save the team's link convention (allowed sources and mediums, casing, separator, required parameters)"
  },
  'link-check': {
    input: z.object({ url: z.string().max(2000) }),
    output: z.object({ issues: z.array(linkIssue) }),
    summary: 'What a link breaks of the convention, each with how to fix it'
  },
  'link-save': {
    input: z.object({ url: z.string().max(2000), contentId: p.id.nullable().optional(), campaignId: p.id.nullable().optional(), channelId: p.id.nullable().optional() }),
    output: z.object({ link: trackedLink.fields.extend(systemFields), issues: z.array(linkIssue) }),
    summary: "Save a built link to its item (the item's tracking link too) and to the registry, in one step"
  },
  'link-registry': {
    input: z.object({}),
    output: z.object({ items: z.array(registryRow), duplicates: z.number(), conflicts: z.number(), offConvention: z.number() }),
    summary: 'Every tracked link, where it is used, with duplicates, conflicting parameters and convention breaches flagged'
  },
  'results-import': {
    input: resultsInput,
    output: resultsReport,
    summary: 'Import a GA4, HubSpot or Salesforce export into the outcome ledger, matched to items, channels and campaigns (dryRun: preview only)'
  },
  'results-summary': {
    input: resultsSummaryInput,
    output: resultsSummary,
    summary: 'The outcome ledger summed per campaign, channel or item over a period, beside the hours and money each cost'
  }
}
