import { outcomeMetricLabels, type OutcomeMetric } from '../domain/outcome'
import { moneyMetrics, type ResultsSummary } from '../links/resultsSummary'
import type { DeckContext } from './deckContext'
import type { DeckColumn, SlideDraft } from './deckModel'
import { format } from './format'

/**
 * What the ledger read for the deck: the Results screen's sums per campaign over the quarter (to its
 * as-of day), from the analytics and CRM exports imported into the outcome ledger. Like the other
 * results (content, measurements) it is today's: a number imported after the quarter still counts.
 */
export type DeckLedger = ResultsSummary

/** The columns a CMO reads first; the rest (engaged sessions, web revenue) stay on the Results screen. */
const SHOWN: readonly OutcomeMetric[] = ['sessions', 'key_events', 'leads', 'opportunities', 'pipeline_value', 'closed_revenue']

/**
 * "What the campaigns brought": per campaign running in the quarter, what it cost (hours at the team's
 * rate plus its budget for its days in the quarter) against the ledger's sessions, leads, pipeline and
 * closed revenue, with the numbers no campaign brought as a last row so the total reads right. No
 * slide without ledger numbers in the quarter (deckService passes none).
 */
export function ledgerSlides(ctx: DeckContext): SlideDraft[] {
  const l = ctx.input.ledger
  if (l === undefined || l === null || l.total.numbers === 0) return []
  const { currency } = l
  const files = l.ledger?.files ?? 0
  const metrics = SHOWN.filter((m) => l.metrics.includes(m))
  const figure = (m: OutcomeMetric, v: number | undefined): string => (moneyMetrics.has(m) ? format.money(v ?? 0, currency) : format.num(v ?? 0))
  const hasReturn = l.metrics.includes('closed_revenue')
  const hasLeads = l.metrics.includes('leads')
  const columns: DeckColumn[] = [
    { label: 'Campaign', align: 'left', width: 3.4 },
    { label: 'Cost', align: 'right', width: 1.5 },
    ...metrics.map((m): DeckColumn => ({ label: outcomeMetricLabels[m], align: 'right', width: moneyMetrics.has(m) ? 1.6 : 1.2 })),
    ...(hasLeads ? [{ label: 'Cost per lead', align: 'right', width: 1.4 } as const] : []),
    ...(hasReturn ? [{ label: 'Revenue ÷ cost', align: 'right', width: 1.3 } as const] : [])
  ]
  const rows = l.rows.map((r) => [
    r.name,
    format.money(r.cost, currency),
    ...metrics.map((m) => figure(m, r.values[m])),
    ...(hasLeads ? [r.costPerLead === null ? '–' : format.money(r.costPerLead, currency)] : []),
    ...(hasReturn ? [r.returnOnCost === null ? '–' : `${format.num(r.returnOnCost, 1)}×`] : [])
  ])
  if (l.outside.numbers > 0)
    rows.push(['Outside any campaign', '–', ...metrics.map((m) => figure(m, l.outside.values[m])), ...(hasLeads ? ['–'] : []), ...(hasReturn ? ['–'] : [])])
  const best = l.rows.filter((r) => r.returnOnCost !== null && r.returnOnCost > 0).toSorted((a, b) => (b.returnOnCost ?? 0) - (a.returnOnCost ?? 0))[0]
  const pipeline = l.total.values.pipeline_value
  const inCampaigns = l.rows.reduce((s, r) => s + (r.values.pipeline_value ?? 0), 0)
  const sessions = l.total.values.sessions ?? 0
  const lead =
    pipeline !== undefined && pipeline > 0
      ? `${format.pct(inCampaigns / pipeline)} of the quarter's pipeline (${format.money(pipeline, currency)}) came through a campaign.`
      : `${format.num(sessions)} sessions in the quarter, ${format.pct(sessions > 0 ? (sessions - (l.outside.values.sessions ?? 0)) / sessions : null)} of them through a campaign.`
  return [
    {
      key: 'ledger',
      title: 'What the campaigns brought',
      blocks: [
        { kind: 'text', lines: [{ text: `${lead}${best ? ` Best return: ${best.name}, ${format.num(best.returnOnCost, 1)}× its cost in closed revenue.` : ''}` }] },
        {
          kind: 'table',
          title: `${ctx.qr.key}${ctx.interim ? ` so far (as of ${ctx.asOf})` : ''}: the outcome ledger by campaign, against what each cost`,
          columns,
          rows,
          footnote: `Cost: hours of each campaign's published items at ${format.money(ctx.input.money.hourlyRate, currency)} an hour plus its budget for its days in the period. ${format.num(l.total.numbers)} numbers from ${format.num(files)} analytics and CRM ${files === 1 ? 'export' : 'exports'}.`
        }
      ],
      speakerNotes: [
        'From the outcome ledger: web analytics and CRM exports imported into SMO Desk (Results screen, or smo results), each number matched to an item, channel or campaign by its tracking parameters, else by its campaign name or landing page.',
        'Outside any campaign: traffic and deals from always-on posts, or that matched nothing (direct traffic, a deal without tracking); the Results screen lists each with the rule or the reason.',
        `Cost counts the hours of the campaign's items published in the period at the team's rate plus the campaign's budget for its days inside it. Revenue ÷ cost is closed revenue over that cost.`
      ].join('\n'),
      emptyMessage: null
    }
  ]
}
