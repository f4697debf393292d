import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { describe1252, encodeWindows1252, unencodable1252 } from '../../../core/transfer/windows1252'
import { tableToCsv, type CsvDialectName, type ExportTable, type ExportType, type ExportValue } from '../../../core/transfer/exportTable'
import { formatCell } from '../../../core/transfer/formatCell'
import { transferFields } from '../../../core/transfer/transferFields'
import { ApiError } from '../../../core/api/apiError'
import type { Backend } from '../backend'
import type { Row } from '../db/db'
import { sql } from '../db/sql'
import { recordCodec, type ColumnCodec } from '../repo/recordCodec'
import { writeXlsx } from './exportXlsx'
import { toCsv } from './transferCsv'
import { localDay } from '../localDay'

/** Every live record of a kind, oldest id first (list() pages at 1,000; exports want them all). */
export function liveRecords(b: Backend, kind: KindName): Record<string, unknown>[] {
  const codec = recordCodec(kind)
  return b.db.all<Row>(sql`SELECT * FROM ${sql.id(codec.table)} WHERE deleted_at IS NULL ORDER BY id`).map(codec.fromRow)
}

const today = (b: Backend): string => localDay(b.now())

/**
 * The full export of one kind: the id, every field under its own name (so `smo import` maps it back
 * without help), then the stamps; arrays and objects as JSON, dates and times in ISO form.
 */
export function exportCsv(b: Backend, kind: KindName): { fileName: string; csv: string; rows: number } {
  const fields = ['id', ...Object.keys(recordKinds[kind].fields.shape), 'createdAt', 'updatedAt']
  const records = liveRecords(b, kind)
  const csv = toCsv(fields, records.map((r) => fields.map((f) => formatCell(r[f]))))
  return { fileName: `${recordKinds[kind].plural.toLowerCase().replace(/\s+/g, '-')}-${today(b)}.csv`, csv, rows: records.length }
}

const TYPE_OF: Partial<Record<string, ExportType>> = { number: 'number', bool: 'bool', date: 'date', instant: 'datetime' }

type Cell = string | number | bigint | Buffer | null

/**
 * One column's cell as the export writes it, from the stored value: what the record mapper
 * (recordCodec) would decode, then numbers and booleans kept where the column is of that type,
 * everything else as text (arrays and objects as JSON).
 */
function cellOf(storage: ColumnCodec['type'], type: ExportType): (v: Cell | ExportValue) => ExportValue {
  const finish = (v: unknown): ExportValue => {
    if (v === null || v === undefined) return null
    if (type === 'number' && typeof v === 'number') return v
    if (type === 'bool' && typeof v === 'boolean') return v
    return typeof v === 'string' ? v : JSON.stringify(v)
  }
  switch (storage) {
    case 'json':
      return (v) => (v === null ? null : finish(JSON.parse(String(v)) as unknown))
    case 'bool':
      return (v) => (v === null ? null : finish(v === 1 || v === 1n))
    case 'number':
      return (v) => (v === null ? null : finish(Number(v)))
    default:
      return finish
  }
}

/**
 * The same full export as a typed table (numbers, dates and times, booleans kept as such; arrays and
 * objects as JSON text), for XLSX and the CSV dialects. Rows are read as arrays in the export's column
 * order and converted in place: at 100k rows, a record object per row and then an array per row were
 * most of the export's garbage.
 */
export function exportTable(b: Backend, kind: KindName): ExportTable {
  const rk = recordKinds[kind]
  const codec = recordCodec(kind)
  const typeByField = new Map(transferFields(kind).map((f) => [f.name, TYPE_OF[f.type] ?? 'text']))
  const fields = ['id', ...codec.columns.map((c) => c.field), 'createdAt', 'updatedAt']
  const types = fields.map((f): ExportType => (f === 'createdAt' || f === 'updatedAt' ? 'datetime' : (typeByField.get(f) ?? 'text')))
  const storage = ['text', ...codec.columns.map((c) => c.type), 'text', 'text'] as const
  const convert = storage.map((s, i) => cellOf(s, types[i] ?? 'text'))
  const columns = sql.join(['id', ...codec.columns.map((c) => c.column), 'created_at', 'updated_at'].map((c) => sql.id(c)))
  const q = sql`SELECT ${columns} FROM ${sql.id(codec.table)} WHERE deleted_at IS NULL ORDER BY id`
  // Arrays in the export's column order (raw mode), each overwritten in place by its typed cells.
  const rows = b.db.raw.prepare(q.text).raw(true).all(...q.values) as (Cell | ExportValue)[][]
  for (const row of rows) for (let i = 0; i < row.length; i++) row[i] = (convert[i] ?? cellOf('text', 'text'))(row[i] ?? null)
  return { sheet: rk.plural, headers: fields, types, rows: rows as ExportValue[][] } // every cell converted above
}

/**
 * A table as file bytes: XLSX, or CSV in a dialect. `excel-eu` is Windows-1252, which holds Western
 * European letters, € and typographic quotes but not emoji, arrows or other scripts: such a table is
 * refused with the places named (use XLSX or the UTF-8 dialect), never written with "?" in their place.
 */
export async function tableFile(table: ExportTable, format: 'xlsx' | 'csv', dialect: CsvDialectName, zone: string): Promise<Buffer> {
  if (format === 'xlsx') return writeXlsx(table, zone)
  const text = tableToCsv(table, dialect, zone)
  if (dialect === 'utf-8') return Buffer.from(text, 'utf8')
  const bad = unencodable1252(table)
  if (bad.count > 0)
    throw new ApiError('invalid_input', `Windows-1252 (the excel-eu dialect) cannot hold ${bad.count === 1 ? 'a character' : `characters in ${bad.count} cells`} of this table: ${bad.places.slice(0, 5).map(describe1252).join('; ')}${bad.count > 5 ? ` and ${bad.count - 5} more` : ''}. Export as XLSX or as UTF-8 CSV instead; nothing was written.`, [{ path: ['dialect'], message: 'Characters outside Windows-1252' }])
  const enc = encodeWindows1252(text)
  if ('error' in enc) throw new ApiError('invalid_input', `Windows-1252 cannot hold ${enc.error}; nothing was written`)
  return Buffer.from(enc.bytes)
}
