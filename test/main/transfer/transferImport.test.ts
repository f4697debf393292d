import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KindName } from '../../../src/core/domain/recordKinds'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { dispatch } from '../../../src/main/backend/dispatch'
import { registerCalendarRules } from '../../../src/main/backend/services/calendarRules'
import { fieldsOf } from '../../../src/main/backend/services/recordService'
import { scoringRules } from '../../../src/main/backend/services/scoringRules'
import { exportCsv, liveRecords } from '../../../src/main/backend/services/transferExport'
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

const txCount = (b: Backend) => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_tx`)?.n ?? -1
const csvOf = (rows: string[]) => rows.join('\n')

async function call<T>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await dispatch(b, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.data as T
}

describe('CSV import and export', () => {
  it('round-trips every table kind: export → import into an empty workspace gives the same records', async () => {
    writeDemo(source.b)
    // Referenced kinds first, so references by id resolve in the target.
    const kinds: KindName[] = ['member', 'goal', 'channel', 'campaign', 'measurement', 'influencer', 'expert', 'conversation', 'content']
    for (const kind of kinds) {
      const { csv, fileName } = exportCsv(source.b, kind)
      const r = await call<{ created: number }>(target.b, 'import-apply', { kind, fileName, text: csv })
      expect(r.created, kind).toBe(liveRecords(source.b, kind).length)
      // The members brought an owner, so roles now hold: the person loading the rest picks themselves.
      if (kind === 'member') actAsOwner(target.b)
    }
    for (const kind of kinds) {
      const a = liveRecords(source.b, kind).map((r) => ({ id: r.id, ...fieldsOf(kind, r) }))
      const b = liveRecords(target.b, kind).map((r) => ({ id: r.id, ...fieldsOf(kind, r) }))
      // Creating goes through the same rules as the forms: the approval gate stamps approvedAt at the
      // moment of approval, and a channel created without a review date gets today's.
      const today = new Date().toISOString().slice(0, 10)
      const strip = (x: Record<string, unknown>[]) =>
        kind === 'content' ? x.map((r) => ({ ...r, approvedAt: r.approvedAt === null ? null : 'set' })) : kind === 'channel' ? x.map((r) => ({ ...r, estimatesUpdatedAt: r.estimatesUpdatedAt ?? today })) : x
      expect(strip(b), kind).toEqual(strip(a))
    }
  })

  it('a CSV with one bad row writes nothing and names the row and field', async () => {
    const before = txCount(target.b)
    const text = csvOf(['name,platform,audienceSize', 'Blog,blog,"12,000"', 'LinkedIn,LinkedIn,-5', 'Podcast,podcast,300'])
    const preview = await call<{ problems: { row: number; label: string; message: string }[]; creates: number }>(target.b, 'import-preview', { kind: 'channel', fileName: 'ch.csv', text })
    expect(preview.problems).toEqual([expect.objectContaining({ row: 3, label: 'Audience size', message: 'Must not be negative' })])
    expect(preview.creates).toBe(2)
    const r = await dispatch(target.b, 'import-apply', { kind: 'channel', fileName: 'ch.csv', text })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.message).toContain('Nothing was imported from ch.csv: row 3, Audience size: Must not be negative')
    expect(r.error.issues[0]?.path).toEqual(['rows', 3, 'audienceSize'])
    expect(txCount(target.b)).toBe(before)
    expect(liveRecords(target.b, 'channel')).toHaveLength(0)
    // Fixed, the same file imports in one transaction.
    const ok = await call<{ created: number }>(target.b, 'import-apply', { kind: 'channel', fileName: 'ch.csv', text: text.replace('-5', '5') })
    expect(ok.created).toBe(3)
    expect(txCount(target.b)).toBe(before + 1)
  })

  it('maps columns by hand and by label, and resolves references by name', async () => {
    const owner = await call<{ id: string }>(target.b, 'member-create', { name: 'Priya Shah', role: 'Content lead', weeklyCapacityHours: 30 })
    const text = csvOf([
      'Channel,Type,Owner,Audience size,Active?,Confidence,Notes',
      'Company blog,Blog,priya shah,"1,200",Active,80%,Weekly',
      `Forum,Community forum,${owner.id},500,paused,0.5,`
    ])
    const input = { kind: 'channel', fileName: 'x.csv', text, mapping: { Channel: 'name', Type: 'platform', 'Active?': 'status' } }
    const preview = await call<{ mapping: (string | null)[]; problems: unknown[] }>(target.b, 'import-preview', input)
    expect(preview.mapping).toEqual(['name', 'platform', 'ownerId', 'audienceSize', 'status', 'confidence', 'notes'])
    expect(preview.problems).toEqual([])
    await call(target.b, 'import-apply', input)
    const rows = liveRecords(target.b, 'channel').sort((a, b) => String(a.name).localeCompare(String(b.name)))
    expect(rows.map((r) => [r.name, r.platform, r.ownerId, r.audienceSize, r.status, r.confidence])).toEqual([
      ['Company blog', 'blog', owner.id, 1200, 'active', 0.8],
      ['Forum', 'forum', owner.id, 500, 'paused', 0.5]
    ])
    const bad = await call<{ problems: { row: number; label: string; message: string }[] }>(target.b, 'import-preview', {
      ...input,
      text: csvOf(['Channel,Type,Owner', 'A,blog,Nobody', 'B,fax,', ',blog,'])
    })
    expect(bad.problems.map((p) => `row ${p.row}, ${p.label}: ${p.message}`)).toEqual([
      'row 2, Owner: No member with the name or id "Nobody" (--create-missing, or "Create missing" in the app, adds it)',
      expect.stringMatching(/^row 3, Platform: Unknown value "fax"; use one of Blog, LinkedIn/),
      'row 4, Name: Required'
    ])
  })

  it('updates existing records by id only when asked', async () => {
    const ch = await call<{ id: string }>(target.b, 'channel-create', { name: 'Blog', platform: 'blog', audienceSize: 10 })
    const text = csvOf(['id,audienceSize', `${ch.id},99`])
    const refused = await call<{ problems: { message: string }[] }>(target.b, 'import-preview', { kind: 'channel', fileName: 'u.csv', text })
    expect(refused.problems[0]?.message).toContain('already exists')
    const r = await call<{ updated: number; created: number }>(target.b, 'import-apply', { kind: 'channel', fileName: 'u.csv', text, updateById: true })
    expect(r).toEqual({ created: 0, updated: 1, unchanged: 0, tx: expect.any(String) })
    expect(liveRecords(target.b, 'channel')[0]).toMatchObject({ name: 'Blog', audienceSize: 99 })
  })

  it('"Undo this import" takes back only that import: refused while a later change is newer, then done once', async () => {
    const text = csvOf(['name,platform', 'Acme TikTok,TikTok', 'Acme X,Twitter'])
    const r = await call<{ created: number; tx: string }>(target.b, 'import-apply', { kind: 'channel', fileName: 'ch.csv', text })
    expect(r).toMatchObject({ created: 2, tx: expect.any(String) })
    // A later change on the undo list (the calendar's own edits are on it; forms elsewhere save at once).
    await call(target.b, 'calendar-create', { values: { title: 'Later' } })
    const refused = await dispatch(target.b, 'history-undo', { tx: r.tx })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Undo create "Later" first (Undo on the calendar or board): it was done after this change' } })
    expect(liveRecords(target.b, 'channel').map((c) => c.name)).toContain('Acme TikTok')
    await call(target.b, 'history-undo', {})
    const undone = await call<{ label: string }>(target.b, 'history-undo', { tx: r.tx })
    expect(undone.label).toBe('import ch.csv (2 records)')
    expect(liveRecords(target.b, 'channel')).toEqual([])
    expect(await dispatch(target.b, 'history-undo', { tx: r.tx })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/no longer on the undo list/) } })
  })

  it('exports every field with JSON for structured values and reads tags and formula-escaped cells back', async () => {
    await call(target.b, 'influencer-create', { name: '=cmd()', topics: ['data', 'bi'], handles: { x: '@ana' } })
    const { csv } = exportCsv(target.b, 'influencer')
    expect(csv.split('\r\n')[0]).toMatch(/^id,name,title,handles,topics,/)
    expect(csv).toContain(`"'=cmd()"`)
    expect(csv).toContain('"[""data"",""bi""]"')
    const other = await tempBackend()
    try {
      await call(other.b, 'import-apply', { kind: 'influencer', fileName: 'i.csv', text: csv })
      expect(liveRecords(other.b, 'influencer')[0]).toMatchObject({ name: '=cmd()', topics: ['data', 'bi'], handles: { x: '@ana' } })
      await call(other.b, 'import-apply', { kind: 'influencer', fileName: 'j.csv', text: 'name,topics\nBo,"ai, ml"' })
      expect(liveRecords(other.b, 'influencer').find((r) => r.name === 'Bo')?.topics).toEqual(['ai', 'ml'])
    } finally {
      other.cleanup()
    }
  })
})
