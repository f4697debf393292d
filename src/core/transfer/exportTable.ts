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

/** Building a formatter costs far more than using one: an export of 100k rows converts 200k times. */
const formatters = new Map<string, Intl.DateTimeFormat>()
/** Zone offsets by quarter hour (every zone's changes fall on one): a bulk export asks the same few. */
const offsets = new Map<string, number>()
const QUARTER = 15 * 60 * 1000

function offsetAt(ms: number, zone: string): number {
  const bucket = Math.floor(ms / QUARTER) * QUARTER
  const key = `${zone}\u0000${bucket}`
  let off = offsets.get(key)
  if (off === undefined) {
    let f = formatters.get(zone)
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      formatters.set(zone, f)
    }
    const parts = f.formatToParts(new Date(bucket))
    const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? 0)
    off = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - bucket
    if (offsets.size > 10_000) offsets.clear()
    offsets.set(key, off)
  }
  return off
}

/** The wall clock of an instant in a zone ("2026-12-01T09:00:00Z" in Europe/Berlin → 2026-12-01 10:00:00). */
export function wallClock(instant: string, zone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } | null {
  const ms = Date.parse(instant)
  if (Number.isNaN(ms)) return null
  const w = new Date(ms + offsetAt(ms, zone))
  return { y: w.getUTCFullYear(), mo: w.getUTCMonth() + 1, d: w.getUTCDate(), h: w.getUTCHours(), mi: w.getUTCMinutes(), s: w.getUTCSeconds() }
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
