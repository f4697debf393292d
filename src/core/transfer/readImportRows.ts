import type { KindName } from '../domain/recordKinds'
import type { CellDialect } from './csvDialect'
import { finishImportRow } from './finishImportRow'
import { parseCell, type RefResolver } from './parseCell'
import type { TransferField } from './transferFields'

/** A problem with one cell or row; `row` is the spreadsheet's row number (the header is row 1). */
export type RowProblem = { row: number; field: string | null; label: string; column: string | null; message: string }

export type ImportRow = { row: number; id: string | null; values: Record<string, unknown> }

/** Spreadsheets leave rows of empty cells at the end; they are not records (nor rows of a file's count). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '')
}

/** "row 12, Audience size: Must not be negative": how every host reports a problem. */
export function describeProblem(p: RowProblem): string {
  return `row ${p.row}, ${p.label}: ${p.message}`
}

/**
 * Turn the data rows of a parsed CSV into field values through the mapping, collecting every cell's
 * problem instead of stopping at the first, so one pass over the file reports all of them.
 */
export function readImportRows(
  headers: readonly string[],
  data: readonly (readonly string[])[],
  mapping: readonly (string | null)[],
  fields: readonly TransferField[],
  resolve: RefResolver,
  dialect?: CellDialect,
  kind?: KindName,
  /** `--set field=value`: values every row gets (over the file's), already parsed. */
  fixed: Readonly<Record<string, unknown>> = {},
  /** Index in the whole file of `data[0]`: a large file is read a slice at a time, its rows numbered as in the file. */
  offset = 0
): { rows: ImportRow[]; problems: RowProblem[] } {
  const byName = new Map(fields.map((f) => [f.name, f]))
  // The mapped columns and their fields, found once rather than per cell of every row.
  const mapped: { col: number; field: TransferField }[] = []
  mapping.forEach((name, col) => {
    const field = name === null ? undefined : byName.get(name)
    if (field) mapped.push({ col, field })
  })
  const rows: ImportRow[] = []
  const problems: RowProblem[] = []
  for (let i = 0; i < data.length; i++) {
    const cells = data[i] ?? []
    const row = offset + i + 2
    if (isBlankRow(cells)) continue
    const values: Record<string, unknown> = {}
    let id: string | null = null
    for (const { col, field } of mapped) {
      // A monitoring tool's network or site: our channel when one matches (or --create-missing adds
      // it), else kept as the conversation's network.
      if (field.name === '_channel') {
        const text = (cells[col] ?? '').trim()
        if (text === '') continue
        const hit = resolve('channel', text)
        if ('id' in hit) values.channelId = hit.id
        else values.network = text.slice(0, 60)
        continue
      }
      const r = parseCell(field, cells[col] ?? '', resolve, dialect)
      if ('error' in r) {
        problems.push({ row, field: field.name, label: field.label, column: headers[col] ?? null, message: r.error })
        continue
      }
      if (field.type === 'id') id = typeof r.value === 'string' ? r.value : null
      else if (r.value !== undefined) values[field.name] = r.value
    }
    Object.assign(values, fixed)
    if (dialect && kind)
      for (const p of finishImportRow(kind, values, dialect)) {
        const col = mapping.indexOf(p.field)
        problems.push({ row, field: p.field, label: byName.get(p.field)?.label ?? p.field, column: headers[col] ?? null, message: p.message })
      }
    // More cells than headers would drop data silently; fewer is a row whose last cells are blank.
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== ''))
      problems.push({ row, field: null, label: 'Row', column: null, message: `Has ${cells.length} cells but the header has ${headers.length}` })
    rows.push({ row, id, values })
  }
  return { rows, problems }
}
