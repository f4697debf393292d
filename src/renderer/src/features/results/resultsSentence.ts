import { outcomeMetricLabels } from '../../../../core/domain/outcome'
import { moneyMetrics, type ResultsSummary } from '../../../../core/links/resultsSummary'
import { format } from '../../components/format'

/**
 * The period's results in one sentence above the table: how many numbers from how many files, each
 * metric's total, the cost, and how many matched nothing.
 */
export function resultsSentence(d: ResultsSummary, outsideLabel: string): string {
  const when = `${format.date(d.period.from)} to ${format.date(d.period.to)}`
  if (d.ledger === null) return `The results ledger is empty. Import a GA4, HubSpot or Salesforce export (Import results…) to see what the work brought; the team's cost from ${when}: ${format.currency(d.total.cost, d.currency)}.`
  if (d.total.numbers === 0) return `No results from ${when}; the team's cost in that time: ${format.currency(d.total.cost, d.currency)}.`
  const totals = d.metrics.map((m) => {
    const v = d.total.values[m] ?? 0
    return `${outcomeMetricLabels[m]} ${moneyMetrics.has(m) ? format.currency(v, d.currency) : format.number(Math.round(v))}`
  })
  const n = d.total.numbers
  const nothing = d.unmatched === 0 ? '' : ` ${format.number(d.unmatched)} ${d.unmatched === 1 ? 'number' : 'numbers'} matched nothing: choose “${outsideLabel}” to see why.`
  return `${format.number(n)} ${n === 1 ? 'number' : 'numbers'} from ${when}: ${totals.join(' · ')}. The team's cost in that time: ${format.currency(d.total.cost, d.currency)}.${nothing}`
}
