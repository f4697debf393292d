import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'
import { currencyCode } from './workspaceProfile'

/** What a results row counts. Money metrics are in the team's currency (converted at import when the export named another). */
export const outcomeMetric = z.enum(['sessions', 'engaged_sessions', 'key_events', 'revenue', 'leads', 'opportunities', 'pipeline_value', 'closed_revenue'], {
  error: 'The metric is sessions, engaged_sessions, key_events, revenue, leads, opportunities, pipeline_value or closed_revenue'
})
export type OutcomeMetric = z.infer<typeof outcomeMetric>

export const outcomeMetricLabels: Record<OutcomeMetric, string> = {
  sessions: 'Sessions',
  engaged_sessions: 'Engaged sessions',
  key_events: 'Key events',
  revenue: 'Web revenue',
  leads: 'Leads',
  opportunities: 'Opportunities',
  pipeline_value: 'Pipeline value',
  closed_revenue: 'Closed revenue'
}

export const resultsFormat = z.enum(['ga4', 'hubspot', 'salesforce'], { error: 'The format is ga4, hubspot or salesforce' })
export type ResultsFormat = z.infer<typeof resultsFormat>

/**
 * One number in the outcome ledger (issue #15 item 4): a dated value of one metric, the file and row
 * (or CRM record) it came from, and what it was matched to and by which rule. `importKey` makes a
 * re-import of the same file (or a newer export of the same CRM record) update instead of count twice.
 */
export const outcome = recordKind({
  kind: 'outcome',
  table: 'outcome',
  label: 'Outcome',
  plural: 'Outcomes',
  fields: z.object({
    date: p.date,
    metric: outcomeMetric,
    value: p.finite,
    format: resultsFormat,
    sourceFile: p.text(300),
    sourceRow: z.number().int().min(0),
    /** The CRM's record id, '' for web analytics rows. */
    externalId: p.text(120),
    importKey: p.text(400),
    utmSource: p.text(200),
    utmMedium: p.text(200),
    utmCampaign: p.text(200),
    landingUrl: p.text(2000),
    contentId: p.ref,
    channelId: p.ref,
    campaignId: p.ref,
    /** How the row was matched, in words ("tracking parameters", "campaign name", "landing page"), or why not. */
    matchRule: p.text(300),
    /** The currency the export gave a money value in; '' when it named none (the team's was taken) or for counts. */
    currency: z.union([z.literal(''), currencyCode]),
    /** A converted money value as the file gave it, in `currency`; null when nothing was converted. */
    originalValue: p.finite.nullable()
  }),
  defaults: { externalId: '', utmSource: '', utmMedium: '', utmCampaign: '', landingUrl: '', contentId: null, channelId: null, campaignId: null, matchRule: '', currency: '', originalValue: null },
  required: ['date', 'metric', 'value', 'format', 'sourceFile', 'sourceRow', 'importKey'],
  refs: { contentId: 'content', channelId: 'channel', campaignId: 'campaign' },
  search: ['sourceFile', 'utmCampaign', 'matchRule'],
  title: 'date'
})

export type Outcome = z.infer<typeof outcome.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
