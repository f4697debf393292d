import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { describe1252, encodeWindows1252, unencodable1252 } from '../../../core/transfer/windows1252'
import { tableToCsv, type CsvDialectName, type ExportTable, type ExportType, type ExportValue } from '../../../core/transfer/exportTable'
import { formatCell } from '../../../core/transfer/formatCell'
import { transferFields } from '../../../core/transfer/transferFields'
import { ApiError } from '../../../core/api/apiError'
import type { Backend } from '../backend'
import type { Row } from '../db/db'
import { sql } from '../db/sql'
import { recordCodec } from '../repo/recordCodec'
import { writeXlsx } from './exportXlsx'
import { toCsv } from './transferCsv'

/** Every live record of a kind, oldest id first (list() pages at 1,000; exports want them all). */
export function liveRecords(b: Backend, kind: KindName): Record<string, unknown>[] {
  const codec = recordCodec(kind)
  return b.db.all<Row>(sql`SELECT * FROM ${sql.id(codec.table)} WHERE deleted_at IS NULL ORDER BY id`).map(codec.fromRow)
}

const today = (b: Backend): string => new Date(b.now()).toISOString().slice(0, 10)

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

/**
 * The same full export as a typed table (numbers, dates and times, booleans kept as such; arrays and
 * objects as JSON text), for XLSX and the CSV dialects.
 */
export function exportTable(b: Backend, kind: KindName): ExportTable {
  const rk = recordKinds[kind]
  const typeByField = new Map(transferFields(kind).map((f) => [f.name, TYPE_OF[f.type] ?? 'text']))
  const fields = ['id', ...Object.keys(rk.fields.shape), 'createdAt', 'updatedAt']
  const types = fields.map((f): ExportType => (f === 'createdAt' || f === 'updatedAt' ? 'datetime' : (typeByField.get(f) ?? 'text')))
  const rows = liveRecords(b, kind).map((r) => fields.map((f, i): ExportValue => {
    const v = r[f]
    if (v === null || v === undefined) return null
    if (types[i] === 'number' && typeof v === 'number') return v
    if (types[i] === 'bool' && typeof v === 'boolean') return v
    return typeof v === 'string' ? v : JSON.stringify(v)
  }))
  return { sheet: rk.plural, headers: fields, types, rows }
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
