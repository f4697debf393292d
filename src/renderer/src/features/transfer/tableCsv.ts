import Papa from 'papaparse'
import { recordKinds, type KindName } from '../../../../core/domain/recordKinds'
import type { DataColumn } from '../../components/dataColumns'

/** The reference field a table column shows by name (`owner` → `ownerId`), if any. */
export function refFieldOf(kind: KindName, columnId: string): string | undefined {
  const refs = recordKinds[kind].refs as Partial<Record<string, string>>
  return [columnId, `${columnId}Id`].find((f) => refs[f] !== undefined)
}

/**
 * What the table shows, as CSV: the rows in their current order and filter, the visible columns with
 * the text as shown, the record id first, and beside each reference column the referenced id, so the
 * file can be imported back (by id) even if two records share a name.
 */
export function tableCsv<Row extends { id: string }>(kind: KindName, rows: readonly Row[], columns: readonly DataColumn<Row>[]): string {
  const header: string[] = ['Id']
  const cells: ((r: Row) => string)[] = [(r) => r.id]
  for (const c of columns) {
    header.push(c.header)
    cells.push((r) => c.text(r))
    const ref = refFieldOf(kind, c.id)
    if (ref !== undefined) {
      header.push(`${c.header} id`)
      cells.push((r) => String((r as Record<string, unknown>)[ref] ?? ''))
    }
  }
  return Papa.unparse({ fields: header, data: rows.map((r) => cells.map((f) => f(r))) }, { escapeFormulae: true, newline: '\r\n' })
}
