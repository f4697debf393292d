import Papa from 'papaparse'
import type { RowProblem } from '../../../core/transfer/readImportRows'

export type ParsedCsv = { headers: string[]; data: string[][]; problems: RowProblem[] }

/**
 * CSV text → header and data rows, with papaparse guessing the delimiter (a German Excel writes
 * semicolons). Empty lines are kept so row numbers stay the spreadsheet's; the reader skips them.
 */
export function parseCsv(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/, '')
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] })
  const [head = [], ...data] = parsed.data
  const problems: RowProblem[] = parsed.errors
    // A one-column file has nothing to guess a delimiter from; that is not a problem.
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: (e.row ?? 0) + 1, field: null, label: 'File', column: null, message: e.message }))
  const headers = head.map((h) => h.trim())
  if (headers.every((h) => h === '')) problems.push({ row: 1, field: null, label: 'File', column: null, message: 'The file is empty: the first row should name the columns' })
  return { headers, data, problems }
}

/** Rows → CSV text. Cells a spreadsheet would run as a formula are escaped ('=…); `smo import` reads them back. */
export function toCsv(fields: string[], data: (string | number | boolean)[][]): string {
  return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' })
}
