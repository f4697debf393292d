import type { ImportInput, ImportPreview } from '../../../core/api/methods/transferMethods'
import type { KindName } from '../../../core/domain/recordKinds'
import { delimiterName, detectDateOrder, detectDecimal, type CellDialect } from '../../../core/transfer/csvDialect'
import { guessPreset, presetMapping, presetNamesOf } from '../../../core/transfer/headerAliases'
import { SUMMARY_MAX } from '../../../core/transfer/finishImportRow'
import { aliasesOf } from '../../../core/transfer/importFields'
import { matchColumns } from '../../../core/transfer/matchColumns'
import type { RowProblem } from '../../../core/transfer/readImportRows'
import type { TransferField } from '../../../core/transfer/transferFields'
import { presetLabel } from '../../../core/transfer/presetLabel'
import type { ImportTable } from './importFile'

export type ImportPlan = { mapping: (string | null)[]; dialect: CellDialect; source: NonNullable<ImportPreview['source']>; problems: RowProblem[] }

const SCAN_ROWS = 5000
const header = (message: string, field: string | null = null): RowProblem => ({ row: 1, field, label: 'File', column: null, message })

import { localZone } from '../localDay'

/**
 * Everything decided once per file before any row is read: which column fills which field

 * (the person's choices, then those saved for the preset's source, then a preset — named, or recognised from a header row —
 * then the choices saved for a file with these columns, then the field names, labels and the aliases other tools write), the date order and decimal mark the
 * cells use, and the zone local times mean. Each decision is in `source.summary`, the preview's
 * "Read as …" line; a date order that cannot be told is a question, not a guess.
 */
export function planImport(
  kind: KindName, table: ImportTable, input: ImportInput, fields: readonly TransferField[], saved: Readonly<Record<string, string>> = {},
  /** The choices saved for this preset's files (a monitoring tool's export, a scheduler's sheet): they correct the preset. */
  savedForPreset: (preset: string) => Readonly<Record<string, string>> = () => ({})
): ImportPlan | { error: string } {
  const problems: RowProblem[] = []
  const preset = input.preset ?? guessPreset(table.headers, kind)
  const fromPreset = preset === null ? {} : presetMapping(preset, table.headers, kind)
  if (fromPreset === null) return { error: `Unknown preset "${preset ?? ''}" for ${kind}; use one of ${presetNamesOf(kind).join(', ')}` }
  const explicit = { ...saved, ...fromPreset, ...(preset === null ? {} : savedForPreset(preset)), ...(input.mapping ?? {}) }
  const mapping = matchColumns(table.headers, fields, explicit, { ...aliasesOf(kind), ...(input.aliases ?? {}) })
  const rows = table.data.slice(0, SCAN_ROWS)
  const column = (i: number) => rows.map((r) => r[i] ?? '').filter((c) => c.trim() !== '')
  // "Publish date" with times of day is the moment it goes out, not only the day it is planned.
  const dateCol = mapping.indexOf('plannedDate')
  if (dateCol >= 0 && !mapping.includes('publishAt') && explicit[table.headers[dateCol] ?? ''] === undefined && !mapping.includes('_time'))
    if (column(dateCol).some((v) => /\d{1,2}:\d{2}/.test(v) && !/ 00:00(:00)?$/.test(v))) mapping[dateCol] = 'publishAt'
  const byName = new Map(fields.map((f) => [f.name, f]))
  const of = (types: string[]) => mapping.flatMap((m, i) => (m !== null && types.includes(byName.get(m)?.type ?? '') ? column(i) : []))
  const dates = detectDateOrder(of(['date', 'instant']))
  if (dates.conflict) problems.push(header('The date columns mix day-first (31/12/2026) and month-first (12/31/2026) dates; write them one way'))
  const dateQuestion = dates.ambiguous && input.dateOrder === undefined
  if (dateQuestion) problems.push(header('Dates like 03/04/2026 read both ways: say whether the day or the month comes first (smo import --dates dmy or --dates mdy)'))
  const dateOrder = input.dateOrder ?? dates.order ?? 'ymd'
  const decimal = detectDecimal(of(['number']), table.source.format === 'csv' ? table.source.delimiter : ',')
  const zone = input.zone ?? localZone()
  const s = table.source
  const parts = s.format === 'xlsx'
    ? [`Excel workbook, sheet "${s.sheet}"${s.sheets.length > 1 ? ` of ${s.sheets.length}` : ''}`]
    : [`CSV, ${delimiterName(s.delimiter)}-separated, ${s.encoding}`, ...(s.quotedNewlines ? ['line breaks inside quoted cells'] : [])]
  if (preset !== null && preset !== 'generic') parts.push(`${presetLabel(preset)} columns`)
  // A mention's text longer than the summary holds is cut with an ellipsis: said here, never silently.
  const textCol = mapping.indexOf('_summary')
  if (textCol >= 0) {
    const cut = table.data.flatMap((r, i) => ((r[textCol] ?? '').trim().length > SUMMARY_MAX ? [i + 2] : []))
    if (cut.length > 0) parts.push(`${cut.length} text${cut.length === 1 ? '' : 's'} longer than ${SUMMARY_MAX.toLocaleString('en')} characters cut with … (row${cut.length === 1 ? '' : 's'} ${cut.slice(0, 20).join(', ')}${cut.length > 20 ? ', …' : ''})`)
  }
  if (decimal === ',') parts.push('decimal commas (1.234,5)')
  if (dates.order !== null || input.dateOrder !== undefined) parts.push(dateOrder === 'dmy' ? 'dates day first (31.12.2026)' : dateOrder === 'mdy' ? 'dates month first (12/31/2026)' : 'ISO dates')
  else if (dateQuestion) parts.push('dates read both ways: day or month first?')
  parts.push(`times without a zone are ${zone} time`)
  const source = {
    ...(s.format === 'csv' ? { format: 'csv' as const, encoding: s.encoding, delimiter: s.delimiter, quotedNewlines: s.quotedNewlines } : { format: 'xlsx' as const, sheet: s.sheet, sheets: s.sheets }),
    decimal, dateOrder, dateQuestion, zone, preset, summary: parts.join('; ')
  }
  return { mapping, dialect: { decimal, dateOrder, zone }, source, problems }
}
