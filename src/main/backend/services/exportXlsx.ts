import { wallClock, type ExportTable, type ExportType, type ExportValue } from '../../../core/transfer/exportTable'
import { zipParts } from './zipParts'

/**
 * The XLSX writer. The sheet's XML is written here as text, not through exceljs: its streaming writer
 * builds a cell object, a style lookup and an XML-node render for each of a 100k-row export's 2.8
 * million cells, which was most of the export's 6 s. What it wrote is kept: typed cells, a bold frozen
 * header row, a filter on every column, inline strings (no shared-string table, which slows to a crawl
 * on 100k distinct titles), never a formula. exceljs still reads these files back (the importer).
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** Style indexes in styles.xml's cellXfs below. */
const STYLE = { header: 1, date: 2, datetime: 3 } as const

const STYLES = `${HEAD}<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

const CONTENT_TYPES = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`

const ROOT_RELS = `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`

const WORKBOOK_RELS = `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`

const workbook = (sheet: string) =>
  `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlText(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let s = ''
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

// Control characters are matched on purpose: XML 1.0 cannot hold them, so they are escaped.
// oxlint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F]|_x[0-9A-Fa-f]{4}_/
// oxlint-disable-next-line no-control-regex
const ESCAPED = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Text for XML. Control characters XML cannot hold are written as Excel's `_xHHHH_` escapes (Excel and
 * exceljs turn them back), and a literal `_x0041_` has its underscore escaped so it stays as typed:
 * nothing is dropped on the way out.
 */
function xmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(ESCAPED, (c) => ESCAPES[c] ?? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
}

const UNDERSCORE_ESCAPE = /_x[0-9A-Fa-f]{4}_/

/**
 * An inline string cell (`t="inlineStr"`): never a formula, and the type Excel keeps for typed text.
 * Text with `_xHHHH_` escapes goes in a rich-text run (`<r><t>`), the form whose escapes exceljs (our
 * importer) turns back, as Excel does in both forms.
 */
function textCell(ref: string, s: string, style: string): string {
  const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''
  const text = xmlText(s)
  return UNDERSCORE_ESCAPE.test(text)
    ? `<c r="${ref}"${style} t="inlineStr"><is><r><t${space}>${text}</t></r></is></c>`
    : `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${text}</t></is></c>`
}

const DAY = 86_400_000
/** Excel's serial day of a wall-clock moment (1900 date system; 25569 is 1970-01-01). */
const serial = (utcMs: number) => utcMs / DAY + 25569

/**
 * A cell as Excel should hold it: numbers as numbers, dates as date cells (Excel's serial days carry
 * no zone, so an instant is written as the workspace's wall clock — what the importer reads back),
 * booleans as booleans, and all text as a string cell. Text is never a formula: a cell starting with
 * `=` is stored as the text `=…`, which Excel shows and never runs. Empty cells are left out.
 */
function cellXml(ref: string, v: ExportValue, type: ExportType, zone: string): string {
  if (v === null || v === '') return ''
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : textCell(ref, String(v), '')
  if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const ms = Date.parse(`${v}T00:00:00Z`)
    if (!Number.isNaN(ms)) return `<c r="${ref}" s="${STYLE.date}"><v>${serial(ms)}</v></c>`
  }
  if (type === 'datetime') {
    const w = wallClock(v, zone)
    if (w) return `<c r="${ref}" s="${STYLE.datetime}"><v>${serial(Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s))}</v></c>`
  }
  return textCell(ref, v, '')
}

const CHUNK = 1 << 18

/** The worksheet's XML, a quarter-megabyte at a time, so the whole 100 MB text never sits in memory. */
function* sheetXml(table: ExportTable, zone: string): Generator<Buffer> {
  const cols = table.headers.map((_, i) => columnName(i))
  const last = `${cols[cols.length - 1] ?? 'A'}${table.rows.length + 1}`
  const widths = table.headers
    .map((h, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(10, h.length + 2, table.types[i] === 'datetime' ? 17 : 0))}" customWidth="1"/>`)
    .join('')
  let s =
    `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${widths ? `<cols>${widths}</cols>` : ''}<sheetData>` +
    `<row r="1">${table.headers.map((h, i) => textCell(`${cols[i]}1`, h, ` s="${STYLE.header}"`)).join('')}</row>`
  const types = table.types
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r] ?? []
    const n = r + 2
    s += `<row r="${n}">`
    for (let i = 0; i < row.length; i++) s += cellXml(`${cols[i] ?? columnName(i)}${n}`, row[i] ?? null, types[i] ?? 'text', zone)
    s += '</row>'
    if (s.length >= CHUNK) {
      yield Buffer.from(s, 'utf8')
      s = ''
    }
  }
  s += `</sheetData><autoFilter ref="A1:${last}"/></worksheet>`
  yield Buffer.from(s, 'utf8')
}

const part = (name: string, text: string) => ({ name, chunks: [Buffer.from(text, 'utf8')] })

/** The table as an XLSX workbook: one sheet, typed cells, the header row frozen and bold, a filter on every column. */
export async function writeXlsx(table: ExportTable, zone: string): Promise<Buffer> {
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const sheet = table.sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1'
  return zipParts(
    [
      part('[Content_Types].xml', CONTENT_TYPES),
      part('_rels/.rels', ROOT_RELS),
      part('xl/workbook.xml', workbook(sheet)),
      part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
      part('xl/styles.xml', STYLES),
      { name: 'xl/worksheets/sheet1.xml', chunks: sheetXml(table, zone) }
    ],
    // Level 1: the sheet's XML is repetitive markup that compresses well even at the fastest level.
    { level: 1, now: new Date() }
  )
}
