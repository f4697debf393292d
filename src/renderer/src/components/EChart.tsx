import { useEffect, useRef } from 'react'
import { useTheme } from '../theme/ThemeContext'
import { echarts, type ChartOption } from './echartsCore'

type Props = { option: ChartOption; label: string; height?: number; testId?: string }

/** Reads the app's colour tokens so charts match the current theme. */
function themeColors(el: HTMLElement): { text: string; muted: string; border: string; accent: string } {
  const css = getComputedStyle(el)
  const v = (name: string): string => css.getPropertyValue(name).trim()
  return { text: v('--text'), muted: v('--text-2'), border: v('--border'), accent: v('--accent') }
}

/**
 * A thin ECharts wrapper: init on mount (and again when the theme flips, since ECharts themes are
 * fixed at init), setOption when the option changes, resize with its box, dispose on unmount.
 */
export function EChart({ option, label, height = 240, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const chartRef = useRef<echarts.ECharts | undefined>(undefined)
  const { resolved } = useTheme()

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
        ...option
      },
      { notMerge: true }
    )
  }, [option, resolved])

  return <div ref={ref} className="echart" role="img" aria-label={label} data-testid={testId} style={{ height }} />
}
