import { recordKinds, type KindName } from '../../../../core/domain/recordKinds'
import type { ExportTable, ExportType, ExportValue } from '../../../../core/transfer/exportTable'
import type { DataColumn } from '../../components/dataColumns'
import { refFieldOf } from './tableCsv'

/**
 * What the table shows as a typed table for a spreadsheet: the rows in their current order and filter,
 * the visible columns, the record id first and each reference's id beside it (as tableCsv). Numbers,
 * dates, times and yes/no columns keep their values, so Excel can sum, sort and filter them; other
 * columns hold the text as shown.
 */
export function viewTable<Row extends { id: string }>(kind: KindName, rows: readonly Row[], columns: readonly DataColumn<Row>[]): ExportTable {
  const headers: string[] = ['Id']
  const types: ExportType[] = ['text']
  const cells: ((r: Row) => ExportValue)[] = [(r) => r.id]
  for (const c of columns) {
    headers.push(c.header)
    if (c.kind === 'number') {
      types.push('number')
      cells.push((r) => {
        const v = c.value(r)
        return typeof v === 'number' && Number.isFinite(v) ? v : null
      })
    } else if (c.kind === 'date') {
      // A date column holds days ("2026-12-01") or instants ("2026-12-01T09:00:00Z").
      const timed = rows.some((r) => String(c.value(r) ?? '').length > 10)
      types.push(timed ? 'datetime' : 'date')
      cells.push((r) => {
        const v = c.value(r)
        return typeof v === 'string' && v !== '' ? v : null
      })
    } else if (c.kind === 'bool') {
      types.push('bool')
      cells.push((r) => {
        const v = c.value(r)
        return typeof v === 'boolean' ? v : null
      })
    } else {
      types.push('text')
      cells.push((r) => c.text(r))
    }
    const ref = refFieldOf(kind, c.id)
    if (ref !== undefined) {
      headers.push(`${c.header} id`)
      types.push('text')
      cells.push((r) => String((r as Record<string, unknown>)[ref] ?? ''))
    }
  }
  return { sheet: recordKinds[kind].plural, headers, types, rows: rows.map((r) => cells.map((f) => f(r))) }
}
