import { useMemo, useState } from 'react'
import { outcomeMetricLabels, type OutcomeMetric } from '../../../../core/domain/outcome'
import { quarter } from '../../../../core/goals/quarter'
import { moneyMetrics, type ResultsGroup, type ResultsGroupBy } from '../../../../core/links/resultsSummary'
import { useQuery } from '../../api/useQuery'
import { col, type DataColumn } from '../../components/dataColumns'
import { DataTable } from '../../components/DataTable'
import { format } from '../../components/format'
import { ResultsImport } from '../links/ResultsImport'
import { ScreenHeader } from '../records/ScreenHeader'
import { ResultsLedger, type LedgerScope } from './ResultsLedger'
import { resultsSentence } from './resultsSentence'
import './results.css'

/** A row of the table: a group, or the numbers outside every group (its id is OUTSIDE, no cost). */
type Row = Omit<ResultsGroup, 'cost'> & { cost: number | null; outside: boolean }
const OUTSIDE = '(outside)'

const byLabel: Record<ResultsGroupBy, { tab: string; one: string; outside: string; detail: string }> = {
  campaign: { tab: 'Campaigns', one: 'campaign', outside: 'Outside any campaign', detail: 'Dates' },
  channel: { tab: 'Channels', one: 'channel', outside: 'No channel', detail: 'Platform' },
  item: { tab: 'Items', one: 'item', outside: 'Not matched to one item', detail: 'Channel · day' }
}

/** Wide enough for a header and its sort and menu buttons. */
const headerWidth = (label: string): number => Math.max(100, Math.round(label.length * 7.5 + 48))

/** The group table is as tall as its rows (up to ten), so the ledger under it starts right after. */
const groupsHeight = (n: number): number => Math.min(Math.max(n, 2), 10) * 34 + 128

/** "2.4×": what came back per unit of cost. */
const times = (v: number | null | undefined): string => (v === null || v === undefined ? '' : `${format.number(v, v < 10 ? 1 : 0)}×`)

/**
 * Results (issue #15 item 4, "proof of what it achieved"): the outcome ledger — web analytics and CRM
 * numbers matched to the items, channels and campaigns that brought them — summed per campaign,
 * channel or item over a period, beside what each cost, and under it the numbers behind the chosen
 * row with the file, row and rule each came from.
 */
export function ResultsScreen() {
  const [groupBy, setGroupBy] = useState<ResultsGroupBy>('campaign')
  const [period, setPeriod] = useState<string>('')
  const range = period === '' ? {} : { from: quarter.of(period).start, to: quarter.of(period).end }
  const summary = useQuery('results-summary', { groupBy, ...range }, { dependsOn: ['outcome', 'campaign', 'channel', 'content', 'workspaceProfile'] })
  const [activeId, setActiveId] = useState<string | undefined>(undefined)
  const d = summary.data
  const currency = d?.currency
  const labels = byLabel[groupBy]

  const rows = useMemo<Row[]>(() => {
    if (d === undefined) return []
    const groups: Row[] = d.rows.map((r) => ({ ...r, outside: false }))
    if (d.outside.numbers === 0) return groups
    const o = d.outside
    return [
      ...groups,
      { id: OUTSIDE, outside: true, name: labels.outside, detail: '', published: 0, hours: 0, spend: 0, cost: null, numbers: o.numbers, values: o.values, costPerLead: null, returnOnCost: null, pipelinePerCost: null }
    ]
  }, [d, labels.outside])

  const columns = useMemo<DataColumn<Row>[]>(() => {
    const metrics: readonly OutcomeMetric[] = d?.metrics ?? []
    const value = (m: OutcomeMetric) => (r: Row) => r.values[m] ?? 0
    return [
      col.text('name', labels.one[0]!.toUpperCase() + labels.one.slice(1), (r) => r.name, { width: 180, render: (r) => (r.outside ? <em>{r.name}</em> : r.name) }),
      col.text('detail', labels.detail, (r) => r.detail, { width: groupBy === 'item' ? 200 : 170, hidden: groupBy !== 'item' }),
      col.number('published', 'Published', (r) => (r.outside ? null : r.published), { width: 108 }),
      col.number('hours', 'Hours', (r) => (r.outside ? null : Math.round(r.hours * 10) / 10), { width: 88 }),
      col.money('cost', 'Cost', (r) => r.cost, currency, { width: 110 }),
      ...metrics.map((m) =>
        moneyMetrics.has(m)
          ? col.money(m, outcomeMetricLabels[m], value(m), currency, { width: Math.max(115, headerWidth(outcomeMetricLabels[m])) })
          : // Key events and engaged sessions stay in the column menu: sessions, deals and money fit one screen.
            col.number(m, outcomeMetricLabels[m], value(m), { width: headerWidth(outcomeMetricLabels[m]), hidden: m === 'engaged_sessions' || m === 'key_events' })
      ),
      ...(metrics.includes('leads') ? [col.money('costPerLead', 'Cost per lead', (r: Row) => r.costPerLead, currency, { width: headerWidth('Cost per lead') })] : []),
      ...(metrics.includes('pipeline_value')
        ? [{ ...col.number('pipelinePerCost', 'Pipeline ÷ cost', (r: Row) => r.pipelinePerCost, { width: headerWidth('Pipeline ÷ cost'), hidden: true }), text: (r: Row) => times(r.pipelinePerCost) }]
        : []),
      ...(metrics.includes('closed_revenue')
        ? // "Return" (closed revenue ÷ cost, said under the table): the long name pushed it off a 1440-px window.
          [{ ...col.number('returnOnCost', 'Return', (r: Row) => r.returnOnCost, { width: headerWidth('Return') }), text: (r: Row) => times(r.returnOnCost) }]
        : []),
      col.number('numbers', 'Numbers', (r) => r.numbers, { width: 90, hidden: true })
    ]
  }, [d?.metrics, currency, groupBy, labels])

  const active = rows.find((r) => r.id === activeId)
  const scope: LedgerScope | null =
    d === undefined ? null : { period: d.period, groupBy, group: active === undefined ? null : active.outside ? 'none' : active.id, title: active === undefined ? null : active.name }
  const quarters = [...(d?.ledger?.quarters ?? [])].reverse()

  return (
    <div className="screen rs-screen">
      <ScreenHeader
        title="Results"
        description="What the team's work brought: web analytics and CRM numbers matched to the campaigns, channels and items behind them, beside what each cost. Every number names the file and row it came from."
        actions={<ResultsImport />}
      />
      <div className="rs-controls">
        <label>
          Period{' '}
          <select className="select" value={period} onChange={(e) => (setPeriod(e.target.value), setActiveId(undefined))} data-testid="results-period">
            <option value="">{d?.ledger ? `All dates in the ledger (${format.date(d.ledger.from)} – ${format.date(d.ledger.to)})` : 'This quarter'}</option>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q} · {format.date(quarter.of(q).start)} – {format.date(quarter.of(q).end)}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="radiogroup" aria-label="Sum the results by">
          {(['campaign', 'channel', 'item'] as const).map((g) => (
            <label key={g}>
              <input type="radio" name="results-by" value={g} checked={groupBy === g} onChange={() => (setGroupBy(g), setActiveId(undefined))} data-testid={`results-by-${g}`} />
              {byLabel[g].tab}
            </label>
          ))}
        </div>
      </div>
      {summary.error && (
        <p className="form-error" role="alert">
          Could not load the results: {summary.error.message}
        </p>
      )}
      {d && (
        <p className="rs-summary" data-testid="results-summary">
          {resultsSentence(d, labels.outside)}
        </p>
      )}
      <div className="rs-groups" style={{ height: groupsHeight(rows.length) }}>
        <DataTable
          // Columns follow the metrics the period holds: a new set mounts afresh, so the ones hidden by default start hidden.
          key={`${groupBy} ${d?.metrics.join(' ') ?? ''}`}
          tableId={`results-${groupBy}`}
          label={`Results by ${labels.one}`}
          noun={{ one: labels.one, many: `${labels.one}s` }}
          rows={rows}
          columns={columns}
          loading={summary.loading && d === undefined}
          onActiveChange={(r) => setActiveId(r?.id)}
          empty={<p className="muted">Nothing to show for this period.</p>}
        />
      </div>
      {d && (
        <p className="subtle small rs-footnote">
          Cost of a row: the hours of its items published in the period at {format.currency(d.hourlyRate, currency)} an hour (Settings → Team), plus{' '}
          {groupBy === 'campaign' ? "the campaign's budget for its days inside the period" : groupBy === 'channel' ? "the channel's monthly cost over the period" : 'nothing else: an item has no budget of its own'}.
          Return is closed revenue ÷ cost. The cost in the sentence above is the whole team's: every published item's hours, every campaign's budget share and every channel's cost. Money is in the team's currency: an export in another is converted at the team's rate as it is imported (Settings → Team → Exchange rates), and refused without one.
        </p>
      )}
      {scope && <ResultsLedger scope={scope} currency={currency} />}
    </div>
  )
}
