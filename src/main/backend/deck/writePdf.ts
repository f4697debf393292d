// The test tsconfig includes test files only; this pulls in the local types of svg-to-pdfkit (which ships none).
// oxlint-disable-next-line typescript/triple-slash-reference
/// <reference path="./svg-to-pdfkit.d.ts" />
import { createWriteStream, existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import PDFDocument from 'pdfkit'
import SVGtoPDF from 'svg-to-pdfkit'
import { deckChartAlt } from '../../../core/deck/deckChartTable'
import { deckLayout, fitTable, FONT, type Box } from '../../../core/deck/deckLayout'
import type { DeckBlock, DeckModel, DeckSlide } from '../../../core/deck/deckModel'
import { atomicWrite } from './atomicWrite'
import { chartSvg } from './chartSvg'
import { deckTheme } from './deckTheme'
import { artifact, group, tag, type Struct } from './pdfTags'
import { mapModelText, printableText } from './printableText'
import type { DeckProgress } from './writePptx'
import { packageRoot } from '../packageRoot'

export type WritePdfOptions = {
  /** Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf; found next to the app when left out. */
  fontDir?: string
  onProgress?: DeckProgress
}

const PT = 72 // points per inch: the layout is in inches, pdfkit draws in points
const REGULAR = 'Deck'
const BOLD = 'Deck-Bold'
const hex = (c: string): string => `#${c}`
const T = deckTheme

/**
 * Writes the deck as a PDF in plain Node (no Electron, no browser), so `smo deck --pdf` works on any
 * machine: pdfkit for the pages, ECharts SSR SVG drawn as vectors by svg-to-pdfkit for the charts,
 * and an embedded DejaVu Sans so names in Cyrillic, Greek and other scripts render (pdfkit's built-in
 * fonts stop at Latin-1). Characters the font lacks (emoji) are left out rather than printed as empty
 * boxes. Speaker notes follow the slides as "Speaker notes" pages, one section per slide (PDF readers
 * showed the old note annotations as sticky-note icons on every page).
 *
 * The PDF is tagged, so a screen reader reads it in order and knows what each part is: a section per
 * slide with its title as a heading, paragraphs and lists, tables with header cells, each chart a
 * figure whose alt text gives its numbers; footers, slide numbers, rules and fills are artifacts.
 */
export async function writePdf(source: DeckModel, file: string, options: WritePdfOptions = {}): Promise<void> {
  const onProgress = options.onProgress ?? (() => undefined)
  const fontDir = resolveFontDir(options.fontDir)
  const model = mapModelText(source, printableText(join(fontDir, 'DejaVuSans.ttf')))
  await atomicWrite(file, async (tmp) => {
    const doc = new PDFDocument({
      size: [13.333 * PT, 7.5 * PT],
      margin: 0,
      autoFirstPage: false,
      compress: true,
      pdfVersion: '1.7',
      tagged: true,
      // Slides are written in English whatever the machine's locale (see core/deck/format.ts).
      lang: 'en-US',
      displayTitle: true,
      info: {
        Title: `${model.workspaceName}: quarterly review ${model.quarter}`,
        Author: 'SMO Desk',
        Subject: `Quarterly review ${model.quarter}; input ${model.inputHash}`,
        CreationDate: new Date(model.generatedAt)
      }
    })
    doc.registerFont(REGULAR, join(fontDir, 'DejaVuSans.ttf'))
    doc.registerFont(BOLD, join(fontDir, 'DejaVuSans-Bold.ttf'))
    const out = createWriteStream(tmp, { flags: 'wx' })
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve)
      out.on('error', reject)
      doc.on('error', reject)
    })
    doc.pipe(out)
    const root = doc.struct('Document')
    doc.addStructure(root)
    model.slides.forEach((s, i) => {
      drawSlide(doc, root, s)
      onProgress((0.85 * (i + 1)) / model.slides.length, `Page ${s.number}: ${s.title}`)
    })
    drawNotes(doc, root, model)
    root.end()
    onProgress(0.95, 'Speaker notes')
    doc.end()
    await done
  })
  onProgress(1, 'Done')
}

export function resolveFontDir(explicit?: string): string {
  const here = fileURLToPath(new URL('.', import.meta.url))
  const resources = 'resourcesPath' in process && typeof process.resourcesPath === 'string' ? process.resourcesPath : null
  const candidates = [
    explicit,
    join(here, '../../../../resources/fonts'), // source tree (tests, tsx)
    join(packageRoot(), 'resources/fonts'), // built CLI and browser host (out/main/chunks)
    join(process.cwd(), 'resources/fonts'), // bundled main process run from the app folder
    resources === null ? undefined : join(resources, 'fonts') // packaged app
  ].filter((d): d is string => d !== undefined)
  const found = candidates.find((d) => existsSync(join(d, 'DejaVuSans.ttf')))
  if (found === undefined) throw new Error(`The deck font DejaVuSans.ttf was not found (looked in ${candidates.join(', ')})`)
  return found
}

/** One slide: a section whose reading order is title, subtitle, the empty-section sentence, then the blocks as laid out. */
function drawSlide(doc: PDFKit.PDFDocument, root: Struct, s: DeckSlide): void {
  doc.addPage()
  const L = deckLayout(s)
  const cover = s.key === 'title'
  const sect = group(doc, root, 'Sect', { title: `Slide ${s.number}: ${s.title}` })
  const b = (box: Box): { x: number; y: number; w: number; h: number } => ({ x: box.x * PT, y: box.y * PT, w: box.w * PT, h: box.h * PT })
  const title = b(L.title)
  const titleSize = fitSize(doc, BOLD, [s.title], title.w, title.h, cover ? FONT.coverTitle : FONT.title)
  const titleH = doc.font(BOLD).fontSize(titleSize).heightOfString(s.title, { width: title.w })
  // The cover's title is the document's heading; every other slide's title is a heading below it.
  tag(doc, sect, cover ? 'H1' : 'H2', () => {
    doc.fillColor(hex(T.ink)).text(s.title, title.x, cover ? title.y + title.h - titleH : title.y, { width: title.w, height: title.h, ellipsis: true })
  })
  const sub = b(L.subtitle)
  tag(doc, sect, 'P', () => {
    doc.font(REGULAR).fontSize(FONT.subtitle).fillColor(hex(T.muted)).text(s.subtitle, sub.x, sub.y, { width: sub.w, lineBreak: false, ellipsis: true })
  })
  artifact(doc, 'Layout', () => {
    doc.moveTo(sub.x, sub.y + sub.h).lineTo(sub.x + sub.w, sub.y + sub.h).lineWidth(1.5).strokeColor(hex(T.accent)).stroke()
  })
  if (L.empty !== null && s.emptyMessage !== null) {
    const e = b(L.empty)
    const text = s.emptyMessage
    tag(doc, sect, 'P', () => {
      doc.font(REGULAR).fontSize(FONT.emphasis).fillColor(hex(T.muted)).text(text, e.x, e.y, { width: e.w, height: e.h, ellipsis: true })
    })
  }
  for (const p of L.blocks) drawBlock(doc, sect, p.block, b(p.box))
  artifact(doc, 'Pagination', () => {
    const foot = b(L.footer)
    doc.font(REGULAR).fontSize(FONT.footer).fillColor(hex(T.muted)).text(`${s.date} · SMO Desk`, foot.x, foot.y, { width: foot.w, lineBreak: false })
    const num = b(L.number)
    doc.text(String(s.number), num.x, num.y, { width: num.w, align: 'right', lineBreak: false })
  })
  sect.end()
}

/**
 * The speaker notes as an appendix: "Slide N · title" then its notes, flowing over as many pages as
 * they need, with the usual header and footer so a printed copy stays readable.
 */
function drawNotes(doc: PDFKit.PDFDocument, root: Struct, model: DeckModel): void {
  const slides = model.slides.filter((s) => s.speakerNotes.trim() !== '')
  if (slides.length === 0) return
  const left = 0.5 * PT
  const width = (13.333 - 1) * PT
  const top = 1.5 * PT
  const bottom = 6.8 * PT
  let page = 0
  let y = bottom
  const sect = group(doc, root, 'Sect', { title: 'Speaker notes' })
  const newPage = (): void => {
    page += 1
    doc.addPage()
    // The heading once; on the pages after it, the repeated header is page furniture.
    const header = (): void => {
      doc.font(BOLD).fontSize(FONT.title).fillColor(hex(T.ink)).text(page === 1 ? 'Speaker notes' : 'Speaker notes (continued)', left, 0.3 * PT, { width, lineBreak: false })
    }
    if (page === 1) tag(doc, sect, 'H2', header)
    else artifact(doc, 'Pagination', header)
    artifact(doc, 'Pagination', () => {
      doc.font(REGULAR).fontSize(FONT.subtitle).fillColor(hex(T.muted)).text(model.slides[0]?.subtitle ?? '', left, 1.0 * PT, { width, lineBreak: false, ellipsis: true })
      doc.moveTo(left, 1.4 * PT).lineTo(left + width, 1.4 * PT).lineWidth(1.5).strokeColor(hex(T.accent)).stroke()
      doc.font(REGULAR).fontSize(FONT.footer).fillColor(hex(T.muted)).text(`${model.slides[0]?.date ?? ''} · SMO Desk · notes page ${page}`, left, 7.0 * PT, { width: 6 * PT, lineBreak: false })
    })
    y = top
  }
  for (const s of slides) {
    const heading = `Slide ${s.number} · ${s.title}`
    doc.font(BOLD).fontSize(12)
    const headH = doc.heightOfString(heading, { width })
    if (y + headH + 14 > bottom) newPage()
    const at = y
    // newPage() may have changed the font; the heading is bold 12 pt again.
    tag(doc, sect, 'H3', () => doc.font(BOLD).fontSize(12).fillColor(hex(T.ink)).text(heading, left, at, { width }))
    y += headH + 2
    for (const para of s.speakerNotes.split('\n')) {
      doc.font(REGULAR).fontSize(10)
      const h = doc.heightOfString(para, { width })
      if (y + h > bottom) newPage()
      const py = y
      tag(doc, sect, 'P', () => doc.font(REGULAR).fontSize(10).fillColor(hex(T.ink)).text(para, left, py, { width }))
      y += h + 2
    }
    y += 8
  }
  sect.end()
}

/** Largest size ≤ max (down to 7 pt) at which the lines fit the box. */
function fitSize(doc: PDFKit.PDFDocument, font: string, lines: readonly string[], w: number, h: number, max: number, gap = 0): number {
  for (let size = max; size > 7; size -= 0.5) {
    doc.font(font).fontSize(size)
    const need = lines.reduce((a, l) => a + doc.heightOfString(l, { width: w }) + gap, 0)
    if (need <= h) return size
  }
  return 7
}

function drawBlock(doc: PDFKit.PDFDocument, sect: Struct, block: DeckBlock, at: { x: number; y: number; w: number; h: number }): void {
  switch (block.kind) {
    case 'text': {
      const indent = 16
      const size = fitSize(doc, REGULAR, block.lines.map((l) => (l.level === 1 ? `•  ${l.text}` : l.text)), at.w - indent, at.h, FONT.body, 3)
      let y = at.y
      // Runs of indented lines are one list; the others are paragraphs.
      let list: Struct | null = null
      for (const l of block.lines) {
        const x = l.level === 1 ? at.x + indent : at.x
        const text = l.level === 1 ? `•  ${l.text}` : l.text
        const font = l.bold === true ? BOLD : REGULAR
        doc.font(font).fontSize(size)
        const h = doc.heightOfString(text, { width: at.w - (x - at.x) })
        if (y + h > at.y + at.h + 1) break
        const ly = y
        const draw = (): void => void doc.font(font).fontSize(size).fillColor(hex(T.ink)).text(text, x, ly, { width: at.w - (x - at.x) })
        if (l.level === 1) {
          list ??= group(doc, sect, 'L')
          const item = group(doc, list, 'LI')
          tag(doc, item, 'LBody', draw)
          item.end()
        } else {
          list?.end()
          list = null
          tag(doc, sect, 'P', draw)
        }
        y += h + 3
      }
      list?.end()
      return
    }
    case 'note': {
      artifact(doc, 'Layout', () => doc.rect(at.x, at.y, at.w, at.h).fillAndStroke(hex(T.noteFill), hex(T.accent)))
      const lines = [block.title, ...block.lines]
      const size = fitSize(doc, REGULAR, lines, at.w - 12, at.h - 12, FONT.table, 2)
      const note = group(doc, sect, 'Div')
      let y = at.y + 6
      lines.forEach((l, i) => {
        const ly = y
        const font = i === 0 ? BOLD : REGULAR
        tag(doc, note, i === 0 ? 'H3' : 'P', () => doc.font(font).fontSize(size).fillColor(hex(T.ink)).text(l, at.x + 6, ly, { width: at.w - 12 }))
        y += doc.heightOfString(l, { width: at.w - 12 }) + 2
      })
      note.end()
      return
    }
    case 'table':
      drawTable(doc, sect, block, at)
      return
    case 'chart': {
      // The SVG is laid out in CSS pixels at the box's size; svg-to-pdfkit scales px to pt.
      const svg = chartSvg(block.chart, Math.round((at.w * 96) / PT), Math.round((at.h * 96) / PT))
      const draw = (): void => SVGtoPDF(doc, svg, at.x, at.y, { width: at.w, height: at.h, fontCallback: (_f, bold) => (bold ? BOLD : REGULAR) })
      tag(doc, sect, 'Figure', draw, { alt: deckChartAlt(block.chart), bbox: [at.x, at.y, at.x + at.w, at.y + at.h], placement: 'Block' })
    }
  }
}

/** A table: its title as the caption, header cells that head their columns, fills and rules as artifacts. */
function drawTable(doc: PDFKit.PDFDocument, sect: Struct, t: Extract<DeckBlock, { kind: 'table' }>, at: { x: number; y: number; w: number; h: number }): void {
  const rowH = Math.min(0.3 * PT, at.h / (t.rows.length + 2 + (t.footnote === null ? 0 : 1)))
  const fitted = fitTable(t, at.w / PT, rowH < 0.3 * PT ? Math.max(7, FONT.table * (rowH / (0.3 * PT))) : FONT.table)
  const size = fitted.fontSize
  const table = group(doc, sect, 'Table')
  tag(doc, table, 'Caption', () => {
    doc.font(BOLD).fontSize(FONT.tableTitle).fillColor(hex(T.ink)).text(t.title, at.x, at.y + (rowH - FONT.tableTitle) / 2, { width: at.w, lineBreak: false, ellipsis: true })
  })
  const total = t.columns.reduce((a, c) => a + c.width, 0)
  const widths = t.columns.map((c) => (at.w * c.width) / total)
  const rows = [fitted.labels, ...fitted.rows]
  rows.forEach((r, ri) => {
    const y = at.y + rowH * (ri + 1)
    const fill = ri === 0 ? T.headFill : ri % 2 === 0 ? T.stripe : T.background
    artifact(doc, 'Layout', () => doc.rect(at.x, y, at.w, rowH).fill(hex(fill)))
    const tr = group(doc, table, 'TR')
    let x = at.x
    r.forEach((cell, ci) => {
      const w = widths[ci] ?? 0
      const cx = x
      // A cell shortened with an ellipsis to fit still reads in full.
      const full = ri === 0 ? (t.columns[ci]?.label ?? cell) : (t.rows[ri - 1]?.[ci] ?? cell)
      const actual = full === cell ? {} : { actual: full }
      const draw = (): void => {
        doc.font(ri === 0 ? BOLD : REGULAR).fontSize(size).fillColor(hex(T.ink))
        doc.text(cell, cx + 4, y + (rowH - size * 1.15) / 2, { width: w - 8, align: t.columns[ci]?.align ?? 'left', lineBreak: false, ellipsis: true, height: rowH })
      }
      tag(doc, tr, ri === 0 ? 'TH' : 'TD', draw, ri === 0 ? { scope: 'Column', ...actual } : actual)
      x += w
    })
    tr.end()
    artifact(doc, 'Layout', () => doc.moveTo(at.x, y + rowH).lineTo(at.x + at.w, y + rowH).lineWidth(0.5).strokeColor(hex(T.rule)).stroke())
  })
  table.end()
  if (t.footnote !== null) {
    const y = at.y + rowH * (rows.length + 1) + 2
    const note = t.footnote
    tag(doc, sect, 'P', () => doc.font(REGULAR).fontSize(size - 1).fillColor(hex(T.muted)).text(note, at.x, y, { width: at.w, lineBreak: false, ellipsis: true }))
  }
}
