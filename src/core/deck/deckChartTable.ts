import { describeChartTable, type ChartTable } from '../charts/chartTable'
import type { DeckChart } from './deckModel'

/**
 * A deck chart's numbers as a table. The value axis label names the measure ('Hours per week') and
 * goes into the caption unless the title already says it; a unit in brackets ('Leads (leads)') is
 * printed after each value instead.
 */
export function deckChartTable(c: DeckChart): ChartTable {
  if (c.type === 'scatter') {
    return {
      caption: c.title,
      rowHeader: 'Point',
      columns: [
        { label: c.xAxis, unit: '' },
        { label: c.yAxis, unit: '' }
      ],
      rows: c.points.map((p) => ({ label: p.label, values: [p.x, p.y] })),
      ordered: false,
      notes: []
    }
  }
  // 'Leads (leads)', 'First reply (h)': the measure, then its unit in brackets.
  const m = /^(.*?)\s*\(([^()]+)\)$/.exec(c.valueAxis)
  const measure = m?.[1] ?? c.valueAxis
  const unit = m?.[2] ?? ''
  return {
    caption: measure === '' || c.title.toLowerCase().includes(measure.toLowerCase()) ? c.title : `${c.title} (${measure})`,
    rowHeader: c.categories.length > 0 && c.categories.every((x) => /^W\d+$/.test(x)) ? 'Week' : '',
    columns: c.series.map((s) => ({ label: s.name, unit })),
    rows: c.categories.map((label, i) => ({ label, values: c.series.map((s) => s.values[i] ?? null) })),
    ordered: c.type === 'line',
    notes: []
  }
}

const KIND = { bar: 'Bar chart', line: 'Line chart', scatter: 'Scatter chart' } as const

/** Alt text for a deck chart (PPTX `descr`, PDF figure `Alt`, the preview's accessible name). */
export function deckChartAlt(c: DeckChart): string {
  return `${KIND[c.type]}. ${describeChartTable(deckChartTable(c))}`
}
