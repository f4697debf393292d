import { withUnit, type ChartTable } from './chartTable'

export type CadenceData = { weeks: string[]; rows: { name: string; target: number; counts: number[] }[] }

const fmt = (() => {
  const f = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })
  return (n: number) => f.format(n)
})()

/**
 * The calendar's cadence heatmap as a table (a row per channel, a column per week, then the
 * target) and a description a screen reader can take in: per channel, how many items are planned
 * in the quarter against its weekly target and in how many weeks it falls short or runs over. A
 * heatmap's cells (a ratio coloured by ECharts) cannot be read back from its option, so the
 * calendar builds both here from the same data.
 */
export function cadenceTable(d: CadenceData, caption: string): { table: ChartTable; description: string } {
  const table: ChartTable = {
    caption,
    rowHeader: 'Channel',
    columns: [...d.weeks.map((w) => ({ label: `Week of ${w}`, unit: '' })), { label: 'Target per week', unit: '' }],
    rows: d.rows.map((r) => ({ label: r.name, values: [...r.counts, r.target] })),
    ordered: false,
    notes: []
  }
  const shown = d.rows.slice(0, 12).map((r) => {
    const total = r.counts.reduce((a, b) => a + b, 0)
    const planned = `${r.name} ${withUnit(total, 'planned', fmt)} in ${d.weeks.length} ${d.weeks.length === 1 ? 'week' : 'weeks'}`
    if (r.target <= 0) return `${planned} (no target)`
    const under = r.counts.filter((n) => n < r.target).length
    const over = r.counts.filter((n) => n > r.target).length
    const off = [under > 0 ? `under target in ${under}` : '', over > 0 ? `over in ${over}` : ''].filter((s) => s !== '')
    return `${planned} (target ${fmt(r.target)} a week)${off.length === 0 ? ', on target every week' : `, ${off.join(', ')}`}`
  })
  const more = d.rows.length - shown.length
  const body = d.rows.length === 0 ? 'no channels' : `${shown.join('; ')}${more > 0 ? `; and ${more} more channels in the table` : ''}`
  return { table, description: `${caption.replace(/[.:]$/, '')}: ${body}.` }
}
