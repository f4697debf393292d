/**
 * A chart's numbers as a table: what a screen reader hears and what "Show as table" shows, so a
 * chart is never only a picture. The app's charts (ECharts on screen) and the deck's charts (PPTX,
 * PDF) both describe themselves through this one shape.
 */
export type ChartTable = {
  /** What the chart shows, e.g. 'Hours per week by channel': the table's caption and the description's lead. */
  caption: string
  /** Header of the first column: what each row is ('Channel', 'Week', 'Date'). */
  rowHeader: string
  /** One per value column (a series, or an axis of a scatter); `unit` is printed after each value ('h', '%', 'leads'). */
  columns: ChartColumn[]
  rows: ChartRow[]
  /**
   * Rows follow an ordered axis (weeks, dates): the description then gives each column's course
   * (first, last, lowest, highest) instead of reading every value.
   */
  ordered: boolean
  /** Reference lines and the like, as sentences: 'Target: 130 leads'. */
  notes: string[]
}

export type ChartColumn = { label: string; unit: string }
export type ChartRow = { label: string; values: (number | null)[] }

export type NumberFormat = (n: number) => string

/** Fixed en-US digits by default, so a deck's alt text is the same on every machine. */
const defaultFormat: NumberFormat = (() => {
  const f = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
  return (n: number) => f.format(n)
})()

/** How many rows a description reads out before it says how many more there are. */
const MAX_ROWS = 12

/** '12 h', '45%', '130 leads', '7'; 'no value' for a gap. */
export function withUnit(v: number | null, unit: string, fmt: NumberFormat = defaultFormat): string {
  if (v === null || !Number.isFinite(v)) return 'no value'
  const n = fmt(v)
  if (unit === '') return n
  return unit === '%' ? `${n}%` : `${n} ${unit}`
}

/**
 * One sentence-like description of the chart from its numbers, for ECharts' `aria` label and for
 * alt text: 'Hours per channel: Blog 12 h, LinkedIn 8 h.' for categories, or each column's course
 * for rows on an ordered axis ('Actual from 0 (W1) to 130 (W13), lowest 0 (W1), highest 130 (W13)').
 * Long lists stop after 12 rows and say how many are left, pointing to the table.
 */
export function describeChartTable(t: ChartTable, fmt: NumberFormat = defaultFormat): string {
  const lead = t.caption.trim().replace(/[.:]$/, '')
  if (t.rows.length === 0 || t.columns.length === 0) return `${lead}: no data.${notes(t)}`
  const body = t.ordered ? courses(t, fmt) : listing(t, fmt)
  return `${lead}: ${body}.${notes(t)}`
}

function notes(t: ChartTable): string {
  return t.notes.length === 0 ? '' : ` ${t.notes.map((n) => n.replace(/\.$/, '')).join('. ')}.`
}

function listing(t: ChartTable, fmt: NumberFormat): string {
  const shown = t.rows.slice(0, MAX_ROWS)
  const single = t.columns.length === 1
  const parts = shown.map((r) => {
    if (single) return `${r.label} ${withUnit(r.values[0] ?? null, t.columns[0]?.unit ?? '', fmt)}`
    const cells = t.columns.map((c, i) => `${c.label} ${withUnit(r.values[i] ?? null, c.unit, fmt)}`)
    return `${r.label}: ${cells.join(', ')}`
  })
  const more = t.rows.length - shown.length
  const joined = parts.join(single ? ', ' : '; ')
  return more > 0 ? `${joined}; and ${more} more ${more === 1 ? 'row' : 'rows'} in the table` : joined
}

function courses(t: ChartTable, fmt: NumberFormat): string {
  const first = t.rows[0]?.label ?? ''
  const last = t.rows.at(-1)?.label ?? ''
  const span = `${t.rows.length} ${t.rowHeader === '' ? 'points' : plural(t.rowHeader.toLowerCase(), t.rows.length)} from ${first} to ${last}`
  const parts = t.columns.slice(0, MAX_ROWS).map((c, i) => {
    const points = t.rows.flatMap((r) => {
      const v = r.values[i]
      return v === null || v === undefined || !Number.isFinite(v) ? [] : [{ label: r.label, v }]
    })
    const a = points[0]
    const z = points.at(-1)
    if (a === undefined || z === undefined) return `${c.label} has no values`
    const low = points.reduce((m, p) => (p.v < m.v ? p : m), a)
    const high = points.reduce((m, p) => (p.v > m.v ? p : m), a)
    const u = (v: number) => withUnit(v, c.unit, fmt)
    if (a === z) return `${c.label} ${u(a.v)} (${a.label})`
    // A flat line (a capacity or target line) is one value, not a course.
    if (low.v === high.v) return `${c.label} ${u(a.v)} throughout`
    const course = `${c.label} from ${u(a.v)} (${a.label}) to ${u(z.v)} (${z.label})`
    return (low === a && high === z) || (low === z && high === a) ? course : `${course}, lowest ${u(low.v)} (${low.label}), highest ${u(high.v)} (${high.label})`
  })
  const more = t.columns.length - MAX_ROWS
  return `${span}. ${parts.join('; ')}${more > 0 ? `; and ${more} more series in the table` : ''}`
}

function plural(word: string, n: number): string {
  if (n === 1 || word.endsWith('s')) return word
  return word.endsWith('y') && !/[aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`
}
