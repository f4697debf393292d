import { HeatmapChart } from 'echarts/charts'
import { VisualMapComponent } from 'echarts/components'
import { memo, useMemo } from 'react'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { cadenceTable } from '../../../../core/charts/cadenceTable'
import type { CalendarFilter } from '../../../../core/calendar/calendarFilter'
import { useQuery } from '../../api/useQuery'
import { EChart } from '../../components/EChart'
import { echarts, type ChartOption } from '../../components/echartsCore'
import { quarterStart } from './quarterStart'

// The heatmap is this screen's own chart type; registering it here keeps it out of other screens' bundles.
echarts.use([HeatmapChart, VisualMapComponent])


function quarterOf(from: string): { from: string; to: string; label: string } {
  const to = calendarDates.addDays(calendarDates.addMonths(from, 3), -1)
  return { from, to, label: `${from.slice(0, 4)}-Q${Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1}` }
}

/**
 * The quarter's rhythm: a channel × week heatmap of planned items against each channel's cadence
 * target (cells show planned/target), and planned effort per member per week against capacity.
 */
export const Insights = memo(function Insights({ quarter, weekStart, filter }: { quarter: string; weekStart: number; filter: CalendarFilter }) {
  const q = quarterOf(quarter)
  const cadence = useQuery('calendar-cadence', { from: q.from, to: q.to, weekStart, filter })
  const capacity = useQuery('calendar-capacity', { from: q.from, to: q.to, weekStart })
  const heat = useMemo<ChartOption | undefined>(() => {
    const d = cadence.data
    if (!d) return undefined
    const rows = [...d.rows].reverse()
    const cells: [number, number, number, number, number][] = []
    rows.forEach((r, y) => r.counts.forEach((n, x) => cells.push([x, y, r.target > 0 ? Math.min(2, n / r.target) : n > 0 ? 2 : 1, n, r.target])))
    return {
      tooltip: { formatter: (p: { data: [number, number, number, number, number] }) => `${rows[p.data[1]]?.name ?? ''}<br/>Week of ${d.weeks[p.data[0]] ?? ''}: ${p.data[3]} planned, target ${p.data[4]}` },
      grid: { left: 170, right: 16, top: 8, bottom: 56 },
      xAxis: { type: 'category', data: d.weeks.map((w) => w.slice(5)), splitArea: { show: true }, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { fontSize: 11, width: 160, overflow: 'truncate' } },
      visualMap: {
        dimension: 2, min: 0, max: 2, calculable: false, orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 120, text: ['over target', 'under'],
        inRange: { color: ['#e8590c', '#ffd8a8', '#b2f2bb', '#2f9e44', '#1864ab'] }
      },
      series: [{ type: 'heatmap', data: cells, label: { show: true, fontSize: 10, formatter: (p: { data: number[] }) => `${p.data[3]}/${Math.round((p.data[4] ?? 0) * 10) / 10}` } }]
    }
  }, [cadence.data])
  // The heatmap's numbers and description come from the data, not the option (its cells hold ratios).
  const heatText = useMemo(() => (cadence.data ? cadenceTable(cadence.data, `Cadence ${q.label}: planned per week against target`) : undefined), [cadence.data, q.label])
  const load = useMemo<ChartOption | undefined>(() => {
    const d = capacity.data
    if (!d) return undefined
    const busy = d.rows.filter((r) => r.hours.some((h) => h > 0))
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: d.weeks.map((w) => w.slice(5)), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', name: '% of capacity', axisLabel: { formatter: '{value}%' } },
      series: busy.map((r) => ({ type: 'line', name: r.name, smooth: false, data: r.hours.map((h) => (r.capacity > 0 ? Math.round((h / r.capacity) * 100) : 0)), markLine: undefined })).concat([
        { type: 'line', name: 'Capacity', smooth: false, data: d.weeks.map(() => 100), markLine: undefined }
      ])
    }
  }, [capacity.data])
  return (
    <section className="insights" aria-label="Cadence and capacity" data-testid="insights">
      <div className="insight">
        <h3>Cadence {q.label}: planned per week against target</h3>
        {heat ? <EChart option={heat} label={`Channel by week cadence heatmap for ${q.label}`} table={heatText?.table} description={heatText?.description} height={Math.max(200, (cadence.data?.rows.length ?? 6) * 24 + 70)} testId="cadence-heatmap" /> : <p className="subtle">Loading…</p>}
      </div>
      <div className="insight">
        <h3>Capacity {q.label}: planned effort as % of weekly capacity</h3>
        {load ? <EChart option={load} label={`Member capacity by week for ${q.label}`} height={260} testId="capacity-chart" unit="%" rowHeader="Week" /> : <p className="subtle">Loading…</p>}
      </div>
    </section>
  )
})

export { quarterStart }
