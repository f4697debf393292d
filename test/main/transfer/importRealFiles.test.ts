import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { ImportInput } from '../../../src/core/api/methods/transferMethods'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { dispatch } from '../../../src/main/backend/dispatch'
import { applyImport, prepareImport } from '../../../src/main/backend/services/transferImport'
import { demoBackendPerTest } from '../helpers/demoBackendPerTest'

const t = demoBackendPerTest()

/** Windows-1252 bytes of a string (the characters these fixtures use are all in Latin-1). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)))
const file = (kind: ImportInput['kind'], fileName: string, bytes: Uint8Array | string, extra: Partial<ImportInput> = {}): ImportInput => ({
  kind, fileName, data: Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64'), ...extra
})
const count = (b: Backend, table: string) => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(table)} WHERE deleted_at IS NULL`)?.n ?? -1
const content = (b: Backend, title: string) => b.db.get<Record<string, unknown>>(sql`SELECT * FROM content_item WHERE title = ${title}`)

describe('importing the files marketers really have', () => {
  it('Excel in a European locale: semicolons, Windows-1252, dd.mm.yyyy dates and decimal commas, shown in the preview', async () => {
    const text = 'Titel;Publish date;Channel;Owner;Effort\r\nCafé-Bericht für Kunden;01.12.2026;Blog;Priya;2,5\r\nÜbersicht;15.12.2026;Blog;Priya;12,5\r\n'
    const p = await prepareImport(t.b, file('content', 'export.csv', cp1252(text), { mapping: { Titel: 'title' } }))
    expect(p.allProblems).toEqual([])
    expect(p.source?.summary).toContain('semicolon-separated, Windows-1252')
    expect(p.source?.summary).toContain('decimal commas')
    expect(p.source?.summary).toContain('dates day first')
    await applyImport(t.b, file('content', 'export.csv', cp1252(text), { mapping: { Titel: 'title' } }))
    // The choice of column is remembered for the next file with these columns.
    const next = await prepareImport(t.b, file('content', 'export-jan.csv', cp1252(text)))
    expect(next.mapping[0]).toBe('title')
    const row = content(t.b, 'Café-Bericht für Kunden')
    expect(row?.planned_date).toBe('2026-12-01')
    expect(row?.effort_hours).toBe(2.5)
    const blog = t.b.db.get<{ id: string }>(sql`SELECT id FROM channel WHERE name = 'Northwind blog'`)
    const priya = t.b.db.get<{ id: string }>(sql`SELECT id FROM member WHERE name LIKE 'Priya %'`)
    expect(row?.channel_id).toBe(blog?.id)
    expect(row?.owner_id).toBe(priya?.id)
  })

  it('a bulk-scheduler sheet (Hootsuite): local times in the workspace zone, the channel from --set, the title from the message', async () => {
    const text = 'Date,Message,Link\n01/12/2026 10:00,"Our Q4 report is out.\nRead it here",https://example.com/q4\n14/12/2026 09:30,Webinar tomorrow,https://example.com/w\n'
    const input = file('content', 'hootsuite.csv', text, { zone: 'Europe/Berlin', set: { channelId: 'LinkedIn company page' } })
    const p = await prepareImport(t.b, input)
    expect(p.allProblems).toEqual([])
    expect(p.source?.preset).toBe('hootsuite')
    expect(p.source?.summary).toContain('times without a zone are Europe/Berlin time')
    expect(p.source?.quotedNewlines).toBe(true)
    await applyImport(t.b, input)
    const row = content(t.b, 'Our Q4 report is out.')
    expect(row?.publish_at).toBe('2026-12-01T09:00:00Z')
    expect(row?.publish_zone).toBe('Europe/Berlin')
    expect(row?.planned_date).toBe('2026-12-01')
    expect(row?.brief).toBe('Our Q4 report is out.\nRead it here')
  })

  it('asks when dates read both ways, and reads them as answered', async () => {
    const text = 'Title,Date\nA,03/04/2026\nB,05/06/2026\n'
    const p = await prepareImport(t.b, file('content', 'sheet.csv', text))
    expect(p.source?.dateQuestion).toBe(true)
    expect(p.allProblems[0]?.message).toMatch(/read both ways/)
    const a = await prepareImport(t.b, file('content', 'sheet.csv', text, { dateOrder: 'mdy' }))
    expect(a.allProblems).toEqual([])
    expect(a.sample[0]?.values.plannedDate).toBe('2026-03-04')
  })

  it('Excel "CSV (Windows)", a Google Sheets export (UTF-8 with BOM) and UTF-16 read the same', async () => {
    const rows = 'Title,Publish date,Channel\r\nRésumé of the week,2026-12-03,Blog\r\n'
    for (const [name, bytes] of [
      ['windows.csv', cp1252(rows)],
      ['sheets.csv', Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(rows, 'utf8')])],
      ['utf16.csv', Uint8Array.from([0xff, 0xfe, ...Buffer.from(rows, 'utf16le')])]
    ] as const) {
      const p = await prepareImport(t.b, file('content', name, bytes))
      expect(p.allProblems, name).toEqual([])
      expect(p.sample[0]?.values.title, name).toBe('Résumé of the week')
    }
  })

  it('a CRM influencer export: email, Twitter, LinkedIn and followers fill the influencer; its ids update on re-import', async () => {
    const crm = (followers: string) => `Record ID,Full name,Email,Twitter,LinkedIn,Followers\nhs-101,Dana Ortiz,dana@example.com,@danao,linkedin.com/in/danao,"${followers}"\n`
    const first = await prepareImport(t.b, file('influencer', 'hubspot.csv', crm('12,400'), { mapping: { 'Record ID': 'id' } }))
    expect(first.allProblems).toEqual([])
    await applyImport(t.b, file('influencer', 'hubspot.csv', crm('12,400'), { mapping: { 'Record ID': 'id' } }))
    const row = t.b.db.get<{ handles: string; reach: number; external_id: string }>(sql`SELECT handles, reach, external_id FROM influencer WHERE name = 'Dana Ortiz'`)
    expect(JSON.parse(row?.handles ?? '{}')).toEqual({ email: 'dana@example.com', x: '@danao', linkedin: 'linkedin.com/in/danao' })
    expect(row?.reach).toBe(12400)
    expect(row?.external_id).toBe('hs-101')
    const again = await applyImport(t.b, file('influencer', 'hubspot.csv', crm('13,000'), { mapping: { 'Record ID': 'id' } }))
    expect(again).toEqual({ created: 0, updated: 1, unchanged: 0, tx: expect.any(String) })
    expect(t.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM influencer WHERE name = 'Dana Ortiz'`)?.n).toBe(1)
  })

  it('a file with broken rows: every problem by row and column, nothing written', async () => {
    const before = count(t.b, 'content_item')
    const text = 'Title,Date,Channel,Effort\nGood,2026-12-01,Blog,2\n,2026-12-02,Blog,1\nBad date,2026-02-31,Blog,1\nNo channel,2026-12-03,Fax machine,abc\n'
    await expect(applyImport(t.b, file('content', 'broken.csv', text))).rejects.toThrow(/Nothing was imported/)
    const p = await prepareImport(t.b, file('content', 'broken.csv', text))
    expect(p.allProblems.map((x) => [x.row, x.column])).toEqual([[3, 'Title'], [4, 'Date'], [5, 'Channel'], [5, 'Effort']])
    expect(count(t.b, 'content_item')).toBe(before)
  })

  it('references: ambiguous names name their candidates; --create-missing adds channels, members and campaigns in the same undo step', async () => {
    const text = 'Title,Date,Channel,Owner,Campaign\nLaunch,2026-12-01,Podcast Two,Jo New,Winter push\nFollow-up,2026-12-09,Podcast Two,Jo New,Winter push\n'
    const no = await prepareImport(t.b, file('content', 'new.csv', text))
    expect(no.allProblems.some((x) => /No channel with the name or id "Podcast Two"/.test(x.message))).toBe(true)
    const channels = count(t.b, 'channel')
    const input = file('content', 'new.csv', text, { createMissing: true })
    const p = await prepareImport(t.b, input)
    expect(p.allProblems).toEqual([])
    expect(p.missing).toEqual([{ kind: 'channel', name: 'Podcast Two' }, { kind: 'member', name: 'Jo New' }, { kind: 'campaign', name: 'Winter push' }])
    await applyImport(t.b, input)
    expect(t.b.db.get(sql`SELECT platform FROM channel WHERE name = 'Podcast Two'`)).toEqual({ platform: 'podcast' })
    expect(t.b.db.get(sql`SELECT start_date, end_date FROM campaign WHERE name = 'Winter push'`)).toEqual({ start_date: '2026-12-01', end_date: '2026-12-09' })
    const undo = await dispatch(t.b, 'history-undo', {})
    expect(undo.ok).toBe(true)
    expect(count(t.b, 'channel')).toBe(channels)
    expect(content(t.b, 'Launch')?.deleted_at).not.toBeNull()
  })

  it('--create-missing reads a new channel’s platform from its name, in other tools’ words too', async () => {
    const text = 'Title,Date,Channel\nA,2026-12-01,Acme TikTok\nB,2026-12-02,Acme Twitter\nC,2026-12-03,Acme on Bluesky\nD,2026-12-04,Partner portal\n'
    await applyImport(t.b, file('content', 'new.csv', text, { createMissing: true }))
    const platforms = t.b.db.all<{ name: string; platform: string }>(sql`SELECT name, platform FROM channel WHERE name IN ('Acme TikTok', 'Acme Twitter', 'Acme on Bluesky', 'Partner portal') ORDER BY name`)
    expect(platforms).toEqual([
      { name: 'Acme TikTok', platform: 'tiktok' },
      { name: 'Acme Twitter', platform: 'x' },
      { name: 'Acme on Bluesky', platform: 'bluesky' },
      { name: 'Partner portal', platform: 'other' }
    ])
  })

  it('a name first seen past the first few thousand rows is still created, and its rows and problems keep their file row numbers', async () => {
    // The file is read a step (2,000 rows) at a time: a name that appears only in a later step must
    // still be held for --create-missing, and a bad cell there must be reported on its own row.
    const lines = ['Title,Date,Channel,Campaign,Effort']
    for (let i = 0; i < 4500; i++) lines.push(`Post ${i},2026-12-${String(1 + (i % 28)).padStart(2, '0')},Blog,${i >= 4100 ? 'Late push' : ''},1`)
    const text = `${lines.join('\n')}\n`
    const p = await prepareImport(t.b, file('content', 'late.csv', text, { createMissing: true }))
    expect(p.allProblems).toEqual([])
    expect(p.rows).toBe(4500)
    expect(p.missing).toEqual([{ kind: 'campaign', name: 'Late push' }])
    await applyImport(t.b, file('content', 'late.csv', text, { createMissing: true }))
    const late = t.b.db.get<{ id: string; start_date: string; end_date: string }>(sql`SELECT id, start_date, end_date FROM campaign WHERE name = 'Late push'`)
    expect(late).toMatchObject({ start_date: '2026-12-01', end_date: '2026-12-28' })
    expect(t.b.db.get(sql`SELECT count(*) AS n FROM content_item WHERE campaign_id = ${late?.id ?? ''}`)).toEqual({ n: 400 })
    const bad = lines.map((l, i) => (i === 3001 ? l.replace(',1', ',lots') : l))
    const q = await prepareImport(t.b, file('content', 'bad.csv', `${bad.join('\n')}\n`))
    expect(q.allProblems.map((x) => [x.row, x.label])).toEqual([[3002, 'Effort hours']])
  })

  it('duplicates of records already there (same channel, title and date) are listed, then skipped, updated or kept', async () => {
    const text = 'Title,Date,Channel,Effort\nDup post,2026-12-01,Blog,1\n'
    await applyImport(t.b, file('content', 'a.csv', text))
    const again = 'Title,Date,Channel,Effort\nDup post,2026-12-01,Blog,3\nDup post,2026-12-01,Blog,4\n'
    const skip = await prepareImport(t.b, file('content', 'b.csv', again))
    expect(skip.duplicates?.map((d) => d.row)).toEqual([2, 3])
    // The same title in another case, with a tab or a run of spaces inside, is the same title.
    const spaced = await prepareImport(t.b, file('content', 'c.csv', 'Title,Date,Channel,Effort\n"DUP\tpost",2026-12-01,Blog,1\n"Dup   Post",2026-12-01,Blog,1\nDup posts,2026-12-01,Blog,1\n'))
    expect(spaced.duplicates?.map((d) => d.row)).toEqual([2, 3])
    expect(skip.duplicates?.[0]?.reason).toMatch(/already in the workspace: same channel, title and date; skipped/)
    expect(skip.creates).toBe(0)
    const upd = await applyImport(t.b, file('content', 'b.csv', 'Title,Date,Channel,Effort\nDup post,2026-12-01,Blog,3\n', { duplicates: 'update' }))
    expect(upd.updated).toBe(1)
    expect(content(t.b, 'Dup post')?.effort_hours).toBe(3)
    const keep = await applyImport(t.b, file('content', 'b.csv', again, { duplicates: 'keep' }))
    expect(keep.created).toBe(2)
  })

  it('an XLSX made with exceljs: the sheet picked by name, dates as dates, formulas as their saved value', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Notes').addRow(['Read me first'])
    const s = wb.addWorksheet('Plan')
    s.addRow(['Title', 'Publish date', 'Channel', 'Effort'])
    s.addRow(['From Excel', new Date(Date.UTC(2026, 11, 7)), 'Blog', { formula: '1+1', result: 2 }])
    s.addRow(['=HYPERLINK("x")', new Date(Date.UTC(2026, 11, 8)), 'Blog', 1])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    await expect(prepareImport(t.b, file('content', 'plan.xlsx', bytes, { sheet: 'Nope' }))).rejects.toThrow(/no sheet named "Nope"; its sheets are "Notes", "Plan"/)
    const p = await prepareImport(t.b, file('content', 'plan.xlsx', bytes, { sheet: 'Plan' }))
    expect(p.allProblems).toEqual([])
    expect(p.source).toMatchObject({ format: 'xlsx', sheet: 'Plan', sheets: ['Notes', 'Plan'] })
    await applyImport(t.b, file('content', 'plan.xlsx', bytes, { sheet: 'Plan' }))
    expect(content(t.b, 'From Excel')).toMatchObject({ planned_date: '2026-12-07', effort_hours: 2 })
    expect(content(t.b, '=HYPERLINK("x")')).toBeDefined()
  })

  it('refuses files that are not what they claim, with a sentence, writing nothing', async () => {
    const before = count(t.b, 'content_item')
    await expect(prepareImport(t.b, file('content', 'plan.xlsx', 'Title\nA\n'))).rejects.toThrow(/named like a spreadsheet workbook but is not one \(it is text: a CSV file renamed\?\)/)
    await expect(prepareImport(t.b, file('content', 'junk.csv', Uint8Array.from([1, 2, 0, 255, 0, 7])))).rejects.toThrow(/is not a text file/)
    // A zip bomb: a part that claims to unpack to 900 MB from 1 KB.
    const bomb = new Uint8Array(46 + 22 + 4 + 8)
    const v = new DataView(bomb.buffer)
    v.setUint32(0, 0x04034b50, true)
    const cd = 8
    v.setUint32(cd, 0x02014b50, true)
    v.setUint32(cd + 20, 1024, true)
    v.setUint32(cd + 24, 900 * 1024 * 1024, true)
    v.setUint16(cd + 28, 4, true)
    bomb.set(Buffer.from('a.xm'), cd + 46)
    const eocd = cd + 46 + 4
    v.setUint32(eocd, 0x06054b50, true)
    v.setUint16(eocd + 10, 1, true)
    v.setUint32(eocd + 16, cd, true)
    await expect(prepareImport(t.b, file('content', 'bomb.xlsx', bomb))).rejects.toThrow(/zip bomb/)
    expect(count(t.b, 'content_item')).toBe(before)
  })
})
