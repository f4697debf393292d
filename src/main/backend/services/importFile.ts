import Papa from 'papaparse'
import { ApiError } from '../../../core/api/apiError'
import { detectDelimiter, type Delimiter } from '../../../core/transfer/csvDialect'
import type { RowProblem } from '../../../core/transfer/readImportRows'
import { readXlsx } from './importXlsx'

export type Encoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252'
/** What the file turned out to be, for the preview's "Read as …" line. */
export type FileSource =
  | { format: 'csv'; encoding: Encoding; delimiter: Delimiter; quotedNewlines: boolean }
  | { format: 'xlsx'; sheet: string; sheets: string[] }
export type ImportTable = { headers: string[]; data: string[][]; problems: RowProblem[]; source: FileSource }

const refuse = (message: string) => new ApiError('invalid_input', message, [{ path: ['file'], message }])

/**
 * Bytes → text with the file's own encoding: a BOM names UTF-8 or UTF-16; otherwise UTF-8 if every
 * byte sequence is valid UTF-8, else Windows-1252 (what Excel's "CSV" writes on Windows in Western
 * Europe and America), so "Café" never turns into mojibake. NUL bytes without a UTF-16 BOM mean a
 * binary file, refused rather than read as garbage.
 */
export function decodeText(bytes: Uint8Array, fileName: string): { text: string; encoding: Encoding } {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' }
  if (a === 0xff && b === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16 LE' }
  if (a === 0xfe && b === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16 BE' }
  if (bytes.subarray(0, 65_536).includes(0))
    throw refuse(`${fileName} is not a text file (it holds binary data); choose a CSV file or an Excel workbook (.xlsx); nothing was imported`)
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' }
  }
}

/** CSV text → header and data rows in the detected dialect; empty lines are kept so row numbers stay the spreadsheet's. */
export function parseCsvText(text: string, encoding: Encoding): ImportTable {
  const body = text.replace(/^\uFEFF/, '')
  const delimiter = detectDelimiter(body.slice(0, 65_536))
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimiter })
  const [head = [], ...data] = parsed.data
  const problems: RowProblem[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, field: null, label: 'File', column: null, message: e.message }))
  const headers = head.map((h) => h.trim())
  if (headers.every((h) => h === '')) problems.push({ row: 1, field: null, label: 'File', column: null, message: 'The file is empty: the first row should name the columns' })
  const quotedNewlines = data.length > 0 && data.some((r) => r.some((c) => c.includes('\n')))
  return { headers, data, problems, source: { format: 'csv', encoding, delimiter, quotedNewlines } }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0]
const starts = (bytes: Uint8Array, sig: number[]) => sig.every((x, i) => bytes[i] === x)

/**
 * Any file a person picks → a table, by what its bytes are rather than its name: a zip is read as an
 * XLSX workbook (one sheet: the named one, else the first), text as CSV. A file that is not what its
 * name says (an .xlsx that is really a CSV, an old .xls, binary junk) is refused with a sentence.
 */
export async function readImportFile(bytes: Uint8Array, fileName: string, sheet?: string): Promise<ImportTable> {
  const lower = fileName.toLowerCase()
  if (starts(bytes, OLE)) throw refuse(`${fileName} is an Excel 97–2003 workbook (.xls), which SMO Desk does not read; save it as .xlsx or CSV; nothing was imported`)
  if (starts(bytes, ZIP)) {
    const t = await readXlsx(bytes, fileName, sheet)
    const [head = [], ...data] = t.rows
    const headers = head.map((h) => h.trim())
    const problems: RowProblem[] = headers.every((h) => h === '') ? [{ row: 1, field: null, label: 'File', column: null, message: `Sheet "${t.sheet}" is empty: its first row should name the columns` }] : []
    return { headers, data, problems, source: { format: 'xlsx', sheet: t.sheet, sheets: t.sheets } }
  }
  if (/\.(xlsx|xlsm|ods)$/.test(lower))
    throw refuse(`${fileName} is named like a spreadsheet workbook but is not one${bytes.length > 0 && !bytes.subarray(0, 4096).includes(0) ? ' (it is text: a CSV file renamed?)' : ''}; rename it to .csv or save it from your spreadsheet again; nothing was imported`)
  if (sheet !== undefined) throw refuse(`${fileName} is a CSV file, which has no sheets; leave out --sheet`)
  const { text, encoding } = decodeText(bytes, fileName)
  return parseCsvText(text, encoding)
}
