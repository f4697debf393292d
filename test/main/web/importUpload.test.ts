import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportProgress } from '../../../src/core/api/methods/transferMethods'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { registerCalendarRules } from '../../../src/main/backend/services/calendarRules'
import { scoringRules } from '../../../src/main/backend/services/scoringRules'
import { liveRecords } from '../../../src/main/backend/services/transferExport'
import type { WebHost } from '../../../src/main/web/webHost'
import { calendarCsv } from '../helpers/calendarCsv'
import { tempBackend } from '../helpers/tempWorkspace'
import { rawRequest, startTestHost, type RawRequest, type RawResponse } from '../helpers/webTestHost'

let b: Backend
let dir: string
let cleanup: () => void
let host: WebHost
let refs: { channels: string[]; owners: string[] }

// API calls here carry the token and default to POST.
const raw = (opts: RawRequest): Promise<RawResponse> => rawRequest(host.port, { method: 'POST', ...opts, headers: { authorization: `Bearer ${host.token}`, ...opts.headers } })
async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await raw({ path: `/api/${method}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
  const body = JSON.parse(r.body) as { ok: boolean; data: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
  return body.data
}
async function upload(text: string): Promise<string> {
  const r = await raw({ path: '/api/import-upload', headers: { 'content-type': 'text/csv' }, body: Buffer.from(text) })
  expect(r.status, r.body).toBe(200)
  return (JSON.parse(r.body) as { data: { upload: string } }).data.upload
}
/** Follow a started import to its end, the way the page polls it. */
async function follow(job: string): Promise<{ last: ImportProgress; seen: ImportProgress[] }> {
  const seen: ImportProgress[] = []
  for (;;) {
    const p = await call<ImportProgress>('import-progress', { job })
    seen.push(p)
    if (p.phase !== 'checking' && p.phase !== 'writing') return { last: p, seen }
    await new Promise((r) => setTimeout(r, 50))
  }
}
const contentCount = () => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM content_item WHERE deleted_at IS NULL`)?.n ?? -1
const uploads = () => (existsSync(join(dir, 'imports')) ? readdirSync(join(dir, 'imports')) : [])

beforeAll(async () => {
  registerCalendarRules()
  scoringRules()
  const t = await tempBackend()
  b = t.b
  dir = t.dir
  cleanup = t.cleanup
  writeDemo(b)
  refs = { channels: liveRecords(b, 'channel').map((r) => String(r.name)), owners: liveRecords(b, 'member').map((r) => String(r.name)) }
  host = await startTestHost(b, t.dir)
})
afterAll(async () => {
  await host.close()
  cleanup()
})

describe('honest limits and streamed imports', () => {
  it('answers an API body over the limit with 413 and a sentence naming the limit, not a reset connection', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(9 * 1024 * 1024) })
    const r = await raw({ path: '/api/member-create', headers: { 'content-type': 'application/json' }, body })
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { message: expect.stringContaining('larger than the 8 MB limit') } })
    expect(liveRecords(b, 'member').some((m) => String(m.name).startsWith('xxx'))).toBe(false)
  })

  it('exports a filtered view larger than an ordinary API call: the page sends the whole table on purpose', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [`Item ${i} with a long enough title to weigh something`, i, '2026-12-01', 'Northwind blog', 'Planned', 'Priya Shah'])
    const body = JSON.stringify({ table: { sheet: 'Calendar', headers: ['Title', 'N', 'Date', 'Channel', 'Status', 'Owner'], types: ['text', 'number', 'date', 'text', 'text', 'text'], rows }, format: 'csv' })
    expect(body.length).toBeGreaterThan(9 * 1024 * 1024)
    const r = await raw({ path: '/api/export-table', headers: { 'content-type': 'application/json' }, body })
    expect(r.status, r.body.slice(0, 300)).toBe(200)
    const csv = Buffer.from((JSON.parse(r.body) as { data: { data: string } }).data.data, 'base64').toString('utf8')
    expect(csv.split(/\r?\n/).filter((l) => l !== '').length).toBe(100_001)
  }, 60_000)

  it('imports a CSV larger than any API call through the streamed upload, with rows-checked progress', async () => {
    const rows = 50_000
    const text = calendarCsv(rows, refs)
    expect(text.length).toBeGreaterThan(9 * 1024 * 1024)
    const before = contentCount()
    const id = await upload(text)
    const preview = await call<{ rows: number; creates: number; problemCount: number }>('import-preview', { kind: 'content', fileName: 'calendar.csv', upload: id })
    expect(preview).toMatchObject({ rows, creates: rows, problemCount: 0 })
    const { job } = await call<{ job: string }>('import-start', { kind: 'content', fileName: 'calendar.csv', upload: id })
    const { last, seen } = await follow(job)
    expect(last).toMatchObject({ phase: 'done', rowsDone: rows, rowsTotal: rows, result: { created: rows, updated: 0, unchanged: 0 } })
    // Progress moved through the rows (not one jump from nothing to done).
    expect(seen.some((p) => p.phase === 'checking' && p.rowsDone > 0 && p.rowsDone < rows)).toBe(true)
    expect(contentCount()).toBe(before + rows)
    expect(uploads()).toEqual([])
  }, 180_000)

  it('Cancel while rows are checked writes nothing and removes the uploaded file', async () => {
    const before = contentCount()
    const txBefore = b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_tx`)?.n
    const id = await upload(calendarCsv(30_000, refs))
    expect(uploads()).toHaveLength(1)
    const { job } = await call<{ job: string }>('import-start', { kind: 'content', fileName: 'calendar.csv', upload: id })
    expect(await call('import-cancel', { job })).toEqual({ cancelled: true })
    const { last } = await follow(job)
    expect(last.phase).toBe('cancelled')
    expect(contentCount()).toBe(before)
    expect(b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_tx`)?.n).toBe(txBefore)
    expect(uploads()).toEqual([])
  }, 120_000)

  it('an import with a bad row fails whole, naming the row, and writes nothing', async () => {
    const before = contentCount()
    const text = calendarCsv(5_000, refs).replace('2027-01-05', '2027-02-31')
    const id = await upload(text)
    const { job } = await call<{ job: string }>('import-start', { kind: 'content', fileName: 'calendar.csv', upload: id })
    const { last } = await follow(job)
    expect(last.phase).toBe('failed')
    expect(last.error).toMatch(/^Nothing was imported from calendar\.csv: row 6, Planned date/)
    expect(contentCount()).toBe(before)
  }, 120_000)
})
