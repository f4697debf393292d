import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiOutput } from '../../../src/core/api/contract'
import { buildDeckModel } from '../../../src/core/deck/buildDeckModel'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { dispatch } from '../../../src/main/backend/dispatch'
import { readDeckInput } from '../../../src/main/backend/deck/readDeckInput'
import { deckFixture } from '../../core/deck/deckFixture'
import { tempBackend } from '../helpers/tempWorkspace'
import { seedDeckFixture } from './deckWorkspace'

const NOW = Date.parse('2026-10-02T09:00:00Z')
let b: Backend
let dir: string
let cleanup: () => void
beforeAll(async () => {
  ;({ b, dir, cleanup } = await tempBackend(() => NOW))
  seedDeckFixture(b)
})
afterAll(() => cleanup())

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(b, method, input)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.data as T
}
async function failure(method: string, input: unknown) {
  const r = await dispatch(b, method, input)
  if (r.ok) throw new Error(`${method} should have failed`)
  return r.error
}
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort()

describe('readDeckInput on a real workspace', () => {
  const fixture = deckFixture()
  const read = () =>
    readDeckInput(b.db, '2026-Q3', {
      workspaceName: 'Acme Marketing', generatedAt: fixture.generatedAt, hours: fixture.hours, predicted: fixture.predicted,
      scenario: fixture.scenario, money: fixture.money, planAsOf: null
    })

  it('reads the quarter and the one before it, live rows only, with the deck\'s columns decoded', () => {
    const input = read()
    expect(ids(input.goals)).toEqual(['G0', 'G1', 'G2', 'G3'])
    expect(ids(input.measurements)).toEqual(['X0', 'X1', 'X2', 'X3', 'X4', 'X5'])
    // Z1 (planned for Q4) and KX (tombstoned) are not read; everything dated in Q2 or Q3 is.
    expect(ids(input.contentItems)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'P1', 'P2', 'P3'])
    expect(ids(input.conversations)).toEqual(['V0', 'V1', 'V2', 'V3'])
    expect(ids(input.influencers)).toEqual(['I1', 'I2', 'I3'])
    expect(ids(input.notes)).toEqual(['N1', 'N2'])
    const c2 = input.channels.find((c) => c.id === 'C2')
    expect(c2).toEqual(fixture.channels.find((c) => c.id === 'C2'))
    expect(input.conversations.find((c) => c.id === 'V1')?.tags).toEqual(['export', 'Calendar'])
    expect(input.influencers.find((i) => i.id === 'I1')).toEqual(fixture.influencers.find((i) => i.id === 'I1'))
    expect(input.contentItems.find((c) => c.id === 'K1')).toEqual(fixture.contentItems.find((c) => c.id === 'K1'))
    expect(input.notes.find((n) => n.id === 'N2')).toEqual(fixture.notes.find((n) => n.id === 'N2'))
  })

  it('gives the same deck, slide by slide and number by number, as the fixture it was written from', () => {
    const fromDb = buildDeckModel(read())
    const fromFixture = buildDeckModel(fixture)
    expect(fromDb.slides.map((s) => s.key)).toEqual(fromFixture.slides.map((s) => s.key))
    // Every slide but the provenance one (which counts the rows read: the fixture also holds Z1).
    expect(fromDb.slides.slice(0, -1)).toEqual(fromFixture.slides.slice(0, -1))
    const prov = fromDb.slides.at(-1)
    const table = prov?.blocks.find((x) => x.kind === 'table')
    if (table?.kind !== 'table') throw new Error('provenance table expected')
    expect(table.rows).toEqual([
      ['Team members', '2', '–', '–'],
      ['Goals', '4', '3', '1'],
      ['Goal measurements', '6', '5', '1'],
      ['Channels', '3', '–', '–'],
      ['Content items', '10', '7', '3'],
      ['Influencers', '3', '–', '–'],
      ['Conversations', '4', '3', '1'],
      ['Notes and decisions', '2', '–', '–'],
      ['Channels in the hours plan', '2', '–', '–'],
      ['Predictions (channel × goal)', '3', '–', '–']
    ])
    // Same data, same hash; a changed note changes it.
    expect(buildDeckModel(read()).inputHash).toBe(fromDb.inputHash)
  })
})

describe('deck methods through the contract', () => {
  it('deck-quarters lists the quarters with data, newest first, with counts', async () => {
    const q = await call<ApiOutput<'deck-quarters'>>('deck-quarters', {})
    expect(q.current).toBe('2026-Q4')
    expect(q.items.map((i) => i.quarter)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2025-Q3'])
    expect(q.items[1]).toEqual({ quarter: '2026-Q3', label: '1 Jul – 30 Sep 2026', goals: 3, contentItems: 7, measurements: 5, conversations: 3 })
    expect(q.items[2]).toMatchObject({ quarter: '2026-Q2', goals: 1, contentItems: 3, measurements: 1, conversations: 1 })
  })

  it('deck-preview builds the deck from the database, with the model\'s hours and the notes on their slides', async () => {
    const m = await call<ApiOutput<'deck-preview'>>('deck-preview', { quarter: '2026-Q3' })
    // 18 slides plus the listening desk's three (response times, volume, escalations and hand-offs: the workspace has conversations).
    expect(m.slides).toHaveLength(21)
    expect(m.generatedAt).toBe('2026-10-02T09:00:00.000Z')
    expect(m.asOf).toBe('2026-09-30')
    const summary = m.slides.find((s) => s.key === 'summary')
    const lines = summary?.blocks.find((x) => x.kind === 'text')
    expect(lines?.kind === 'text' ? lines.lines.map((l) => l.text).slice(0, 3) : null).toEqual([
      '1 of 3 goals hit, 2 missed.',
      'Biggest win',
      'Achieved: Grow qualified pipeline. Leads 130 leads vs target 120 leads (baseline 0), 108% of the way.'
    ])
    expect(summary?.blocks.find((x) => x.kind === 'note')).toEqual({ kind: 'note', title: 'Team notes', lines: ['Pipeline goal exceeded; keep the LinkedIn cadence. (Ana Ruiz)'] })
    const hours = m.slides.find((s) => s.key === 'hours')
    expect(hours?.emptyMessage).toBeNull()
    expect(hours?.blocks.some((x) => x.kind === 'chart')).toBe(true)
  })

  it('refuses a malformed quarter and a quarter without data with one clear sentence', async () => {
    for (const q of ['2026-Q5', '26Q1', '2026-q1']) {
      const e = await failure('deck-preview', { quarter: q })
      expect(e.code).toBe('invalid_input')
      expect(e.message).toBe(`Unknown quarter "${q}": use YYYY-Qn with n from 1 to 4, e.g. 2026-Q4`)
    }
    const e = await failure('deck-preview', { quarter: '2021-Q1' })
    expect(e.code).toBe('not_found')
    expect(e.message).toMatch(/^No data for 2021-Q1 \(1 Jan – 31 Mar 2021\): .*Quarters with data: 2026-Q4, 2026-Q3, 2026-Q2, 2025-Q3\.$/)
  })

  it('deck-quarters leaves out quarters that have not begun, even with goals planned there', async () => {
    const planned = await call<{ id: string }>('goal-create', { objective: 'Spring 2027 pipeline', driver: 'revenue', kpiName: 'Leads', target: 200, quarter: '2027-Q2' })
    const q = await call<ApiOutput<'deck-quarters'>>('deck-quarters', {})
    // Deleted again so the goal-progress tests below see the fixture's quarters only.
    await call('goal-delete', { id: planned.id })
    expect(q.items.map((i) => i.quarter)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2025-Q3'])
  })

  it('refuses a quarter entirely in the future (it used to build, with negative effort) and an impossible as-of day', async () => {
    const e = await failure('deck-preview', { quarter: '2027-Q1' })
    expect(e.code).toBe('invalid_input')
    expect(e.message).toBe('2027-Q1 has not started yet (it runs 1 Jan – 31 Mar 2027); a review deck covers a quarter that has begun — pick 2026-Q4 or an earlier one')
    expect(e.issues).toEqual([{ path: ['quarter'], message: 'This quarter has not started yet' }])
    const bad = await failure('deck-preview', { quarter: '2026-Q3', asOf: '2026-02-31' })
    expect(bad.code).toBe('invalid_input')
    expect(bad.issues[0]?.path).toEqual(['asOf'])
  })

  it('saves, changes and deletes a note through the mutation path; the deck shows it on its slide', async () => {
    const created = await call<ApiOutput<'deck-note-save'>>('deck-note-save', { quarter: '2026-Q3', slideKey: 'hours', text: '  Move 2 h from the blog to LinkedIn.  ', author: 'Ana Ruiz' })
    const id = created.note?.id ?? ''
    expect(created.note).toMatchObject({ quarter: '2026-Q3', slideKey: 'hours', text: 'Move 2 h from the blog to LinkedIn.', author: 'Ana Ruiz' })
    expect(b.db.get<{ label: string }>(sql`SELECT label FROM change_tx ORDER BY seq DESC LIMIT 1`)?.label).toBe('deck-note-create')
    let m = await call<ApiOutput<'deck-preview'>>('deck-preview', { quarter: '2026-Q3' })
    expect(m.slides.find((s) => s.key === 'hours')?.blocks.at(-1)).toEqual({ kind: 'note', title: 'Team notes', lines: ['Move 2 h from the blog to LinkedIn. (Ana Ruiz)'] })
    expect(JSON.stringify(m.slides.find((s) => s.key === 'decisions'))).toContain('Move 2 h from the blog to LinkedIn. (Ana Ruiz)')

    await call('deck-note-save', { id, quarter: '2026-Q3', slideKey: 'hours', text: 'Move 3 h instead.' })
    const listed = await call<ApiOutput<'deck-note-list'>>('deck-note-list', { where: [{ field: 'quarter', op: 'eq', value: '2026-Q3' }], sort: [{ field: 'createdAt', dir: 'asc' }] })
    expect(listed.items.map((n) => n.text)).toEqual(['Pipeline goal exceeded; keep the LinkedIn cadence.', 'Start a support rotation in October.', 'Move 3 h instead.'])

    expect((await call<ApiOutput<'deck-note-save'>>('deck-note-save', { id, quarter: '2026-Q3', slideKey: 'hours', text: ' ' })).note).toBeNull()
    m = await call<ApiOutput<'deck-preview'>>('deck-preview', { quarter: '2026-Q3' })
    expect(m.slides.find((s) => s.key === 'hours')?.blocks.some((x) => x.kind === 'note')).toBe(false)
    expect((await failure('deck-note-save', { quarter: '2026-Q3', slideKey: 'hours', text: '' })).code).toBe('invalid_input')
    expect((await failure('deck-note-save', { quarter: '2026-Q3', slideKey: 'no spaces allowed', text: 'x' })).code).toBe('invalid_input')
  })

  it('deck-export writes PPTX and PDF into the exports folder with progress events; deck-file hands them back', async () => {
    const events: { fraction: number; format: string; exportId: string | null }[] = []
    const off = b.events.on((e, p) => {
      if (e === 'deck-progress') events.push(p as (typeof events)[number])
    })
    const out = await call<ApiOutput<'deck-export'>>('deck-export', { quarter: '2026-Q3', formats: ['pptx', 'pdf'], exportId: 'x1' })
    off()
    expect(out.files.map((f) => f.name)).toEqual(['ws-review-2026-Q3.pptx', 'ws-review-2026-Q3.pdf'])
    expect(out.files.every((f) => f.path.startsWith(join(dir, 'exports')) && f.bytes > 10_000 && f.inExports)).toBe(true)
    expect(readdirSync(join(dir, 'exports')).sort()).toEqual(['ws-review-2026-Q3.pdf', 'ws-review-2026-Q3.pptx'])
    expect(events.every((e) => e.exportId === 'x1')).toBe(true)
    expect(events.map((e) => e.fraction).every((f, i, all) => i === 0 || f >= (all[i - 1] ?? 0))).toBe(true)
    expect(events.at(-1)?.fraction).toBe(1)
    expect(events.some((e) => e.format === 'pptx') && events.some((e) => e.format === 'pdf')).toBe(true)

    const file = await call<ApiOutput<'deck-file'>>('deck-file', { name: 'ws-review-2026-Q3.pptx' })
    expect(Buffer.from(file.base64, 'base64').equals(readFileSync(out.files[0]?.path ?? ''))).toBe(true)
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'))
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(out.slides)
    expect((await failure('deck-file', { name: '../workspace.sqlite' })).code).toBe('invalid_input')
    expect((await failure('deck-file', { name: 'other.pdf' })).code).toBe('not_found')
    expect((await failure('deck-export', { quarter: '2026-Q3', formats: ['pdf'], dir: 'relative/path' })).code).toBe('invalid_input')
    expect((await failure('deck-export', { quarter: '2026-Q3', formats: ['pdf'], dir: join(dir, 'nope') })).message).toMatch(/There is no folder/)
  })
})

describe('goal-progress', () => {
  it('gives each goal of the quarter its progress, rule, weekly chart and contributions', async () => {
    const g = await call<ApiOutput<'goal-progress'>>('goal-progress', { quarter: '2026-Q3' })
    expect(g.quarter).toBe('2026-Q3')
    expect(g.quarters).toEqual(['2026-Q3', '2026-Q2'])
    expect(g.goals.map((x) => x.id)).toEqual(['G1', 'G2', 'G3'])
    const [g1, g2, g3] = g.goals
    expect(g1?.progress).toMatchObject({ status: 'achieved', current: 130, target: 120, baseline: 0, currentDate: '2026-09-30' })
    expect(g1?.rule).toMatch(/^The latest measured value has reached the target/)
    expect(g1?.ownerName).toBe('Ana Ruiz')
    expect(g1?.weeks.map((w) => w.actual)).toEqual([0, 0, 0, 0, 40, 40, 40, 40, 90, 90, 90, 90, 130])
    expect(g1?.weeks[12]?.plan).toBe(120)
    // Blog: the buyer's guide (24 leads); LinkedIn: three posts (10 + 5 + 0); the tombstoned post is not counted.
    expect(g1?.channels).toEqual([
      { channelId: 'C2', name: 'Blog', items: 1, units: 24, share: 24 / 39, expectedRate: 2 },
      { channelId: 'C1', name: 'LinkedIn company page', items: 3, units: 15, share: 15 / 39, expectedRate: 1 }
    ])
    expect(g1?.content.map((c) => [c.title, c.units])).toEqual([['Buyer’s guide', 24], ['Launch post', 10], ['Customer quote', 5], ['Team photo', 0]])
    expect(g2?.progress).toMatchObject({ status: 'missed', direction: 'down', current: 10 })
    expect(g3?.progress.status).toBe('missed')
    expect(g3?.channels).toEqual([{ channelId: 'C2', name: 'Blog', items: 1, units: 0, share: null, expectedRate: 5 }])
  })

  it('defaults to the latest quarter with goals up to today', async () => {
    expect((await call<ApiOutput<'goal-progress'>>('goal-progress', {})).quarter).toBe('2026-Q3')
  })
})
