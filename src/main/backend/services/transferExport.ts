import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { formatCell } from '../../../core/transfer/formatCell'
import type { Backend } from '../backend'
import type { Row } from '../db/db'
import { sql } from '../db/sql'
import { recordCodec } from '../repo/recordCodec'
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
