import ExcelJS from 'exceljs'
import { inflateRawSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KindName } from '../../../src/core/domain/recordKinds'
import type { Backend } from '../../../src/main/backend/backend'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { dispatch } from '../../../src/main/backend/dispatch'
import { registerCalendarRules } from '../../../src/main/backend/services/calendarRules'
import { fieldsOf } from '../../../src/main/backend/services/recordService'
import { scoringRules } from '../../../src/main/backend/services/scoringRules'
import { exportTable, liveRecords, tableFile } from '../../../src/main/backend/services/transferExport'
import { actAsOwner, tempBackend } from '../helpers/tempWorkspace'

type Temp = Awaited<ReturnType<typeof tempBackend>>
let source: Temp
let target: Temp
beforeEach(async () => {
  registerCalendarRules()
  scoringRules()
  source = await tempBackend()
  target = await tempBackend()
})
afterEach(() => {
  source.cleanup()
  target.cleanup()
})

// Not UTC: local times written for Excel must come back as the same instants.
const ZONE = 'America/New_York'

async function call<T>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await dispatch(b, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.data as T
}

/** One part of a zip (an XLSX), unpacked: enough to look at the XML Excel reads. */
function zipPart(zip: Buffer, name: string): string {
  for (let at = 0; at + 30 < zip.length; ) {
    if (zip.readUInt32LE(at) !== 0x04034b50) break
    const method = zip.readUInt16LE(at + 8)
    const packed = zip.readUInt32LE(at + 18)
    const nameLen = zip.readUInt16LE(at + 26)
    const extra = zip.readUInt16LE(at + 28)
    const partName = zip.toString('utf8', at + 30, at + 30 + nameLen)
    const start = at + 30 + nameLen + extra
    // exceljs streams parts with a data descriptor (sizes 0 in the local header): find the next header instead.
    const end = packed > 0 ? start + packed : zip.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]), start)
    if (partName === name) return method === 8 ? inflateRawSync(zip.subarray(start, end)).toString('utf8') : zip.toString('utf8', start, end)
    at = packed > 0 ? end : end + 16
  }
  throw new Error(`no ${name} in the workbook`)
}

const kinds: KindName[] = ['member', 'goal', 'channel', 'campaign', 'measurement', 'influencer', 'expert', 'conversation', 'content']
const same = (kind: KindName, b: Backend) => liveRecords(b, kind).map((r) => ({ id: r.id, ...fieldsOf(kind, r) }))
const strip = (kind: KindName, x: Record<string, unknown>[]) =>
  kind === 'content' ? x.map((r) => ({ ...r, approvedAt: r.approvedAt === null ? null : 'set' })) : kind === 'channel' ? x.map((r) => ({ ...r, estimatesUpdatedAt: 'set' })) : x

describe('export to XLSX and CSV dialects', () => {
  it('round-trips every kind through XLSX: export → import into an empty workspace gives the same records', async () => {
    writeDemo(source.b)
    for (const kind of kinds) {
      const bytes = await tableFile(exportTable(source.b, kind), 'xlsx', 'utf-8', ZONE)
      const r = await call<{ created: number }>(target.b, 'import-apply', { kind, fileName: `${kind}.xlsx`, data: bytes.toString('base64'), zone: ZONE })
      expect(r.created, kind).toBe(liveRecords(source.b, kind).length)
      if (kind === 'member') actAsOwner(target.b)
    }
    for (const kind of kinds) expect(strip(kind, same(kind, target.b)), kind).toEqual(strip(kind, same(kind, source.b)))
  })

  it('round-trips through excel-eu CSV (; Windows-1252 decimal comma), and refuses a table with characters 1252 cannot hold, naming row and column', async () => {
    writeDemo(source.b)
    for (const kind of kinds.filter((k) => k !== 'content')) {
      const bytes = await tableFile(exportTable(source.b, kind), 'csv', 'excel-eu', ZONE)
      const r = await call<{ created: number }>(target.b, 'import-apply', { kind, fileName: `${kind}.csv`, data: bytes.toString('base64'), zone: ZONE })
      expect(r.created, kind).toBe(liveRecords(source.b, kind).length)
      if (kind === 'member') actAsOwner(target.b)
      expect(strip(kind, same(kind, target.b)), kind).toEqual(strip(kind, same(kind, source.b)))
    }
    // The demo's content has emoji titles: refused, with where, and nothing replaced by "?".
    await expect(tableFile(exportTable(source.b, 'content'), 'csv', 'excel-eu', ZONE)).rejects.toThrow(/Windows-1252 .* cannot hold characters in \d+ cells of this table: row \d+, title: "🧵" \(U\+1F9F5\)/)
  })

  it('writes typed cells, a frozen header row and a filter; the same data over the contract as base64', async () => {
    const table = {
      sheet: 'Content',
      headers: ['Title', 'Effort', 'Planned', 'Publish at', 'Done'],
      types: ['text', 'number', 'date', 'datetime', 'bool'] as const,
      rows: [['Launch post', 2.5, '2026-12-01', '2026-12-01T15:30:00.000Z', true], ['Follow-up', null, null, null, false]]
    }
    const r = await call<{ data: string }>(source.b, 'export-table', { table: { ...table, types: [...table.types] }, format: 'xlsx' })
    const bytes = Buffer.from(r.data, 'base64')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(ws?.name).toBe('Content')
    expect(ws?.getCell('A2').text).toBe('Launch post')
    expect(ws?.getCell('A1').text).toBe('Title')
    expect(ws?.getCell('B2').value).toBe(2.5)
    expect(ws?.getCell('C2').value).toEqual(new Date('2026-12-01T00:00:00Z'))
    expect(ws?.getCell('C2').numFmt).toBe('yyyy-mm-dd')
    // Excel's dates carry no zone: the wall clock of this computer's zone (the handler's), as the importer reads it.
    expect(ws?.getCell('D2').value).toBeInstanceOf(Date)
    expect(ws?.getCell('E2').value).toBe(true)
    expect(ws?.getCell('B3').value).toBeNull()
    const sheet = zipPart(bytes, 'xl/worksheets/sheet1.xml')
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/)
    expect(sheet).toContain('<autoFilter ref="A1:E3"')
  })

  it('keeps every character of text as typed: markup, spaces at the ends, line breaks, control characters and Excel\'s own _x0041_ escapes', async () => {
    const texts = ['a < b & c > "d" \'e\'', '  padded  ', 'two\nlines', 'bell\u0007 and nul\u0000', 'literal _x0041_ stays', '🧵 thread', 'ä€ß']
    const table = { sheet: 'Notes: [draft]/?', headers: ['text', 'n', 'ok', 'day'], types: ['text', 'number', 'bool', 'date'] as ('text' | 'number' | 'bool' | 'date')[], rows: texts.map((t, i): (string | number | boolean | null)[] => [t, i * 1.5, i % 2 === 0, `2026-01-0${i + 1}`]) }
    const bytes = await tableFile(table, 'xlsx', 'utf-8', ZONE)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(ws?.name).toBe('Notes   draft   ')
    expect(texts.map((_, i) => ws?.getCell(`A${i + 2}`).text)).toEqual(texts)
    expect(texts.map((_, i) => ws?.getCell(`B${i + 2}`).value)).toEqual(texts.map((_, i) => i * 1.5))
    expect(texts.map((_, i) => ws?.getCell(`C${i + 2}`).value)).toEqual(texts.map((_, i) => i % 2 === 0))
    expect(ws?.getCell('D7').value).toEqual(new Date('2026-01-06T00:00:00Z'))
    expect(ws?.getRow(1).getCell(1).font?.bold).toBe(true)
  })

  it('never lets exported text run as a formula: a leading quote in CSV, a string cell in XLSX, and the text comes back on import', async () => {
    const risky = ['=HYPERLINK("http://evil.example","click")', '+1+2', '-3+4', '@SUM(A1)', '\tTab', '\rReturn']
    const table = { sheet: 'Channels', headers: ['name', 'audienceSize'], types: ['text', 'number'] as ('text' | 'number')[], rows: risky.map((n, i) => [n, i - 2]) }
    const csv = (await tableFile(table, 'csv', 'utf-8', ZONE)).toString('utf8').split('\r\n')
    expect(csv[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")",-2`)
    expect(csv.slice(2, 5)).toEqual(["'+1+2,-1", "'-3+4,0", "'@SUM(A1),1"])
    const eu = (await tableFile(table, 'csv', 'excel-eu', ZONE)).toString('latin1').split('\r\n')
    expect(eu[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")";-2`)
    const xlsx = await tableFile(table, 'xlsx', 'utf-8', ZONE)
    const sheet = zipPart(xlsx, 'xl/worksheets/sheet1.xml')
    expect(sheet).not.toContain('<f>')
    expect(sheet).not.toContain('t="str"')
    // An inline string cell holding the text as typed.
    expect(sheet).toMatch(/<c r="A2" t="inlineStr"><is><t>=HYPERLINK\(&quot;http:\/\/evil\.example&quot;,&quot;click&quot;\)<\/t><\/is><\/c>/)
    // Both files import back to the same names (the importer takes the CSV guard off again).
    for (const [fileName, bytes] of [['c.csv', Buffer.from(csv.join('\r\n'))], ['c.xlsx', xlsx]] as const) {
      const input = { kind: 'channel', fileName, data: bytes.toString('base64'), mapping: { audienceSize: '' }, set: { platform: 'blog' } }
      const p = await call<{ sample: { values: Record<string, string> }[]; problems: unknown[] }>(target.b, 'import-preview', input)
      expect(p.problems, fileName).toEqual([])
      // Names are trimmed on import, as typed in a form; the formula characters stay text.
      expect(p.sample.map((s) => s.values.name), fileName).toEqual(risky.map((r) => r.trim()))
    }
  })
})
