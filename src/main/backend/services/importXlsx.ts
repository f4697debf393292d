import { Readable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { ApiError } from '../../../core/api/apiError'

/** More than this unpacked (a 100k-row sheet is ~40 MB) is a zip bomb or not a team's spreadsheet. */
const MAX_UNPACKED = 1024 * 1024 * 1024
/** Real sheets compress 5–20×; hundreds of times is a file built to blow up when unpacked. */
const MAX_RATIO = 200

/**
 * Check a zip's table of contents before unpacking anything: the sizes it declares must add up to
 * less than 1 GB and none may unpack more than 200× its packed size (a zip bomb). Returns the entry
 * names, so a workbook without `xl/workbook.xml` is known not to be one.
 */
export function zipEntries(bytes: Uint8Array, fileName: string): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const bad = (why: string) => new ApiError('invalid_input', `${fileName} is not a usable Excel workbook: ${why}; nothing was imported`)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) throw bad('its zip directory is missing (the file is cut short or damaged)')
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  const names: string[] = []
  let total = 0
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw bad('its zip directory is damaged')
    const packed = view.getUint32(at + 20, true)
    const unpacked = view.getUint32(at + 24, true)
    const nameLen = view.getUint16(at + 28, true)
    if (packed === 0xffffffff || unpacked === 0xffffffff) throw bad('it holds a part over 4 GB')
    total += unpacked
    if (total > MAX_UNPACKED) throw bad('it would unpack to more than 1 GB')
    if (unpacked > 1_000_000 && unpacked > packed * MAX_RATIO) throw bad(`a part would unpack ${Math.round(unpacked / Math.max(packed, 1))} times its size (a zip bomb)`)
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen)))
    at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return names
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A cell as the text a CSV would hold. Formulas give the value Excel saved with them (never
 * evaluated here); dates are Excel's wall-clock values, written ISO (with the time when it has one,
 * which the import reads in the workspace's zone); rich text and links give their text.
 */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) {
    const d = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`
    const t = `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}${v.getUTCSeconds() ? `:${pad(v.getUTCSeconds())}` : ''}`
    return t === '00:00' ? d : `${d} ${t}`
  }
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null)
    if ('richText' in v) return v.richText.map((r) => r.text).join('')
    if ('text' in v) return String(v.text)
    if ('error' in v) return String(v.error)
    return ''
  }
  return String(v)
}

export type SheetTable = { sheet: string; sheets: string[]; rows: string[][] }

/**
 * The rows of one sheet of an XLSX workbook (the named one, else the first), read as a stream so a
 * 100,000-row sheet does not build Excel's whole object model; the names of all sheets come along
 * for the picker.
 */
export async function readXlsx(bytes: Uint8Array, fileName: string, sheet: string | undefined): Promise<SheetTable> {
  const names = zipEntries(bytes, fileName)
  if (!names.includes('xl/workbook.xml')) {
    const ods = names.includes('content.xml') && names.includes('mimetype')
    throw new ApiError('invalid_input', ods
      ? `${fileName} is an OpenDocument spreadsheet (.ods), which SMO Desk does not read; save it as .xlsx or CSV; nothing was imported`
      : `${fileName} is a zip file but not an Excel workbook; nothing was imported`)
  }
  // Loaded on first use: exceljs takes a third of a second to load, which every CSV import and every
  // other `smo` command would otherwise pay.
  const { default: Excel } = await import('exceljs')
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit'
  })
  const sheets: string[] = []
  let picked: SheetTable | null = null
  try {
    for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name
      sheets.push(name)
      const take = picked === null && (sheet === undefined || sheet === name)
      const rows: string[][] = []
      for await (const row of ws) {
        if (!take) continue
        const r = row as ExcelJS.Row
        const values = Array.isArray(r.values) ? r.values.slice(1) : []
        // Rows missing from the sheet are blank rows: keep row numbers the spreadsheet's.
        while (rows.length < r.number - 1) rows.push([])
        rows.push(Array.from(values, (v) => cellText(v ?? null)))
      }
      if (take) picked = { sheet: name, sheets, rows }
    }
  } catch (e) {
    throw new ApiError('invalid_input', `${fileName} could not be read as an Excel workbook (${e instanceof Error ? e.message : String(e)}); nothing was imported`)
  }
  if (picked === null) {
    if (sheet !== undefined) throw new ApiError('invalid_input', `${fileName} has no sheet named "${sheet}"; its sheets are ${sheets.map((s) => `"${s}"`).join(', ')}`, [{ path: ['sheet'], message: 'No such sheet' }])
    throw new ApiError('invalid_input', `${fileName} has no sheets; nothing was imported`)
  }
  return { ...picked, sheets }
}
