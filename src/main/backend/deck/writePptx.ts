import PptxGenJS from 'pptxgenjs'
import { CELL_PAD, deckLayout, fitTable, FONT, type Box } from '../../../core/deck/deckLayout'
import { deckChartAlt } from '../../../core/deck/deckChartTable'
import type { DeckBlock, DeckChart, DeckModel, DeckSlide } from '../../../core/deck/deckModel'
import { atomicWriteBytes } from './atomicWrite'
import { deckTheme } from './deckTheme'
import { markTableHeaders } from './pptxTableHeaders'

export type DeckProgress = (fraction: number, step: string) => void

/**
 * Writes the deck as an editable PowerPoint file: native charts (bar, line, scatter) PowerPoint,
 * Keynote, Google Slides and LibreOffice can restyle, plus titles, dates, slide numbers and speaker
 * notes. The file appears only when complete (temp file + rename).
 *
 * Accessible as PowerPoint's checker and screen readers expect: each slide's title is the layout's
 * title placeholder (so it is the slide's title in the outline and for a screen reader), every chart
 * carries alt text read from its numbers, and shapes are added in reading order — title, subtitle,
 * the content blocks, then the footer — with the decorative rule on the layout, out of the way —
 * and every table's first row is its header row.
 */
export async function writePptx(model: DeckModel, file: string, onProgress: DeckProgress = () => undefined): Promise<void> {
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = `${model.workspaceName}: quarterly review ${model.quarter}`
  pptx.subject = `Quarterly review ${model.quarter}`
  pptx.company = model.workspaceName
  pptx.author = 'SMO Desk'
  defineLayouts(pptx, model)
  model.slides.forEach((s, i) => {
    addSlide(pptx, s)
    onProgress((0.8 * (i + 1)) / model.slides.length, `Slide ${s.number}: ${s.title}`)
  })
  // pptxgenjs 4 honours `compression` only for its STREAM output (a Node Buffer): with 'uint8array'
  // it silently stored every part uncompressed (1.43 MB for the demo deck).
  const raw = await pptx.stream({ compression: true })
  if (!(raw instanceof Uint8Array)) throw new Error('pptxgenjs returned no bytes')
  const bytes = await markTableHeaders(raw, model)
  onProgress(0.9, 'Writing the file')
  await atomicWriteBytes(file, bytes)
  onProgress(1, 'Done')
}

const T = deckTheme
const FACE = T.pptxFont

const LAYOUT = { cover: 'SMO Desk cover', content: 'SMO Desk content' } as const

/** The title style, shared by the layout's placeholder and the text put in it. */
function titleStyle(cover: boolean) {
  return { fontFace: FACE, fontSize: cover ? FONT.coverTitle : FONT.title, bold: true, color: T.ink, valign: cover ? ('middle' as const) : ('top' as const), margin: 0 }
}

/**
 * Two slide layouts (cover and content), each with a title placeholder where deckLayout puts the
 * title and the accent rule under the subtitle. Layout shapes sit behind the slide's own and outside
 * its reading order, which is where a decorative line belongs.
 */
function defineLayouts(pptx: PptxGenJS, model: DeckModel): void {
  for (const cover of [true, false]) {
    const sample = model.slides.find((s) => (s.key === 'title') === cover)
    if (sample === undefined) continue
    const L = deckLayout(sample)
    pptx.defineSlideMaster({
      title: cover ? LAYOUT.cover : LAYOUT.content,
      background: { color: T.background },
      objects: [
        { line: { x: L.subtitle.x, y: L.subtitle.y + L.subtitle.h, w: L.subtitle.w, h: 0, line: { color: T.accent, width: 1.5 } } },
        { placeholder: { options: { name: 'title', type: 'title', ...box(L.title), ...titleStyle(cover) }, text: '' } }
      ]
    })
  }
}

function addSlide(pptx: PptxGenJS, s: DeckSlide): void {
  const cover = s.key === 'title'
  const slide = pptx.addSlide({ masterName: cover ? LAYOUT.cover : LAYOUT.content })
  const layout = deckLayout(s)
  slide.background = { color: T.background }
  // Reading order is the order shapes are added: title, subtitle, what the slide says, then the footer.
  slide.addText(s.title, { placeholder: 'title', ...box(layout.title), ...titleStyle(cover), fit: 'shrink' })
  slide.addText(s.subtitle, { ...box(layout.subtitle), fontFace: FACE, fontSize: FONT.subtitle, color: T.muted, valign: 'top', margin: 0 })
  if (layout.empty !== null && s.emptyMessage !== null) {
    slide.addText(s.emptyMessage, { ...box(layout.empty), fontFace: FACE, fontSize: FONT.emphasis, color: T.muted, italic: true, margin: 0 })
  }
  for (const p of layout.blocks) addBlock(pptx, slide, p.block, p.box)
  slide.addText(`${s.date} · SMO Desk`, { ...box(layout.footer), fontFace: FACE, fontSize: FONT.footer, color: T.muted, margin: 0 })
  slide.slideNumber = { x: layout.number.x, y: layout.number.y, w: layout.number.w, h: layout.number.h, fontFace: FACE, fontSize: FONT.footer, color: T.muted, align: 'right' }
  slide.addNotes(s.speakerNotes)
}

function box(b: Box): { x: number; y: number; w: number; h: number } {
  return { x: b.x, y: b.y, w: b.w, h: b.h }
}

function addBlock(pptx: PptxGenJS, slide: PptxGenJS.Slide, b: DeckBlock, at: Box): void {
  switch (b.kind) {
    case 'text':
      slide.addText(
        b.lines.map((l) => ({
          text: l.text,
          options: { bold: l.bold === true, bullet: l.level === 1 ? { indent: 14 } : false, indentLevel: l.level === 1 ? 1 : 0, breakLine: true, color: T.ink }
        })),
        { ...box(at), fontFace: FACE, fontSize: FONT.body, valign: 'top', fit: 'shrink', margin: 2, paraSpaceAfter: 3 }
      )
      return
    case 'note':
      slide.addText(
        [{ text: b.title, options: { bold: true, breakLine: true } }, ...b.lines.map((l) => ({ text: l, options: { breakLine: true } }))],
        { ...box(at), fontFace: FACE, fontSize: FONT.table, color: T.ink, fill: { color: T.noteFill }, line: { color: T.accent, width: 1 }, valign: 'top', fit: 'shrink', margin: 6 }
      )
      return
    case 'table':
      addTable(slide, b, at)
      return
    case 'chart':
      addChart(pptx, slide, b.chart, at)
  }
}

function addTable(slide: PptxGenJS.Slide, b: Extract<DeckBlock, { kind: 'table' }>, at: Box): void {
  const rowH = Math.min(0.3, at.h / (b.rows.length + 2 + (b.footnote === null ? 0 : 1)))
  const fitted = fitTable(b, at.w, rowH < 0.3 ? Math.max(7, FONT.table * (rowH / 0.3)) : FONT.table)
  const fontSize = fitted.fontSize
  slide.addText(b.title, { x: at.x, y: at.y, w: at.w, h: rowH, fontFace: FACE, fontSize: FONT.tableTitle, bold: true, color: T.ink, margin: 0, fit: 'shrink' })
  const total = b.columns.reduce((a, c) => a + c.width, 0)
  const head: PptxGenJS.TableRow = b.columns.map((c, ci) => ({ text: fitted.labels[ci] ?? c.label, options: { bold: true, align: c.align, fill: { color: T.headFill }, color: T.ink } }))
  const rows: PptxGenJS.TableRow[] = fitted.rows.map((r, ri) =>
    r.map((cell, ci) => ({ text: cell, options: { align: b.columns[ci]?.align ?? 'left', fill: { color: ri % 2 === 1 ? T.stripe : T.background }, color: T.ink } }))
  )
  slide.addTable([head, ...rows], {
    x: at.x,
    y: at.y + rowH,
    w: at.w,
    colW: b.columns.map((c) => (at.w * c.width) / total),
    rowH,
    fontFace: FACE,
    fontSize,
    // Inches: pptxgenjs reads a table margin as points only when its first value is 1 or more.
    margin: [0, CELL_PAD, 0, CELL_PAD],
    valign: 'middle',
    border: { type: 'solid', pt: 0.5, color: T.rule },
    autoPage: false
  })
  if (b.footnote !== null) {
    slide.addText(b.footnote, { x: at.x, y: at.y + rowH * (b.rows.length + 2), w: at.w, h: rowH, fontFace: FACE, fontSize: FONT.table - 1, italic: true, color: T.muted, margin: 0 })
  }
}

function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, c: DeckChart, at: Box): void {
  const common = {
    ...box(at),
    altText: deckChartAlt(c),
    showTitle: true,
    title: c.title,
    titleFontFace: FACE,
    titleFontSize: 13,
    titleColor: T.ink,
    showLegend: true,
    legendPos: 'b' as const,
    legendFontFace: FACE,
    legendFontSize: 10,
    catAxisLabelFontFace: FACE,
    catAxisLabelFontSize: 10,
    valAxisLabelFontFace: FACE,
    valAxisLabelFontSize: 10,
    chartColors: [...T.series]
  }
  if (c.type === 'scatter') {
    // pptxgenjs scatter data: the first series holds the X values, the next the Y values (with labels).
    slide.addChart(
      pptx.ChartType.scatter,
      [
        { name: c.xAxis, values: c.points.map((p) => p.x) },
        { name: 'Channels', values: c.points.map((p) => p.y), labels: c.points.map((p) => p.label) }
      ],
      {
        ...common,
        showLegend: false,
        lineSize: 0,
        lineDataSymbol: 'circle',
        lineDataSymbolSize: 10,
        showLabel: true,
        dataLabelFormatScatter: 'custom',
        dataLabelFontSize: 9,
        dataLabelPosition: 't',
        showValAxisTitle: true,
        valAxisTitle: c.yAxis,
        valAxisTitleFontSize: 10,
        showCatAxisTitle: true,
        catAxisTitle: c.xAxis,
        catAxisTitleFontSize: 10
      }
    )
    return
  }
  // A horizontal bar chart draws its first category at the bottom; reverse so the list reads top-down.
  const flip = c.type === 'bar' && c.horizontal === true
  const cats = flip ? c.categories.toReversed() : c.categories
  const data = c.series.map((s) => ({ name: s.name, labels: cats, values: flip ? s.values.toReversed() : s.values }))
  const axis = { showValAxisTitle: true, valAxisTitle: c.valueAxis, valAxisTitleFontSize: 10, valAxisTitleFontFace: FACE }
  if (c.type === 'bar') {
    slide.addChart(pptx.ChartType.bar, data, { ...common, ...axis, barDir: flip ? 'bar' : 'col', barGrouping: 'clustered', barGapWidthPct: 60 })
  } else {
    slide.addChart(pptx.ChartType.line, data, { ...common, ...axis, lineSize: 2, lineDataSymbol: 'circle', lineDataSymbolSize: 6, displayBlanksAs: 'gap' })
  }
}
