import { createHash } from 'node:crypto'
import { ApiError } from '../../../core/api/apiError'
import type { ResultsInput, ResultsReport } from '../../../core/api/methods/linkMethods'
import { outcome, type OutcomeMetric, type ResultsFormat } from '../../../core/domain/outcome'
import { matchRow } from '../../../core/links/matchResults'
import { readResults } from '../../../core/links/readResults'
import { moneyMetrics } from '../../../core/links/resultsSummary'
import { detectResultsFormat } from '../../../core/links/resultColumns'
import { resultsPeriod, type Period, type Replaced } from '../../../core/links/resultsPeriod'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import type { Change } from '../mutate'
import { checkRecordWrite } from '../people/recordAccess'
import { historyService } from '../services/historyService'
import { workspaceProfileOf } from '../services/workspaceProfileService'
import { decodeText, parseCsvText } from '../services/importFile'
import { workspaceMatchIndex } from './workspaceMatchIndex'
import { ledgerGoalChanges } from './ledgerGoals'

const SHOWN = 20
type Existing = { id: string; value: number; date: string; metric: string; content_id: string | null; channel_id: string | null; campaign_id: string | null; match_rule: string; currency: string }

export type PreparedResults = { report: ResultsReport; changes: Change[]; all: { unmatched: ResultsReport['unmatched']; errors: ResultsReport['errors']; skipped: ResultsReport['skipped'] } }

function refuse(message: string): ApiError {
  return new ApiError('invalid_input', message, [{ path: ['file'], message }])
}

/** GA4 puts "# …" lines (property, dates) above the header; they are kept for the period and counted for row numbers. */
function splitComments(text: string): { comments: string[]; body: string; skipped: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  let i = 0
  while (i < lines.length && (lines[i]!.trim().startsWith('#') || lines[i]!.trim() === '')) i++
  return { comments: lines.slice(0, i), body: lines.slice(i).join('\n'), skipped: i }
}

/**
 * A results export → the outcome ledger changes and a report, without writing (issue #15 item 4).
 * Matching: core/links/matchResults. Re-importing: a GA4 row is keyed by the file's hash and row, a
 * CRM row by its record id, so the same file (or a newer export of the same deals) updates the ledger
 * instead of counting twice.
 */
export function prepareResults(b: Backend, input: ResultsInput): PreparedResults {
  const bytes = input.data !== undefined ? Buffer.from(input.data, 'base64') : Buffer.from(input.text ?? '', 'utf8')
  const text = input.data !== undefined ? decodeText(bytes, input.fileName).text : (input.text ?? '')
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  const { comments, body, skipped: above } = splitComments(text)
  if (body.trim() === '') throw refuse(`${input.fileName} has no table: the first line that is not a "#" comment should name the columns; nothing was imported`)
  const table = parseCsvText(body, 'UTF-8')
  const format: ResultsFormat | null = input.format ?? detectResultsFormat(table.headers, comments.length > 0)
  if (format === null)
    throw refuse(`${input.fileName} does not look like a GA4, HubSpot or Salesforce export (no Sessions, Record ID, Lead ID or Opportunity ID column); name the format with --format ga4|hubspot|salesforce; nothing was imported`)
  const profile = workspaceProfileOf(b)
  const team = profile.currency
  const rates: Record<string, number> = { ...profile.exchangeRates, ...input.rates }
  const read = readResults({ format, headers: table.headers, data: table.data, headerRow: above + 1, comments, currency: team, ...(input.dates ? { dateOrder: input.dates } : {}) })
  const errors = [...table.problems.map((p) => ({ row: p.row + above, column: p.column ?? '', message: p.message })), ...read.problems]

  const idx = workspaceMatchIndex(b)
  const existing = new Map(
    b.db.all<Existing & { import_key: string }>(sql`SELECT id, import_key, value, date, metric, content_id, channel_id, campaign_id, match_rule, currency FROM outcome WHERE deleted_at IS NULL AND format = ${format}`).map((r) => [r.import_key, r])
  )
  const changes: Change[] = []
  const deltas: { metric: string; date: string; value: number }[] = []
  const unmatched: ResultsReport['unmatched'] = []
  const byRule: Record<string, number> = {}
  const totals = new Map<OutcomeMetric, { value: number; matched: number }>()
  const seenKeys = new Map<string, number>()
  let create = 0
  let update = 0
  let unchanged = 0
  let matched = 0
  let outcomes = 0
  const converted = new Map<string, number>()
  const missing = new Set<string>()
  let assumed = 0
  let anyMoney = false
  for (const r of read.rows) {
    const m = matchRow(idx, r.utm, r.landing)
    if (m.ok) {
      matched++
      byRule[m.rule] = (byRule[m.rule] ?? 0) + 1
    } else unmatched.push({ row: r.row, reason: m.reason })
    const target = m.ok ? m.target : { contentId: null, channelId: null, campaignId: null }
    for (const x of r.metrics) {
      const key = format === 'ga4' ? `ga4:${hash}:${r.row}:${x.metric}` : `${format}:${r.externalId}:${x.metric}`
      const twice = seenKeys.get(key)
      if (twice !== undefined) {
        errors.push({ row: r.row, column: '', message: `Record ${r.externalId} is also on row ${twice}: one record, one row` })
        continue
      }
      seenKeys.set(key, r.row)
      // Money goes into the ledger in the team's currency: converted at the team's rate, or refused
      // when there is none (summing dollars with euros gives a figure nobody can use).
      let value = x.value
      let currency = ''
      let originalValue: number | null = null
      if (moneyMetrics.has(x.metric)) {
        anyMoney = true
        if (r.money === null) assumed++
        else if (r.money.code === team) currency = team
        else {
          const rate = rates[r.money.code]
          if (rate === undefined) {
            missing.add(r.money.code)
            if (errors[errors.length - 1]?.row !== r.row) errors.push({
              row: r.row,
              column: r.money.column,
              message: `The amount is in ${r.money.code} and the team counts in ${team}: give what 1 ${r.money.code} is worth in ${team} (Settings → Team → Exchange rates, or --rate ${r.money.code}=…), or export the report in ${team}`
            })
            continue
          }
          currency = r.money.code
          originalValue = x.value
          value = Math.round(x.value * rate * 100) / 100
          converted.set(currency, (converted.get(currency) ?? 0) + 1)
        }
      }
      outcomes++
      const t = totals.get(x.metric) ?? { value: 0, matched: 0 }
      t.value += value
      if (m.ok) t.matched += value
      totals.set(x.metric, t)
      const values = {
        date: x.date, metric: x.metric, value, currency, originalValue, format, sourceFile: input.fileName, sourceRow: r.row, externalId: r.externalId, importKey: key,
        utmSource: r.utm.source, utmMedium: r.utm.medium, utmCampaign: r.utm.campaign, landingUrl: r.landing.slice(0, 2000),
        contentId: target.contentId, channelId: target.channelId, campaignId: target.campaignId, matchRule: m.ok ? m.rule : `unmatched: ${m.reason}`
      }
      const parsed = outcome.fields.safeParse(values)
      if (!parsed.success) {
        errors.push({ row: r.row, column: String(parsed.error.issues[0]?.path[0] ?? ''), message: parsed.error.issues[0]?.message ?? 'Not a valid outcome' })
        continue
      }
      const old = existing.get(key)
      if (old === undefined) {
        create++
        changes.push({ op: 'create', kind: 'outcome', id: b.newId(), values: parsed.data })
        deltas.push({ metric: x.metric, date: x.date, value })
        continue
      }
      const same = old.value === value && old.currency === currency && old.date === x.date && old.content_id === target.contentId && old.channel_id === target.channelId && old.campaign_id === target.campaignId && old.match_rule === values.matchRule
      if (same) {
        unchanged++
        continue
      }
      update++
      changes.push({ op: 'update', kind: 'outcome', id: old.id, set: parsed.data })
      deltas.push({ metric: old.metric, date: old.date, value: -old.value }, { metric: x.metric, date: x.date, value })
    }
  }
  const period = format === 'ga4' ? resultsPeriod(comments, read.rows.flatMap((r) => r.metrics.map((x) => x.date))) : null
  const replaced = period === null ? [] : replaceOverlap(b, hash, period, changes, deltas)
  const ledger = ledgerGoalChanges(b, deltas, () => b.newId(), input.fileName)
  const report: ResultsReport = {
    fileName: input.fileName, format, entity: read.entity, rows: read.rows.length, outcomes, create, update, unchanged, matched, byRule,
    unmatched: unmatched.slice(0, SHOWN), skipped: read.skipped.slice(0, SHOWN), errors: errors.slice(0, SHOWN),
    totals: [...totals].map(([metric, t]) => ({ metric, value: t.value, matched: t.matched })),
    goals: ledger.goals, counts: { unmatched: unmatched.length, skipped: read.skipped.length, errors: errors.length }, written: false, period, replaced, problemsFile: null,
    money: anyMoney ? { team, converted: [...converted].map(([c, numbers]) => ({ currency: c, rate: rates[c] ?? 0, numbers })), assumed, missing: [...missing].sort() } : null
  }
  return { report, changes: errors.length > 0 ? [] : [...changes, ...ledger.changes], all: { unmatched, errors, skipped: read.skipped } }
}

/**
 * A GA4 export whose days were already imported from another file (a fresher export of the same
 * month, a quarter over a month): the earlier file's numbers for those days are taken out in the
 * same write, so the period counts once, with the newest numbers — re-exporting is how a marketer
 * corrects GA4's late-arriving data. Numbers of the earlier file outside the new period stay. The same
 * file again (same bytes) is not an overlap: its rows are found by their keys and left unchanged.
 */
function replaceOverlap(b: Backend, hash: string, period: Period, changes: Change[], deltas: { metric: string; date: string; value: number }[]): Replaced[] {
  type Old = { id: string; import_key: string; source_file: string; date: string; metric: string; value: number }
  const rows = b.db.all<Old>(
    sql`SELECT id, import_key, source_file, date, metric, value FROM outcome
        WHERE deleted_at IS NULL AND format = 'ga4' AND date >= ${period.from} AND date <= ${period.to} AND substr(import_key, 1, ${hash.length + 5}) <> ${`ga4:${hash}:`}
        ORDER BY date, id`
  )
  const byFile = new Map<string, Replaced>()
  for (const r of rows) {
    changes.push({ op: 'delete', kind: 'outcome', id: r.id })
    deltas.push({ metric: r.metric, date: r.date, value: -r.value })
    // One entry per earlier file (by its content hash: two exports may share a name).
    const key = r.import_key.split(':')[1] ?? r.source_file
    const f = byFile.get(key)
    if (f === undefined) byFile.set(key, { fileName: r.source_file, from: r.date, to: r.date, numbers: 1 })
    else {
      f.numbers++
      if (r.date > f.to) f.to = r.date
    }
  }
  return [...byFile.values()]
}

/** Preview, or write all of it as one step (one undo), or nothing when any row has a problem. */
export function importResults(b: Backend, input: ResultsInput): { prepared: PreparedResults; report: ResultsReport } {
  const prepared = prepareResults(b, input)
  const { report } = prepared
  if (input.dryRun === true || report.errors.length > 0 || prepared.changes.length === 0) return { prepared, report }
  checkRecordWrite(b, 'outcome', null, {})
  const r = b.mutate('results-import', prepared.changes)
  historyService.record(b, r.tx, `results ${input.fileName} (${report.create + report.update} ${report.create + report.update === 1 ? 'number' : 'numbers'})`)
  return { prepared, report: { ...report, written: true } }
}
