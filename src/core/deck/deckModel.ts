/**
 * The deck as plain data: what the Review screen previews and what the PPTX and PDF writers draw.
 * Every number is already formatted, so the three renderings show the same text; charts keep raw
 * numbers so PowerPoint's native charts stay editable.
 */
export type DeckModel = {
  workspaceName: string
  quarter: string
  previousQuarter: string
  /** '1 Jul – 30 Sep 2026' */
  quarterLabel: string
  asOf: string
  generatedAt: string
  /** The canonical input hash (SHA-256, hex) printed on the last slide. */
  inputHash: string
  slides: DeckSlide[]
}

export type DeckSlide = {
  /** Stable across builds and quarters ('title', 'summary', 'goal:<id>', …); notes attach to it. */
  key: string
  /** 1-based, as printed. */
  number: number
  title: string
  /** e.g. 'Acme marketing · 2026-Q3 · 1 Jul – 30 Sep 2026' */
  subtitle: string
  /** The generation day, 'YYYY-MM-DD', printed in the footer. */
  date: string
  blocks: DeckBlock[]
  speakerNotes: string
  /** Set when the section has no data; the slide then shows this sentence instead of charts. */
  emptyMessage: string | null
}

export type DeckTextLine = { text: string; level?: 0 | 1; bold?: boolean }

export type DeckBlock =
  | { kind: 'text'; lines: DeckTextLine[] }
  | { kind: 'table'; title: string; columns: DeckColumn[]; rows: string[][]; footnote: string | null }
  | { kind: 'chart'; chart: DeckChart }
  | { kind: 'note'; title: string; lines: string[] }

export type DeckColumn = { label: string; align: 'left' | 'right'; /** relative width */ width: number }

export type DeckChart =
  | {
      type: 'bar' | 'line'
      title: string
      categories: string[]
      series: { name: string; values: (number | null)[] }[]
      /** Label of the value axis, with its unit. */
      valueAxis: string
      /** Bars run horizontally (long category names). */
      horizontal?: boolean
    }
  | {
      type: 'scatter'
      title: string
      xAxis: string
      yAxis: string
      points: { label: string; x: number; y: number }[]
    }

/** What a section builder returns; buildDeckModel numbers it, dates it and attaches the team's notes. */
export type SlideDraft = Pick<DeckSlide, 'key' | 'title' | 'blocks' | 'speakerNotes' | 'emptyMessage'>
