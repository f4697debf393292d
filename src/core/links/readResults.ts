import type { OutcomeMetric, ResultsFormat } from '../domain/outcome'
import { detectDateOrder, type DateOrder } from '../transfer/csvDialect'
import { parseDate } from '../transfer/parseCell'
import { amountCurrency } from './amountCurrency'
import { moneyMetrics } from './resultsSummary'
import { findColumn, headerCurrency, headerKey, type ResultColumn } from './resultColumns'
import { emptyUtm, parseTrackedUrl, type UtmValues } from './trackedUrl'

/** One row of an export, read: the numbers it gives and what to match them by. */
export type ResultRow = {
  /** The spreadsheet's row number (the header is row `headerRow`). */
  row: number
  date: string
  /** The CRM's record id; '' for web analytics. */
  externalId: string
  utm: UtmValues
  landing: string
  metrics: { metric: OutcomeMetric; value: number; date: string }[]
  /** The currency the row's money (revenue, amount) is in, and the column that said so; null when the export names none. */
  money: { code: string; column: string } | null
}
export type ResultProblem = { row: number; column: string; message: string }
export type ResultSkip = { row: number; reason: string }
export type ReadResults = { rows: ResultRow[]; problems: ResultProblem[]; skipped: ResultSkip[]; entity: string; dateOrder: DateOrder | null }

export type ResultsTable = {
  format: ResultsFormat
  headers: readonly string[]
  data: readonly (readonly string[])[]
  /** Line number of the header (comment lines above it counted), so problems name the spreadsheet's row. */
  headerRow: number
  /** GA4's "# Start date: 20261101" lines above the header. */
  comments: readonly string[]
  /** For numeric dates that read both ways (03/04/2026). */
  dateOrder?: 'dmy' | 'mdy'
  /** The team's currency: what a bare "$" or "¥" in an amount means when the team counts in one. */
  currency?: string
}

/** GA4's placeholders for "no value". */
const NOT_SET = new Set(['(not set)', '(none)', '(direct)', '(not provided)', '(other)'])
const clean = (s: string | undefined) => {
  const t = (s ?? '').trim()
  if (t.charCodeAt(0) !== 40) return t // no "(": not a placeholder (the common case, kept cheap for 100k rows)
  return NOT_SET.has(t.toLowerCase()) ? '' : t
}

/** "$12,500.00", "12.500,00 €", "1 234" → number; null for an empty cell; an error sentence otherwise. */
export function parseAmount(raw: string): number | null | { error: string } {
  if (/^\d{1,15}$/.test(raw)) return Number(raw) // plain counts, most cells of an analytics export
  let s = raw.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^[A-Z]{3}|[A-Z]{3}$/g, '').replace(/[A-Z]{0,2}\$|[€£¥₹₩₽₺₪₣]/g, '')
  if (s === '') return null
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '')
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.')
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.')
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return { error: `"${raw.trim()}" is not a number` }
  return Number(s)
}

/** YYYYMMDD (GA4), ISO with or without a time (CRMs), dd.mm.yyyy, mm/dd/yyyy → 'YYYY-MM-DD'. The time of day is not kept: the ledger counts per day. */
export function parseResultDate(raw: string, order: DateOrder): string | { error: string } {
  const s = raw.trim()
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  const day = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : s.replace(/(?:[T ]|, )\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([AaPp][Mm])?(Z|[+-]\d{2}:?\d{2})?$/, '')
  return parseDate(day, order)
}

const CRM_OPEN_LOST = /closed\s*lost|lost/i
const CRM_WON = /closed\s*won|\bwon\b/i
const NOT_LEADS = new Set(['subscriber', 'other', 'unqualified'])

/**
 * An export's rows → dated metric values and the tracking parameters to match them by. GA4 rows give
 * sessions, engaged sessions, key events and revenue; HubSpot and Salesforce contacts/leads give one
 * lead each; deals/opportunities give one opportunity, their amount as pipeline value (unless lost),
 * and, when won, their amount as closed revenue on the close date. Every bad cell is a problem named
 * by row and column; nothing is guessed.
 */
export function readResults(t: ResultsTable): ReadResults {
  const keys = t.headers.map(headerKey)
  const col = (what: ResultColumn) => findColumn(keys, what)
  const problems: ResultProblem[] = []
  const skipped: ResultSkip[] = []
  const rows: ResultRow[] = []
  const c = {
    sm: col('sourceMedium'), source: col('source'), medium: col('medium'), campaign: col('campaign'), content: col('content'), term: col('term'),
    landing: col('landing'), date: col('date'), sessions: col('sessions'), engaged: col('engaged'), keyEvents: col('keyEvents'), revenue: col('revenue'),
    id: col('id'), created: col('created'), closed: col('closed'), stage: col('stage'), lifecycle: col('lifecycle'), amount: col('amount'), leadSource: col('leadSource'),
    currency: col('currency')
  }
  const name = (i: number) => t.headers[i] ?? ''
  const dateCols = [c.date, c.created, c.closed].filter((i) => i >= 0)
  const detected = detectDateOrder(t.data.flatMap((r) => dateCols.map((i) => r[i] ?? '')))
  const order: DateOrder = t.dateOrder ?? detected.order ?? 'ymd'
  if (detected.ambiguous && t.dateOrder === undefined) {
    problems.push({ row: t.headerRow, column: name(dateCols[0] ?? 0), message: 'The dates read both ways (03/04/2026 is 3 April or 4 March): say which with --dates dmy or --dates mdy' })
  }
  const periodEnd = /^#\s*end date:\s*(\d{8})/i
  const endLine = t.comments.map((l) => periodEnd.exec(l)).find((m) => m !== null)
  const fileDate = endLine ? `${endLine[1]!.slice(0, 4)}-${endLine[1]!.slice(4, 6)}-${endLine[1]!.slice(6, 8)}` : null
  const isDeal = t.format !== 'ga4' && (c.stage >= 0 || c.amount >= 0 || keys.includes('opportunity id') || keys.includes('deal name'))
  const entity = t.format === 'ga4' ? 'web sessions' : t.format === 'hubspot' ? (isDeal ? 'deals' : 'contacts') : isDeal ? 'opportunities' : 'leads'
  if (t.format === 'ga4' && c.sessions < 0) problems.push({ row: t.headerRow, column: '', message: 'A GA4 export needs a Sessions column' })
  if (t.format !== 'ga4' && c.id < 0) problems.push({ row: t.headerRow, column: '', message: `A ${t.format === 'hubspot' ? 'HubSpot' : 'Salesforce'} export needs its record id column (${t.format === 'hubspot' ? 'Record ID' : isDeal ? 'Opportunity ID' : 'Lead ID'}), so a re-import updates instead of counting twice` })
  if (problems.length > 0) return { rows, problems, skipped, entity, dateOrder: order }

  // An export repeats a few hundred days over 100k rows: each distinct text is read once.
  const dates = new Map<string, string>()
  t.data.forEach((cells, i) => {
    const row = t.headerRow + 1 + i
    if (cells.every((x) => x.trim() === '')) return
    const cell = (j: number) => (j >= 0 ? (cells[j] ?? '') : '')
    const first = clean(cells[0]).toLowerCase()
    if (t.format === 'ga4' && (first === 'total' || first === 'grand total' || first === 'totals')) {
      skipped.push({ row, reason: 'a totals row (its numbers are the sum of the other rows)' })
      return
    }
    const date = (j: number, fallback: string | null, what: string): string | null => {
      const raw = cell(j).trim()
      const known = dates.get(raw)
      if (known !== undefined) return known
      if (raw === '') {
        if (fallback !== null) return fallback
        problems.push({ row, column: j >= 0 ? name(j) : what, message: `No ${what}: every number in the ledger needs its day` })
        return null
      }
      const d = parseResultDate(raw, order)
      if (typeof d === 'string') {
        dates.set(raw, d)
        return d
      }
      problems.push({ row, column: name(j), message: d.error })
      return null
    }
    const num = (j: number): number | null => {
      if (j < 0) return null
      const v = parseAmount(cell(j))
      if (v === null || typeof v === 'number') return v
      problems.push({ row, column: name(j), message: v.error })
      return null
    }
    // Tracking parameters: own columns first, then GA4's "source / medium", then the landing page's own utm_*.
    const utm: UtmValues = { source: clean(cell(c.source)), medium: clean(cell(c.medium)), campaign: clean(cell(c.campaign)), content: clean(cell(c.content)), term: clean(cell(c.term)) }
    if (c.sm >= 0 && (utm.source === '' || utm.medium === '')) {
      const [s, m] = cell(c.sm).split(' / ')
      if (utm.source === '') utm.source = clean(s)
      if (utm.medium === '') utm.medium = clean(m)
    }
    const landing = clean(cell(c.landing))
    if (landing.includes('utm_')) {
      const p = parseTrackedUrl(/^https?:\/\//i.test(landing) ? landing : `https://site${landing.startsWith('/') ? '' : '/'}${landing}`)
      if (p.ok) for (const k of Object.keys(emptyUtm) as (keyof UtmValues)[]) if (utm[k] === '') utm[k] = p.link.utm[k]
    }
    if (t.format === 'salesforce' && utm.source === '' && c.leadSource >= 0) utm.source = clean(cell(c.leadSource))
    const metrics: ResultRow['metrics'] = []
    const before = problems.length
    let rowDate = ''
    if (t.format === 'ga4') {
      const d = date(c.date, fileDate, 'Date (or an "# End date" line above the header)')
      if (d === null) return
      rowDate = d
      const add = (metric: OutcomeMetric, j: number) => {
        const v = num(j)
        if (v !== null && v !== 0) metrics.push({ metric, value: v, date: d })
      }
      add('sessions', c.sessions)
      add('engaged_sessions', c.engaged)
      add('key_events', c.keyEvents)
      add('revenue', c.revenue)
    } else {
      if (cell(c.id).trim() === '') {
        problems.push({ row, column: name(c.id), message: 'No record id: without it a re-import would count this row twice' })
        return
      }
      const created = date(c.created, null, 'create date')
      if (created === null) return
      rowDate = created
      if (!isDeal) {
        const stage = clean(cell(c.lifecycle)).toLowerCase()
        if (NOT_LEADS.has(stage)) {
          skipped.push({ row, reason: `lifecycle stage "${cell(c.lifecycle).trim()}" is not a lead` })
          return
        }
        metrics.push({ metric: 'leads', value: 1, date: created })
      } else {
        const stage = clean(cell(c.stage))
        const amount = num(c.amount) ?? 0
        const lost = CRM_OPEN_LOST.test(stage) && !CRM_WON.test(stage)
        metrics.push({ metric: 'opportunities', value: 1, date: created })
        if (!lost && amount !== 0) metrics.push({ metric: 'pipeline_value', value: amount, date: created })
        if (CRM_WON.test(stage) && !/lost/i.test(stage)) {
          const closed = date(c.closed, null, 'close date')
          if (closed !== null && amount !== 0) metrics.push({ metric: 'closed_revenue', value: amount, date: closed })
        }
      }
    }
    // The currency of the row's money: its currency column, else the amount's own symbol or code, else the header's "(USD)".
    let money: ResultRow['money'] = null
    const moneyCol = t.format === 'ga4' ? c.revenue : c.amount
    if (metrics.some((x) => moneyMetrics.has(x.metric))) {
      const stated = c.currency >= 0 ? cell(c.currency).trim().toUpperCase() : ''
      if (stated !== '' && !/^[A-Z]{3}$/.test(stated)) problems.push({ row, column: name(c.currency), message: `"${cell(c.currency).trim()}" is not a currency code (three letters, such as USD)` })
      const inCell = amountCurrency(cell(moneyCol), t.currency ?? '')
      if (stated !== '' && inCell !== null && stated !== inCell) problems.push({ row, column: name(moneyCol), message: `The amount is written in ${inCell} but ${name(c.currency)} says ${stated}` })
      const inHeader = moneyCol >= 0 ? headerCurrency(keys[moneyCol] ?? '') : null
      const code = stated || inCell || inHeader
      if (code) money = { code, column: name(stated ? c.currency : moneyCol) }
    }
    if (problems.length > before) return
    rows.push({ row, date: rowDate, externalId: t.format === 'ga4' ? '' : cell(c.id).trim(), utm, landing, metrics, money })
  })
  return { rows, problems, skipped, entity, dateOrder: order }
}
