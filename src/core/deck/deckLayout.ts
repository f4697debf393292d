import type { DeckBlock, DeckSlide } from './deckModel'

/**
 * Where each part of a slide goes, in inches on a 16:9 page (13.333 × 7.5). The PPTX writer, the PDF
 * writer and the Review screen's preview share it, so the three look alike. Heights are estimates from
 * line counts; the writers shrink text to fit the box they are given.
 */
export type Box = { x: number; y: number; w: number; h: number }
export type PlacedBlock = { block: DeckBlock; box: Box }
export type SlideLayout = {
  title: Box
  subtitle: Box
  footer: Box
  number: Box
  empty: Box | null
  blocks: PlacedBlock[]
}

export const PAGE = { w: 13.333, h: 7.5 }
export const FONT = { title: 26, coverTitle: 36, subtitle: 12, body: 14, emphasis: 20, table: 11, tableTitle: 12, footer: 10 }
/** One line of body text or one table row, in inches. */
export const LINE = { text: 0.34, row: 0.3 }

const MARGIN = 0.5
const TOP = 1.5
const BOTTOM = 6.9
const GAP = 0.2

export function estimateHeight(b: DeckBlock): number {
  switch (b.kind) {
    case 'text':
      return b.lines.length * LINE.text + 0.1
    case 'note':
      return (b.lines.length + 1) * LINE.text + 0.2
    case 'table':
      return (b.rows.length + 2 + (b.footnote === null ? 0 : 1)) * LINE.row
    case 'chart':
      return 4
  }
}

/** Stack boxes down a column; each gets its estimated height, scaled down together when they overflow. */
function stack(blocks: readonly DeckBlock[], x: number, y: number, w: number, bottom: number): PlacedBlock[] {
  if (blocks.length === 0) return []
  const room = bottom - y - GAP * (blocks.length - 1)
  const wanted = blocks.map(estimateHeight)
  const sum = wanted.reduce((a, b) => a + b, 0)
  const scale = sum > room ? room / sum : 1
  let cy = y
  return blocks.map((block, i) => {
    const h = (wanted[i] ?? 0) * scale
    const placed = { block, box: { x, y: cy, w, h } }
    cy += h + GAP
    return placed
  })
}

export function deckLayout(slide: DeckSlide): SlideLayout {
  const cover = slide.key === 'title'
  const width = PAGE.w - 2 * MARGIN
  const base = {
    title: cover ? { x: MARGIN, y: 1.9, w: width, h: 1.5 } : { x: MARGIN, y: 0.3, w: width, h: 0.75 },
    subtitle: cover ? { x: MARGIN, y: 3.6, w: width, h: 0.45 } : { x: MARGIN, y: 1.0, w: width, h: 0.4 },
    footer: { x: MARGIN, y: 7.0, w: 6, h: 0.3 },
    number: { x: PAGE.w - MARGIN - 1.5, y: 7.0, w: 1.5, h: 0.3 }
  }
  let top = cover ? 4.2 : TOP
  let empty: Box | null = null
  if (slide.emptyMessage !== null) {
    empty = { x: MARGIN, y: top + 0.4, w: width, h: 0.9 }
    top += 1.6
  }
  const chart = slide.blocks.find((b) => b.kind === 'chart')
  const others = slide.blocks.filter((b) => b !== chart)
  if (chart === undefined) return { ...base, empty, blocks: stack(others, MARGIN, top, width, BOTTOM) }
  if (others.length === 0) return { ...base, empty, blocks: [{ block: chart, box: { x: MARGIN, y: top, w: width, h: BOTTOM - top } }] }
  // A chart and companions: the chart takes the left 57 %, the tables and text stack on the right.
  const chartW = width * 0.57
  return {
    ...base,
    empty,
    blocks: [
      { block: chart, box: { x: MARGIN, y: top, w: chartW, h: BOTTOM - top } },
      ...stack(others, MARGIN + chartW + 0.3, top, width - chartW - 0.3, BOTTOM)
    ]
  }
}

/** Average advance of a character, in ems, taken generously (Arial's digits are 0.556 em, capitals more). */
const CHAR_EM = 0.58
/** Cell padding left and right, inches. */
export const CELL_PAD = 0.06
const MIN_TABLE_FONT = 8

export type FittedTable = { fontSize: number; labels: string[]; rows: string[][] }

/**
 * A table whose every cell fits its column on one line, so no viewer wraps a row and pushes the table
 * out of its box: the font shrinks from the table size down to 8 pt, and only text still too long at
 * 8 pt is shortened with an ellipsis. Both writers draw what this returns.
 */
export function fitTable(t: Extract<DeckBlock, { kind: 'table' }>, width: number, maxSize: number = FONT.table): FittedTable {
  const total = t.columns.reduce((a, c) => a + c.width, 0)
  const inner = t.columns.map((c) => (width * c.width) / total - 2 * CELL_PAD - 0.04)
  const longest = t.columns.map((c, i) => Math.max(c.label.length * 1.08, ...t.rows.map((r) => (r[i] ?? '').length)))
  const perChar = (size: number): number => (CHAR_EM * size) / 72
  let size = maxSize
  while (size > MIN_TABLE_FONT && longest.some((n, i) => n * perChar(size) > (inner[i] ?? 0))) size -= 0.5
  const room = inner.map((w) => Math.max(1, Math.floor(w / perChar(size))))
  const cut = (text: string, i: number): string => {
    const n = room[i] ?? 1
    return text.length <= n ? text : `${text.slice(0, Math.max(1, n - 1)).trimEnd()}…`
  }
  return { fontSize: size, labels: t.columns.map((c, i) => cut(c.label, i)), rows: t.rows.map((r) => r.map(cut)) }
}
