import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeckModel } from '../../../src/core/deck/buildDeckModel'
import { deckChartAlt } from '../../../src/core/deck/deckChartTable'
import { writePdf } from '../../../src/main/backend/deck/writePdf'
import { writePptx } from '../../../src/main/backend/deck/writePptx'
import { deckFixture } from '../../core/deck/deckFixture'

// The exported deck for people who cannot see it: alt text on every chart, real slide titles and a
// sensible reading order in the PPTX; a tagged PDF with a structure tree, headings and figure alt text.
const dir = mkdtempSync(join(tmpdir(), 'smo-deck-a11y-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const model = buildDeckModel(deckFixture())
const charts = model.slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'chart' ? [{ slide: s.number, chart: b.chart }] : [])))
const hasPoppler = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v pdfinfo'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

const xmlText = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

describe('the PPTX', () => {
  const slides: string[] = []
  beforeAll(async () => {
    const file = join(dir, 'deck.pptx')
    await writePptx(model, file)
    const zip = await JSZip.loadAsync(readFileSync(file))
    for (const s of model.slides) slides.push((await zip.file(`ppt/slides/slide${s.number}.xml`)?.async('string')) ?? '')
  })

  it('gives every chart alt text (descr) that reads out its numbers', () => {
    expect(charts.length).toBeGreaterThan(5)
    for (const { slide, chart } of charts) {
      const frames = [...(slides[slide - 1] ?? '').matchAll(/<p:graphicFrame>\s*<p:nvGraphicFramePr>\s*<p:cNvPr [^>]*descr="([^"]*)"/g)].map((m) => xmlText(m[1] ?? ''))
      expect(frames).toContain(deckChartAlt(chart))
    }
    // Not just the title: the numbers are in it.
    expect(deckChartAlt(charts.find((c) => c.chart.title === 'Hours per week by channel')?.chart ?? charts[0]!.chart)).toContain('Blog: 2026-Q3 (now) 6, 2026-Q4 (proposed) 9')
  })

  it('marks every table’s first row as its header row and names the table after its title', () => {
    let seen = 0
    model.slides.forEach((s, i) => {
      const xml = slides[i] ?? ''
      const titles = s.blocks.flatMap((b) => (b.kind === 'table' ? [b.title] : []))
      expect(xml).not.toContain('<a:tblPr/>')
      expect(xml.split('<a:tblPr firstRow="1"/>').length - 1).toBe(titles.length)
      const named = [...xml.matchAll(/name="Table \d+" descr="([^"]*)"/g)].map((m) => xmlText(m[1] ?? ''))
      expect(named.toSorted()).toEqual(titles.map((t) => `Table: ${t}`).toSorted())
      seen += titles.length
    })
    expect(seen).toBeGreaterThan(5)
  })

  it('puts each slide title in a title placeholder, first in reading order, and the footer last', () => {
    model.slides.forEach((s, i) => {
      const xml = slides[i] ?? ''
      const shapes = [...xml.matchAll(/<p:(sp|graphicFrame)>[\s\S]*?<\/p:\1>/g)].map((m) => m[0])
      expect(shapes[0]).toMatch(/<p:ph[^>]*type="title"/)
      expect(xmlText(shapes[0] ?? '')).toContain(s.title)
      const texts = shapes.map((sh) => xmlText([...sh.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('')))
      expect(texts[1]).toBe(s.subtitle)
      const footer = texts.findIndex((t) => t === `${s.date} · SMO Desk`)
      // Only the slide number (a field) may follow the footer.
      expect(footer).toBeGreaterThanOrEqual(shapes.length - 2)
      // The decorative rule lives on the layout, not among the slide's shapes.
      expect(xml).not.toContain('prst="line"')
    })
  })
})

/** The literal strings after a key in the PDF's (uncompressed) object dictionaries, decoded. */
function pdfStrings(pdf: Buffer, key: string): string[] {
  const raw = pdf.toString('latin1')
  const out: string[] = []
  for (let at = raw.indexOf(`/${key} (`); at !== -1; at = raw.indexOf(`/${key} (`, at + 1)) {
    let s = ''
    let i = at + key.length + 3
    for (; raw[i] !== ')'; i++) {
      if (raw[i] !== '\\') {
        s += raw[i]
        continue
      }
      i++
      const c = raw[i] ?? ''
      s += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c
    }
    out.push(s.startsWith('\xfe\xff') ? Buffer.from(s.slice(2), 'latin1').swap16().toString('utf16le') : s)
  }
  return out
}

describe('the PDF', () => {
  let pdf: Buffer
  const file = join(dir, 'deck.pdf')
  beforeAll(async () => {
    await writePdf(model, file)
    pdf = readFileSync(file)
  })

  it('is tagged, in English, and shows its title rather than the file name', () => {
    const raw = pdf.toString('latin1')
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/)
    expect(raw).toMatch(/\/Marked true/)
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/)
    expect(pdfStrings(pdf, 'Lang')).toContain('en-US')
    expect(raw).toMatch(/\/DisplayDocTitle true/)
    if (hasPoppler) expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Tagged:\s+yes/)
  })

  it('gives every chart a figure whose alt text reads out its numbers', () => {
    expect(pdfStrings(pdf, 'Alt').sort()).toEqual(charts.map((c) => deckChartAlt(c.chart)).sort())
  })

  it.skipIf(!hasPoppler)('reads in order: a section per slide, its title as a heading, tables with column headers; footers are not content', () => {
    const tree = execFileSync('pdfinfo', ['-struct-text', file]).toString()
    const sections = [...tree.matchAll(/^ {2}Sect "([^"]*)"/gm)].map((m) => m[1])
    expect(sections).toEqual([...model.slides.map((s) => `Slide ${s.number}: ${s.title}`), 'Speaker notes'])
    const headings = [...tree.matchAll(/^ {4}H([12]) \(block\)\n\s+"([^"]*)"/gm)].map((m) => `H${m[1]} ${m[2]}`)
    expect(headings.slice(0, model.slides.length)).toEqual(model.slides.map((s, i) => `${i === 0 ? 'H1' : 'H2'} ${s.title}`))
    expect(tree.match(/^\s+Figure:/gm)?.length).toBe(charts.length)
    const tables = model.slides.flatMap((s) => s.blocks.filter((b) => b.kind === 'table')).length
    expect(tree.match(/^\s+Table \(block\)/gm)?.length).toBe(tables)
    expect(tree).toContain('/Scope /Column')
    // Footer and slide numbers are artifacts: present on the page, absent from the reading order.
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('· SMO Desk')
    expect(tree).not.toContain('· SMO Desk')
  })
})
