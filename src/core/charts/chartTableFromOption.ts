import { withUnit, type ChartColumn, type ChartRow, type ChartTable } from './chartTable'

export type FromOptionHints = {
  caption: string
  /** Printed after every value of a category or time chart ('h', '%'). */
  unit?: string
  /** Header of the first column; defaults to the category axis' name, 'Date' on a time axis. */
  rowHeader?: string
}

type Rec = Record<string, unknown>
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/**
 * Reads a chart's numbers back out of the ECharts option the screen draws, so every chart gets a
 * description and a table without each screen writing one: bar and line charts on a category axis
 * (a row per category, a column per series), lines over a time or value axis (a row per x, merged
 * across series), and scatter plots (a row per named point). Named mark lines (target, baseline)
 * become notes. Returns null for shapes it cannot read honestly (a heatmap): such a chart passes
 * its own table.
 */
export function chartTableFromOption(option: unknown, hints: FromOptionHints): ChartTable | null {
  if (!isRec(option)) return null
  const series = list(option.series).filter(isRec)
  if (series.length === 0 || series.some((s) => s.type !== 'bar' && s.type !== 'line' && s.type !== 'scatter')) return null
  const xAxis = list(option.xAxis).find(isRec) ?? {}
  const yAxis = list(option.yAxis).find(isRec) ?? {}
  const unit = hints.unit ?? ''
  const notes = series.flatMap((s) => markNotes(s, unit))
  const base = { caption: hints.caption, notes }
  if (series.every((s) => s.type === 'scatter')) return { ...base, ...scatter(series, xAxis, yAxis, hints.rowHeader) }
  const category = [xAxis, yAxis].find((a) => a.type === 'category' && Array.isArray(a.data))
  const columns: ChartColumn[] = series.map((s, i) => ({ label: str(s.name) ?? (series.length === 1 ? 'Value' : `Series ${i + 1}`), unit }))
  if (category !== undefined) {
    const labels = list(category.data).map((d) => String(isRec(d) ? d.value : d))
    const rows = labels.map((label, r) => ({ label, values: series.map((s) => valueOf(list(s.data)[r])) }))
    return { ...base, rowHeader: hints.rowHeader ?? str(category.name) ?? '', columns, rows, ordered: series.every((s) => s.type === 'line') }
  }
  // Lines over a time or value axis: each point is [x, y]; rows are the union of the x values.
  const time = xAxis.type === 'time'
  const byX = new Map<string, { sort: number | string; values: (number | null)[] }>()
  series.forEach((s, si) => {
    for (const d of list(s.data)) {
      const pair = Array.isArray(d) ? d : isRec(d) ? list(d.value) : []
      const [x, y] = pair
      if (typeof x !== 'string' && typeof x !== 'number') continue
      const label = typeof x === 'number' && time ? new Date(x).toISOString().slice(0, 10) : String(x)
      const row = byX.get(label) ?? { sort: x, values: series.map(() => null) }
      row.values[si] = num(y)
      byX.set(label, row)
    }
  })
  const rows: ChartRow[] = [...byX]
    .sort(([, a], [, b]) => (typeof a.sort === 'number' && typeof b.sort === 'number' ? a.sort - b.sort : String(a.sort).localeCompare(String(b.sort))))
    .map(([label, r]) => ({ label, values: r.values }))
  return { ...base, rowHeader: hints.rowHeader ?? (time ? 'Date' : (str(xAxis.name) ?? '')), columns, rows, ordered: true }
}

function valueOf(d: unknown): number | null {
  if (isRec(d)) return valueOf(d.value)
  if (Array.isArray(d)) return num(d.at(-1))
  return num(d)
}

function scatter(series: Rec[], xAxis: Rec, yAxis: Rec, rowHeader: string | undefined): Pick<ChartTable, 'rowHeader' | 'columns' | 'rows' | 'ordered'> {
  let n = 0
  const rows = series.flatMap((s) =>
    list(s.data).map((d) => {
      n += 1
      const value = isRec(d) ? list(d.value) : list(d)
      return { label: (isRec(d) ? str(d.name) : undefined) ?? `Point ${n}`, values: [num(value[0]), num(value[1])] }
    })
  )
  // A table has no scale: 'Effort (h/month, log scale)' is 'Effort (h/month)' there.
  const axisLabel = (a: Rec, fallback: string) => (str(a.name) ?? fallback).replace(/,\s*log scale\)/i, ')').replace(/\s*\(log scale\)/i, '')
  const columns = [
    { label: axisLabel(xAxis, 'x'), unit: '' },
    { label: axisLabel(yAxis, 'y'), unit: '' }
  ]
  return { rowHeader: rowHeader ?? 'Point', columns, rows, ordered: false }
}

/** Named horizontal or vertical reference lines ('Target', 'Baseline') as sentences. */
function markNotes(s: Rec, unit: string): string[] {
  const mark = isRec(s.markLine) ? s.markLine : undefined
  return list(mark?.data).flatMap((d) => {
    if (!isRec(d)) return []
    const name = str(d.name)
    const v = num(d.yAxis) ?? num(d.xAxis)
    return name === undefined || v === null ? [] : [`${name}: ${withUnit(v, unit)}`]
  })
}
