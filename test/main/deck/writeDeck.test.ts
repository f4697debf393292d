import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDeckModel } from '../../../src/core/deck/buildDeckModel'
// oxlint-disable-next-line typescript/triple-slash-reference
/// <reference path="../../../src/main/backend/deck/fontkit.d.ts" />
import { openSync } from 'fontkit'
import { resolveFontDir, writePdf } from '../../../src/main/backend/deck/writePdf'
import { writePptx } from '../../../src/main/backend/deck/writePptx'
import { deckFixture } from '../../core/deck/deckFixture'

const dir = mkdtempSync(join(tmpdir(), 'smo-deck-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const model = buildDeckModel(deckFixture())
const has = (cmd: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('writePptx', () => {
  const file = join(dir, 'review.pptx')

  it('writes a valid OOXML package: one slide per model slide, titles, native charts, speaker notes', async () => {
    const progress: number[] = []
    await writePptx(model, file, (f) => progress.push(f))
    expect(progress.at(-1)).toBe(1)
    expect(progress.every((p, i) => i === 0 || p >= (progress[i - 1] ?? 0))).toBe(true)

    const zip = await JSZip.loadAsync(readFileSync(file))
    const names = Object.keys(zip.files)
    expect(names).toContain('[Content_Types].xml')
    expect(names).toContain('ppt/presentation.xml')
    const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    expect(slides).toHaveLength(model.slides.length)
    const types = await zip.file('[Content_Types].xml')?.async('string')
    for (let i = 1; i <= model.slides.length; i++) expect(types).toContain(`/ppt/slides/slide${i}.xml`)

    for (const s of model.slides) {
      const xml = (await zip.file(`ppt/slides/slide${s.number}.xml`)?.async('string')) ?? ''
      expect(xml).toContain(escapeXml(s.title))
      expect(xml).toContain('type="sldNum"')
      const notes = (await zip.file(`ppt/notesSlides/notesSlide${s.number}.xml`)?.async('string')) ?? ''
      expect(notes).toContain(escapeXml(s.speakerNotes.split('\n')[0] ?? ''))
    }
    const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
    const expectedCharts = model.slides.flatMap((s) => s.blocks.filter((b) => b.kind === 'chart')).length
    expect(charts).toHaveLength(expectedCharts)
    const chartXml = await Promise.all(charts.map((n) => zip.file(n)?.async('string') ?? ''))
    expect(chartXml.some((x) => x.includes('<c:lineChart>'))).toBe(true)
    expect(chartXml.some((x) => x.includes('<c:barChart>'))).toBe(true)
    expect(chartXml.some((x) => x.includes('<c:scatterChart>'))).toBe(true)
    // Each native chart carries its data workbook, which is what makes it editable in PowerPoint.
    expect(names.filter((n) => n.startsWith('ppt/embeddings/') && n.endsWith('.xlsx'))).toHaveLength(expectedCharts)
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('stores its parts compressed (pptxgenjs left them stored, 1.43 MB for the demo deck)', async () => {
    await writePptx(model, file)
    const bytes = readFileSync(file)
    // Walk the zip's local file headers: method 8 is DEFLATE, 0 is STORE.
    const methods = new Map<string, number>()
    for (let at = 0; bytes.readUInt32LE(at) === 0x04034b50; ) {
      const size = bytes.readUInt32LE(at + 18)
      const nameLen = bytes.readUInt16LE(at + 26)
      const extra = bytes.readUInt16LE(at + 28)
      methods.set(bytes.subarray(at + 30, at + 30 + nameLen).toString('utf8'), bytes.readUInt16LE(at + 8))
      at += 30 + nameLen + extra + size
    }
    const xml = [...methods].filter(([n]) => n.endsWith('.xml'))
    expect(xml.length).toBeGreaterThan(model.slides.length)
    expect(xml.filter(([, m]) => m !== 8)).toEqual([])
  })

  it('leaves no file behind when the path cannot be written', async () => {
    const bad = join(dir, 'missing-folder', 'review.pptx')
    await expect(writePptx(model, bad)).rejects.toThrow(/^Cannot write .*missing-folder\/review\.pptx \(ENOENT/)
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('keeps the old file intact when a new export fails', async () => {
    const target = join(dir, 'keep.pptx')
    writeFileSync(target, 'old deck')
    const broken = { ...model, slides: [{ ...model.slides[0], blocks: [{ kind: 'chart' as const, chart: null as never }] }] } as typeof model
    await expect(writePptx(broken, target)).rejects.toThrow()
    expect(readFileSync(target, 'utf8')).toBe('old deck')
  })
})

describe('writePdf', () => {
  const file = join(dir, 'review.pdf')

  it('writes one page per slide with the slide text, in any script', async () => {
    const progress: number[] = []
    await writePdf(model, file, { onProgress: (f) => progress.push(f) })
    expect(progress.at(-1)).toBe(1)
    const bytes = readFileSync(file)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    // Count page objects directly, so the check holds without poppler too: the slides, then the notes pages.
    const pageCount = bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0
    expect(pageCount).toBeGreaterThan(model.slides.length)
    // Speaker notes are pages, never note annotations (readers drew them as sticky-note icons).
    expect(bytes.toString('latin1')).not.toMatch(/\/Subtype \/Text\b/)
    if (!has('pdftotext')) return
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(new RegExp(`Pages:\\s+${pageCount}\\n`))
    const pages = execFileSync('pdftotext', ['-layout', file, '-']).toString().split('\f')
    model.slides.forEach((s, i) => {
      const text = (pages[i] ?? '').replace(/\s+/g, ' ')
      expect(text).toContain(s.title.slice(0, 30))
      expect(text).toMatch(new RegExp(`\\b${s.number}\\b`))
    })
    const all = pages.join(' ').replace(/\s+/g, ' ')
    expect(all).toContain('Дмитрий Ковалёв: Identified → Engaged')
    expect(all).toContain('130 leads (2026-09-30)')
    expect(all).toContain('Start a support rotation in October.')
    expect(all).toContain(model.inputHash.slice(0, 32))
    // Chart text comes from the ECharts SVG, drawn as vectors with the embedded font.
    expect(all).toContain('KPI units per hour of effort')
    const notes = pages.slice(model.slides.length).join(' ').replace(/\s+/g, ' ')
    expect(notes).toContain('Speaker notes')
    expect(notes).toContain(`Slide 2 · Executive summary`)
    expect(notes).toContain('Biggest win: the goal of 2026-Q3 furthest along')
  })

  it('drops characters the font cannot draw (emoji) and keeps the words around them', async () => {
    // The fixture's goal note reads "The buyer’s guide did most of it 🚀".
    expect(JSON.stringify(model)).toContain('most of it 🚀')
    await writePdf(model, file)
    if (!has('pdftotext')) return
    const text = execFileSync('pdftotext', [file, '-']).toString()
    expect(text.replace(/\s+/g, ' ')).toContain('Team note: The buyer’s guide did most of it')
    // Every character that reached the page has a glyph in the embedded font: no empty boxes.
    const font = openSync(join(resolveFontDir(), 'DejaVuSans.ttf'))
    const missing = [...new Set(text)].filter((ch) => !/\s/.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0))
    expect(missing).toEqual([])
    expect(text).not.toContain('🚀')
  })

  it('leaves no file behind when the path cannot be written', async () => {
    const bad = join(dir, 'nope', 'review.pdf')
    await expect(writePdf(model, bad)).rejects.toThrow(/^Cannot write .*nope\/review\.pdf/)
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}
