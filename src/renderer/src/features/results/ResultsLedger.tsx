import { useMemo } from 'react'
import type { WhereClause } from '../../../../core/api/listQuery'
import { outcomeMetric, outcomeMetricLabels, type OutcomeMetric } from '../../../../core/domain/outcome'
import { moneyMetrics, type ResultsGroupBy } from '../../../../core/links/resultsSummary'
import type { KindRecord } from '../../api/client'
import { api } from '../../api/client'
import { useLiveData } from '../../api/useLiveData'
import { col, type DataColumn } from '../../components/dataColumns'
import { DataTable } from '../../components/DataTable'
import { format } from '../../components/format'
import { useNames } from '../records/useNames'

type Outcome = KindRecord<'outcome'>

/** Which numbers to list: a period, and a group's (`none`: those outside every group) or all of them. */
export type LedgerScope = { period: { from: string; to: string }; groupBy: ResultsGroupBy; group: string | 'none' | null; title: string | null }

/**
 * The newest numbers shown at most: a year of GA4 exports is 100k rows and more, which the table would
 * fetch and draw for seconds; a row or a quarter narrows it, and the sentence says how many are left out.
 */
export const LEDGER_CAP = 5_000

const field: Record<ResultsGroupBy, 'campaignId' | 'channelId' | 'contentId'> = { campaign: 'campaignId', channel: 'channelId', item: 'contentId' }

/** The rule as the import wrote it, without the "unmatched: " prefix (the column says so). */
const ruleText = (o: Outcome): string => o.matchRule.replace(/^unmatched: /, 'Not matched: ')

/** A number as the ledger holds it; a converted amount with what the export said: "€9,200 (10,000 USD)". */
function valueText(o: { metric: OutcomeMetric; value: number; currency: string; originalValue: number | null }, currency: string | undefined): string {
  if (!moneyMetrics.has(o.metric)) return format.number(o.value)
  const shown = format.currency(o.value, currency)
  return o.originalValue === null ? shown : `${shown} (${format.number(o.originalValue)} ${o.currency})`
}

/**
 * The numbers behind the chosen row of the Results table: every ledger row with its date, metric and
 * value, what it was matched to and by which rule (or why it matched nothing), and the file and row
 * it came from — "the source of every number" (issue #15 item 4).
 */
export function ResultsLedger({ scope, currency }: { scope: LedgerScope; currency: string | undefined }) {
  const where = useMemo<WhereClause[]>(() => {
    const w: WhereClause[] = [
      { field: 'date', op: 'gte', value: scope.period.from },
      { field: 'date', op: 'lte', value: scope.period.to }
    ]
    if (scope.group === 'none') w.push({ field: field[scope.groupBy], op: 'isNull' })
    else if (scope.group !== null) w.push({ field: field[scope.groupBy], op: 'eq', value: scope.group })
    return w
  }, [scope.period.from, scope.period.to, scope.groupBy, scope.group])
  const input = { where, sort: [{ field: 'date', dir: 'desc' as const }], limit: LEDGER_CAP }
  const ledger = useLiveData(`results-ledger ${JSON.stringify(input)}`, () => api.records('outcome').list(input), ['outcome'])
  const items = useNames('content')
  const channels = useNames('channel')
  const campaigns = useNames('campaign')
  const columns = useMemo<DataColumn<Outcome>[]>(
    () => [
      col.date('date', 'Date', (o) => o.date, { width: 115 }),
      { ...col.enum('metric', 'Metric', (o) => o.metric, outcomeMetric.options, { width: 140 }), text: (o) => outcomeMetricLabels[o.metric] },
      { ...col.number('value', 'Value', (o) => o.value, { width: 190 }), text: (o) => valueText(o, currency) },
      col.ref('contentId', 'Item', (o) => o.contentId, items.map, { width: 220 }),
      col.ref('channelId', 'Channel', (o) => o.channelId, channels.map, { width: 150 }),
      col.ref('campaignId', 'Campaign', (o) => o.campaignId, campaigns.map, { width: 170 }),
      col.text('matchRule', 'How it was matched', ruleText, { width: 280 }),
      col.text('sourceFile', 'File', (o) => o.sourceFile, { width: 230 }),
      col.number('sourceRow', 'Row', (o) => o.sourceRow, { width: 70 }),
      col.text('utmCampaign', 'utm_campaign', (o) => o.utmCampaign, { width: 140, hidden: true }),
      col.text('utmSource', 'utm_source', (o) => o.utmSource, { width: 120, hidden: true }),
      col.text('externalId', 'CRM record', (o) => o.externalId, { width: 110, hidden: true })
    ],
    [currency, items.map, channels.map, campaigns.map]
  )
  const n = ledger.data?.total ?? 0
  const shown = ledger.data?.items.length ?? 0
  return (
    <section className="rs-ledger" aria-labelledby="rs-ledger-title" data-testid="results-ledger">
      <h2 id="rs-ledger-title" className="rs-ledger-title">
        {scope.title === null ? 'Every number in the period' : `The numbers behind “${scope.title}”`}
        {ledger.data && <span className="subtle"> · {format.number(n)}</span>}
      </h2>
      {n > shown && (
        <p className="subtle small" role="status" data-testid="results-ledger-cap">
          Showing the newest {format.number(shown)} of {format.number(n)}; choose a row or a quarter above to narrow the list.
        </p>
      )}
      {ledger.error && (
        <p className="form-error" role="alert">
          Could not load the ledger: {ledger.error.message}
        </p>
      )}
      <DataTable
        tableId="results-ledger"
        label="Results ledger"
        noun={{ one: 'number', many: 'numbers' }}
        rows={ledger.data?.items ?? []}
        columns={columns}
        loading={ledger.loading && ledger.data === undefined}
        initialSort={[{ id: 'date', desc: true }]}
        empty={<p className="muted">{scope.title === null ? 'No numbers in this period.' : 'No numbers behind this row: nothing in the ledger was matched to it in this period.'}</p>}
      />
    </section>
  )
}
