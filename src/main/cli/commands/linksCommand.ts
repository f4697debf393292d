import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { outcomeMetricLabels, resultsFormat, type OutcomeMetric } from '../../../core/domain/outcome'
import { quarter } from '../../../core/goals/quarter'
import { moneyMetrics, resultsGroupBy, resultsSummaryInput } from '../../../core/links/resultsSummary'
import { replacedSentence } from '../../../core/links/resultsPeriod'
import { moneySentence } from '../../../core/links/moneySentence'
import { workspaceProfile } from '../../../core/domain/workspaceProfile'
import type { Backend } from '../../backend/backend'
import { importResults } from '../../backend/links/resultsImport'
import { authorize } from '../../backend/people/authorize'
import { callApi } from '../callApi'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

/** Files for results exports stay well under this; a bigger one is almost surely the wrong file. */
const MAX_RESULTS_FILE = 512 * 1024 * 1024

export const linksCommand = command({
  ...commandSpecs.links,
  run: async ({ values }) => {
    const b = await openCliBackend(values, { readonly: true })
    try {
      const r = await callApi(b, 'link-registry', {})
      if (values.json) {
        console.log(JSON.stringify(r, null, 2))
        return 0
      }
      console.log(`${r.items.length} tracked link${r.items.length === 1 ? '' : 's'}: ${r.duplicates} duplicated, ${r.conflicts} in conflict, ${r.offConvention} off the convention`)
      for (const l of r.items) {
        console.log(`  ${l.url}\n    used in ${l.usedIn || 'nothing yet'}`)
        for (const f of l.flags) console.log(`    ! ${f.message}`)
      }
      return 0
    } finally {
      b.close()
    }
  }
})

type SummaryValues = { workspace?: string | undefined; by?: string | undefined; quarter?: string | undefined; from?: string | undefined; to?: string | undefined; json?: boolean | undefined }

/** `smo results` without a file: the ledger summed per campaign, channel or item (the Results screen's table). */
async function printSummary(values: SummaryValues): Promise<number> {
  const by = resultsGroupBy.safeParse(values.by ?? 'campaign')
  if (!by.success) throw new UsageError(`--by ${String(values.by)}: use campaign, channel or item`)
  let period: { from?: string | undefined; to?: string | undefined } = { from: values.from, to: values.to }
  if (values.quarter !== undefined) {
    if (values.from !== undefined || values.to !== undefined) throw new UsageError('give --quarter or --from and --to, not both')
    const q = quarter.parse(values.quarter)
    if (!q.ok) throw new UsageError(`--quarter: ${q.message}`)
    period = { from: q.quarter.start, to: q.quarter.end }
  }
  // The contract's own rules (both ends or none, real dates, in order), said as a usage error before the workspace opens.
  const input = resultsSummaryInput.safeParse({ groupBy: by.data, ...period })
  if (!input.success) {
    const issue = input.error.issues[0]
    const name = issue?.path[0] === 'from' ? 'from' : 'to'
    const given = period[name]
    throw new UsageError(`--${name}${given === undefined ? '' : ` ${given}`}: ${issue?.message ?? 'not a period'}`)
  }
  const b = await openCliBackend(values, { readonly: true })
  try {
    const r = await callApi(b, 'results-summary', input.data)
    if (values.json) {
      console.log(JSON.stringify(r, null, 2))
      return 0
    }
    const money = (v: number | null) => (v === null ? '–' : `${Math.round(v).toLocaleString('en-US')} ${r.currency}`)
    const figure = (m: OutcomeMetric, v: number) => (moneyMetrics.has(m) ? money(v) : Math.round(v).toLocaleString('en-US'))
    const totals = r.metrics.map((m) => `${outcomeMetricLabels[m].toLowerCase()} ${figure(m, r.total.values[m] ?? 0)}`)
    console.log(`Results ${r.period.from} to ${r.period.to}: ${r.total.numbers} numbers${r.ledger ? ` from ${r.ledger.files} file${r.ledger.files === 1 ? '' : 's'}` : ' (the ledger is empty: import an export with --file)'}${totals.length > 0 ? `; ${totals.join(', ')}` : ''}; the team's cost ${money(r.total.cost)}`)
    for (const g of r.rows) {
      const got = r.metrics.filter((m) => g.values[m] !== undefined).map((m) => `${outcomeMetricLabels[m].toLowerCase()} ${figure(m, g.values[m] ?? 0)}`)
      const per = [g.costPerLead === null ? '' : `${money(g.costPerLead)} per lead`, g.returnOnCost === null ? '' : `revenue ${g.returnOnCost.toFixed(1)}× cost`].filter(Boolean)
      console.log(`  ${g.name}${g.detail ? ` (${g.detail})` : ''}: cost ${money(g.cost)} (${g.published} published, ${Math.round(g.hours * 10) / 10} h)${g.numbers > 0 ? `; ${got.join(', ')}` : '; no results'}${per.length > 0 ? `; ${per.join(', ')}` : ''}`)
    }
    if (r.outside.numbers > 0)
      console.log(`  not in any ${by.data}: ${r.metrics.filter((m) => r.outside.values[m] !== undefined).map((m) => `${outcomeMetricLabels[m].toLowerCase()} ${figure(m, r.outside.values[m] ?? 0)}`).join(', ')}${r.unmatched > 0 ? ` (${r.unmatched} numbers matched nothing)` : ''}`)
    return 0
  } finally {
    b.close()
  }
}

function writeList(b: Backend, fileName: string, lines: string[]): string {
  const dir = join(b.ws.paths.dir, 'imports')
  mkdirSync(dir, { recursive: true })
  const out = join(dir, `results-problems-${fileName.replace(/[^\w.-]+/g, '_')}-${new Date(b.now()).toISOString().replace(/[:.]/g, '-')}.csv`)
  writeFileSync(out, ['row,kind,column,message', ...lines].join('\r\n'))
  return out
}

/** `--rate USD=0.92` (repeatable): what one unit of a currency is worth in the team's, for this import. */
function rateFlags(raw: unknown): Record<string, number> | null {
  if (raw === undefined) return null
  const rates: Record<string, number> = {}
  for (const r of raw as string[]) {
    const m = /^([A-Za-z]{3})=(.+)$/.exec(r.trim())
    const rate = m ? Number(m[2]) : NaN
    if (!m || !(Number.isFinite(rate) && rate > 0)) throw new UsageError(`--rate ${r}: write a currency code and what one unit is worth in the team's currency, e.g. --rate USD=0.92`)
    rates[(m[1] as string).toUpperCase()] = rate
  }
  const checked = workspaceProfile.fields.shape.exchangeRates.safeParse(rates)
  if (!checked.success) throw new UsageError(`--rate: ${checked.error.issues[0]?.message ?? 'not a rate'}`)
  return checked.data
}

export const resultsCommand = command({
  ...commandSpecs.results,
  run: async ({ values }) => {
    const file = values.file
    if (file === undefined) return printSummary(values)
    if (typeof file !== 'string' || file === '') throw new UsageError('--file F needs a file (a GA4, HubSpot or Salesforce CSV export)')
    for (const o of ['by', 'quarter', 'from', 'to'] as const) if (values[o] !== undefined) throw new UsageError(`--${o} sums the ledger; it does not go with --file, which imports into it`)
    const fmt = values.format === undefined ? undefined : resultsFormat.safeParse(values.format)
    if (fmt !== undefined && !fmt.success) throw new UsageError(`--format ${String(values.format)}: use ga4, hubspot or salesforce`)
    if (values.dates !== undefined && values.dates !== 'dmy' && values.dates !== 'mdy') throw new UsageError(`--dates ${String(values.dates)}: use dmy or mdy`)
    const rates = rateFlags(values.rate)
    let bytes: Buffer
    try {
      if (statSync(file).size > MAX_RESULTS_FILE) throw new UsageError(`--file ${file} is over ${MAX_RESULTS_FILE / 1024 ** 2} MB: check it is the right file`)
      bytes = readFileSync(file)
    } catch (e) {
      if (e instanceof UsageError) throw e
      throw new UsageError(`cannot read --file ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
    }
    const dryRun = values['dry-run'] === true
    const b = await openCliBackend(values, { readonly: dryRun })
    try {
      authorize(b, 'results-import')
      const fileName = basename(file)
      const { prepared, report } = importResults(b, {
        fileName, data: bytes.toString('base64'), dryRun, ...(rates ? { rates } : {}),
        ...(fmt?.success ? { format: fmt.data } : {}), ...(values.dates === 'dmy' || values.dates === 'mdy' ? { dates: values.dates } : {})
      })
      const { all } = prepared
      let problemsFile: string | null = null
      if (all.errors.length > 20 || all.unmatched.length > 20 || all.skipped.length > 20) {
        const q = (s: string) => `"${s.replace(/"/g, '""')}"`
        problemsFile = writeList(b, fileName, [
          ...all.errors.map((e) => `${e.row},error,${q(e.column)},${q(e.message)}`),
          ...all.unmatched.map((u) => `${u.row},unmatched,,${q(u.reason)}`),
          ...all.skipped.map((s) => `${s.row},skipped,,${q(s.reason)}`)
        ])
      }
      const out = { ...report, problemsFile }
      if (values.json) console.log(JSON.stringify(out, null, 2))
      else {
        console.log(`${fileName}: ${report.format.toUpperCase()} export of ${report.entity}, ${report.rows} rows → ${report.outcomes} numbers (${report.create} new, ${report.update} changed, ${report.unchanged} already in the ledger)`)
        const overlap = replacedSentence(report.period, report.replaced)
        if (overlap !== null) console.log(`  ${overlap}`)
        console.log(`  matched ${report.matched} of ${report.rows} rows${Object.entries(report.byRule).map(([r, n]) => `\n    ${n} by ${r}`).join('')}`)
        for (const t of report.totals) console.log(`  ${outcomeMetricLabels[t.metric]}: ${t.value} (${t.matched} matched)`)
        const money = moneySentence(report.money)
        if (money !== null) console.log(`  ${money}`)
        for (const u of report.unmatched) console.log(`  row ${u.row}: not matched — ${u.reason}`)
        if (report.counts.unmatched > report.unmatched.length) console.log(`  … and ${report.counts.unmatched - report.unmatched.length} more unmatched rows`)
        for (const e of report.errors) console.log(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`)
        if (report.counts.errors > report.errors.length) console.log(`  … and ${report.counts.errors - report.errors.length} more problems`)
        for (const g of report.goals) console.log(`  goal "${g.objective}" now at ${g.level} (${outcomeMetricLabels[g.metric].toLowerCase()} from the ledger)`)
        if (problemsFile) console.log(`  every row listed in ${problemsFile}`)
        console.log(report.errors.length > 0 ? 'Nothing was written: fix the rows above and import again.' : dryRun ? 'Dry run: nothing was written.' : report.written ? 'Written; one undo takes the whole import back.' : 'Nothing new to write.')
      }
      return report.counts.errors > 0 ? 1 : 0
    } finally {
      b.close()
    }
  }
})
