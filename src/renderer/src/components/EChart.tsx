import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { describeChartTable, type ChartTable } from '../../../core/charts/chartTable'
import { chartTableFromOption } from '../../../core/charts/chartTableFromOption'
import { useTheme } from '../theme/ThemeContext'
import { ChartDataTable } from './ChartDataTable'
import { echarts, type ChartOption } from './echartsCore'
import { format } from './format'
import './EChart.css'

type Props = {
  option: ChartOption
  /** What the chart shows, e.g. 'Member capacity by week for 2026-Q4': the start of its accessible name and the table's caption. */
  label: string
  height?: number
  testId?: string
  /** The chart's numbers, for a chart the option cannot be read back from (a heatmap); read from the option otherwise. */
  table?: ChartTable
  /** Replaces the description generated from the table (which starts with `label`). */
  description?: string
  /** Unit printed after each value read from the option ('h', '%'). */
  unit?: string
  /** Header of the table's first column ('Channel', 'Week'). */
  rowHeader?: string
}

/** Reads the app's colour tokens so charts match the current theme. */
function themeColors(el: HTMLElement): { text: string; muted: string; border: string; accent: string } {
  const css = getComputedStyle(el)
  const v = (name: string): string => css.getPropertyValue(name).trim()
  return { text: v('--text'), muted: v('--text-2'), border: v('--border'), accent: v('--accent') }
}

const REDUCE = '(prefers-reduced-motion: reduce)'

/** The system's "reduce motion" setting, followed live. */
function useReducedMotion(): boolean {
  const [reduce, setReduce] = useState(() => typeof matchMedia === 'function' && matchMedia(REDUCE).matches)
  useEffect(() => {
    if (typeof matchMedia !== 'function') return
    const mq = matchMedia(REDUCE)
    const on = () => setReduce(mq.matches)
    mq.addEventListener('change', on)
    return () => mq.removeEventListener('change', on)
  }, [])
  return reduce
}

/**
 * A thin ECharts wrapper: init on mount (and again when the theme flips, since ECharts themes are
 * fixed at init), setOption when the option changes, resize with its box, dispose on unmount.
 *
 * Every chart is also its numbers: ECharts' `aria` option names the chart with a description built
 * from its data, and "Show as table" swaps in an HTML table of the same numbers. Animations stay
 * off when the system asks for reduced motion.
 */
export function EChart({ option, label, height = 240, testId, table, description, unit, rowHeader }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const chartRef = useRef<echarts.ECharts | undefined>(undefined)
  const { resolved } = useTheme()
  const reduceMotion = useReducedMotion()
  const [asTable, setAsTable] = useState(false)
  const tableId = useId()
  const data = useMemo(() => table ?? chartTableFromOption(option, { caption: label, unit, rowHeader }), [table, option, label, unit, rowHeader])
  const name = description ?? (data === null ? label : describeChartTable(data, (n) => format.number(n)))

  useEffect(() => {
    const el = ref.current
    if (el === null) return
    const chart = echarts.init(el, resolved === 'dark' ? 'dark' : undefined, { renderer: 'svg' })
    chartRef.current = chart
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(el)
    return () => {
      observer.disconnect()
      chart.dispose()
      chartRef.current = undefined
    }
  }, [resolved])

  useEffect(() => {
    const chart = chartRef.current
    const el = ref.current
    if (chart === undefined || el === null) return
    const c = themeColors(el)
    chart.setOption(
      {
        backgroundColor: 'transparent',
        color: [c.accent, '#d08a2e', '#3f9d6b', '#9a6bd1', '#c45b5b'],
        textStyle: { color: c.muted, fontFamily: getComputedStyle(el).fontFamily },
        ...option,
        // ECharts writes this description into the container's aria-label (and sets role="img").
        aria: { enabled: true, label: { enabled: true, description: name } },
        ...(reduceMotion ? { animation: false } : {})
      },
      { notMerge: true }
    )
  }, [option, resolved, name, reduceMotion])

  return (
    <div className="echart-figure">
      {data !== null && (
        <div className="echart-tools">
          <button type="button" className="btn echart-toggle" aria-controls={asTable ? tableId : undefined} onClick={() => setAsTable((v) => !v)}>
            {asTable ? 'Show as chart' : 'Show as table'}
          </button>
        </div>
      )}
      {asTable && data !== null && <ChartDataTable table={data} id={tableId} />}
      <div ref={ref} className="echart" role="img" aria-label={name} data-testid={testId} hidden={asTable} style={{ height }} />
    </div>
  )
}
