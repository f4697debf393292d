import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportInput } from '../../../src/core/api/methods/transferMethods'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { dispatch } from '../../../src/main/backend/dispatch'
import { applyImport, prepareImport } from '../../../src/main/backend/services/transferImport'
import { demoBackendPerTest } from '../helpers/demoBackendPerTest'
import { presetLabel } from '../../../src/core/transfer/presetLabel'

const t = demoBackendPerTest()

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/monitoring', `${name}.csv`), 'utf8')
const input = (preset: string, text: string, extra: Partial<ImportInput> = {}): ImportInput => ({
  kind: 'conversation', fileName: `${preset}.csv`, data: Buffer.from(text, 'utf8').toString('base64'), preset, zone: 'UTC', ...extra
})
const count = (b: Backend) => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM conversation WHERE deleted_at IS NULL`)?.n ?? -1
const byUrl = (b: Backend, url: string) => b.db.get<Record<string, unknown>>(sql`SELECT * FROM conversation WHERE url = ${url} AND deleted_at IS NULL`)

describe('conversations from monitoring tools’ exports', () => {
  for (const preset of ['hootsuite-streams', 'sprout', 'brandwatch', 'mention', 'talkwalker']) {
    it(`${preset}: its export imports as new questions, and the same file again adds nothing`, async () => {
      const before = count(t.b)
      const p = await prepareImport(t.b, input(preset, fixture(preset)))
      expect(p.allProblems).toEqual([])
      // The tool's own name, never the preset's id ("Hootsuite Streams columns", not "hootsuite-streams columns").
      expect(p.source?.summary).toContain(`${presetLabel(preset)} columns`)
      expect(p.source?.summary).not.toContain(preset === 'mention' ? 'mention columns' : preset)
      expect(await applyImport(t.b, input(preset, fixture(preset)))).toEqual({ created: 3, updated: 0, unchanged: 0, tx: expect.any(String) })
      expect(count(t.b)).toBe(before + 3)
      const again = await prepareImport(t.b, input(preset, fixture(preset)))
      expect(again.duplicates).toHaveLength(3)
      expect(again.duplicates?.[0]?.reason).toMatch(/already in the workspace: same URL/)
      expect(await applyImport(t.b, input(preset, fixture(preset)))).toEqual({ created: 0, updated: 0, unchanged: 0, tx: null })
      expect(count(t.b)).toBe(before + 3)
    })
  }

  it('reads each tool’s columns into the conversation: date, author, text, sentiment words and numbers, network', async () => {
    await applyImport(t.b, input('talkwalker', fixture('talkwalker')))
    const news = byUrl(t.b, 'https://news.example.de/atlas-rueckruf')
    expect(news).toMatchObject({ author: 'Lena Vogt', sentiment: 'negative', type: 'question', state: 'new', language: 'de', network: 'ONLINENEWS' })
    expect(news?.occurred_at).toBe('2026-11-20T15:30:00Z')
    expect(String(news?.summary)).toMatch(/^Berichte über einen möglichen Rückruf/)
    expect(byUrl(t.b, 'https://www.youtube.com/watch?v=atlas00001')).toMatchObject({ sentiment: 'positive' })
    await applyImport(t.b, input('sprout', fixture('sprout'), { set: { type: 'complaint' } }))
    const late = byUrl(t.b, 'https://x.com/plant_mgr_lee/status/1860000000000000012')
    expect(late).toMatchObject({ author: '@plant_mgr_lee', sentiment: 'negative', type: 'complaint' })
    expect(late?.occurred_at).toBe('2026-11-23T13:47:00Z')
    // X is one of the demo's channels: matched. LinkedIn could be two of them, Facebook none: kept as the network.
    expect(late?.channel_id).not.toBeNull()
    expect(byUrl(t.b, 'https://www.linkedin.com/feed/update/urn:li:activity:7270000000000000011')).toMatchObject({ channel_id: null, network: 'LinkedIn' })
    expect(byUrl(t.b, 'https://www.facebook.com/atlasindustrial/posts/101000000000013')).toMatchObject({ channel_id: null, network: 'Facebook', sentiment: 'positive' })
  })

  it('a text longer than the summary holds is cut with an ellipsis, and the preview says so', async () => {
    const long = 'x'.repeat(2500)
    const text = `Date,Title,URL,Description,Source Type,Author,Language,Tone\n2026-11-15 09:00,,https://example.com/long,"${long}",blogs,A. Writer,en,positive\n`
    const p = await prepareImport(t.b, input('mention', text))
    expect(p.allProblems).toEqual([])
    expect(p.source?.summary).toContain('1 text longer than 2,000 characters cut with … (row 2)')
    await applyImport(t.b, input('mention', text))
    const s = String(byUrl(t.b, 'https://example.com/long')?.summary)
    expect(s).toHaveLength(2000)
    expect(s.endsWith('…')).toBe(true)
  })

  it('rows without URL or date are listed by line and nothing is imported; the same URL twice in a file is a duplicate', async () => {
    const before = count(t.b)
    const text = 'Date,Network,Author,Message,Link\n2026-11-02 09:14,LinkedIn,Dana,Hello?,https://example.com/a\n2026-11-02 10:00,LinkedIn,Bo,No link here,\n,LinkedIn,Cy,No date,https://example.com/c\n'
    await expect(applyImport(t.b, input('hootsuite-streams', text))).rejects.toThrow(/Nothing was imported/)
    const p = await prepareImport(t.b, input('hootsuite-streams', text))
    expect(p.allProblems.map((x) => [x.row, x.column])).toEqual([[3, 'Link'], [4, 'Date']])
    expect(count(t.b)).toBe(before)
    const twice = 'Date,Network,Author,Message,Link\n2026-11-02 09:14,LinkedIn,Dana,Hello?,https://example.com/a\n2026-11-03 09:14,LinkedIn,Dana,Hello again,https://EXAMPLE.com/a/\n'
    const d = await prepareImport(t.b, input('hootsuite-streams', twice))
    expect(d.duplicates).toEqual([{ row: 3, reason: 'repeats row 2: same URL https://EXAMPLE.com/a/; skipped' }])
    expect(await applyImport(t.b, input('hootsuite-streams', twice, { duplicates: 'keep' }))).toMatchObject({ created: 2 })
  })

  it('a column the person maps for one source is mapped so again for that source’s next export, whatever its other columns', async () => {
    await applyImport(t.b, input('mention', fixture('mention'), { mapping: { Title: 'topic' } }))
    expect(byUrl(t.b, 'https://blog.factoryfloor.example/2026/11/atlas-webinar-recap')?.topic).toBe('Atlas webinar recap')
    const next = 'Date,Title,URL,Description,Source Type,Author,Tone,Reach\n2026-12-01 10:00,Atlas pricing,https://example.com/next,"What does Atlas cost?",forums,Kim,neutral,120\n'
    await applyImport(t.b, input('mention', next))
    expect(byUrl(t.b, 'https://example.com/next')?.topic).toBe('Atlas pricing')
  })

  it('a whole import is one undo step', async () => {
    const before = count(t.b)
    await applyImport(t.b, input('brandwatch', fixture('brandwatch')))
    expect(count(t.b)).toBe(before + 3)
    const undo = await dispatch(t.b, 'history-undo', {})
    expect(undo.ok).toBe(true)
    expect(count(t.b)).toBe(before)
  })

  it('without a preset named (the import dialog), a tool’s export is recognised by its columns', async () => {
    for (const preset of ['hootsuite-streams', 'sprout', 'brandwatch', 'mention', 'talkwalker']) {
      const p = await prepareImport(t.b, { ...input(preset, fixture(preset)), preset: undefined })
      expect(p.source?.preset).toBe(preset)
      expect(p.allProblems).toEqual([])
    }
  })

  it('an unknown preset for the kind is refused with the kind’s presets named', async () => {
    await expect(prepareImport(t.b, input('later', fixture('mention')))).rejects.toThrow(/Unknown preset "later" for conversation; use one of generic, hootsuite-streams, sprout, brandwatch, mention, talkwalker/)
  })
})
