/**
 * A table on its way out to a spreadsheet: headers, one type per column and typed values, written as
 * XLSX (main/backend/services/exportXlsx.ts) or as CSV in the dialect the user's spreadsheet expects
 * (here). Pure: time zones come in as arguments.
 */
export type ExportType = 'text' | 'number' | 'date' | 'datetime' | 'bool'
export type ExportValue = string | number | boolean | null
export type ExportTable = { sheet: string; headers: string[]; types: ExportType[]; rows: ExportValue[][] }

/**
 * `utf-8`: `,`, UTF-8, decimal point, times as stored (ISO, UTC) — what Google Sheets, Numbers and an
 * English Excel read. `excel-eu`: what Excel in a European locale writes and reads as "CSV (Windows)":
 * `;`, Windows-1252, decimal comma, times as the workspace's wall clock ("2026-12-01 10:00").
 */
export const csvDialectNames = ['utf-8', 'excel-eu'] as const
export type CsvDialectName = (typeof csvDialectNames)[number]
export const isCsvDialect = (d: string): d is CsvDialectName => (csvDialectNames as readonly string[]).includes(d)

type Dialect = { delimiter: string; decimal: '.' | ','; wallTimes: boolean }
const dialects: Record<CsvDialectName, Dialect> = {
  'utf-8': { delimiter: ',', decimal: '.', wallTimes: false },
  'excel-eu': { delimiter: ';', decimal: ',', wallTimes: true }
}

/**
 * OWASP's CSV-injection rule: a cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is run as a formula by spreadsheets; a leading `'` makes it text. `smo import` takes the
 * guard off again (parseCell.ts, unescapeFormula).
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The wall clock of an instant in a zone ("2026-12-01T09:00:00Z" in Europe/Berlin → 2026-12-01 10:00:00). */
export function wallClock(instant: string, zone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } | null {
  const ms = Date.parse(instant)
  if (Number.isNaN(ms)) return null
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'
  }).formatToParts(new Date(ms))
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? 0)
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') }
}

/** "2026-12-01 10:00" (seconds only when there are some): how the importer reads a local time back. */
export function wallText(instant: string, zone: string): string {
  const w = wallClock(instant, zone)
  if (w === null) return instant
  return `${w.y}-${pad(w.mo)}-${pad(w.d)} ${pad(w.h)}:${pad(w.mi)}${w.s ? `:${pad(w.s)}` : ''}`
}

/** One cell's text in a dialect, guarded against formulas when it is text. */
export function csvCellText(value: ExportValue, type: ExportType, dialect: CsvDialectName, zone: string): string {
  const d = dialects[dialect]
  if (value === null) return ''
  if (typeof value === 'number') return d.decimal === ',' ? String(value).replace('.', ',') : String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (type === 'datetime' && d.wallTimes) return wallText(value, zone)
  return guardFormula(value)
}

/** The table as CSV text in a dialect (CRLF lines; quotes where a cell holds the delimiter, a quote or a line break). */
export function tableToCsv(table: ExportTable, dialect: CsvDialectName, zone: string): string {
  const { delimiter } = dialects[dialect]
  const quote = (s: string) => (s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  const lines = [table.headers.map((h) => quote(guardFormula(h))).join(delimiter)]
  for (const row of table.rows) lines.push(row.map((v, i) => quote(csvCellText(v, table.types[i] ?? 'text', dialect, zone))).join(delimiter))
  return lines.join('\r\n') + '\r\n'
}
