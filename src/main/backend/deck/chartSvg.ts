import * as echarts from 'echarts'
import type { DeckChart } from '../../../core/deck/deckModel'
import { deckTheme } from './deckTheme'

/** The font family name the SVG asks for; the PDF writer maps it to the embedded DejaVu Sans. */
export const CHART_FONT = 'DejaVu Sans'

/**
 * A deck chart as SVG via ECharts server-side rendering (no DOM, no browser), for the PDF. Same data
 * and colours as the PPTX's native chart. Sizes are in CSS pixels.
 */
export function chartSvg(c: DeckChart, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option(c))
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

function option(c: DeckChart): echarts.EChartsOption {
  const text = { fontFamily: CHART_FONT, color: `#${deckTheme.ink}` }
  const base = {
    animation: false,
    color: deckTheme.series.map((s) => `#${s}`),
    textStyle: text,
    title: { text: c.title, left: 0, top: 0, textStyle: { ...text, fontSize: 15, fontWeight: 'bold' as const } },
    grid: { left: 12, right: 24, top: 44, bottom: 44, containLabel: true }
  }
  if (c.type === 'scatter') {
    return {
      ...base,
      xAxis: { type: 'value', name: c.xAxis, nameLocation: 'middle', nameGap: 28, axisLabel: text },
      yAxis: { type: 'value', name: c.yAxis, nameLocation: 'middle', nameGap: 40, axisLabel: text },
      series: [
        {
          type: 'scatter',
          symbolSize: 14,
          data: c.points.map((p) => ({ value: [p.x, p.y], name: p.label })),
          label: { show: true, position: 'top', formatter: '{b}', ...text, fontSize: 11 }
        }
      ]
    }
  }
  const horizontal = c.type === 'bar' && c.horizontal === true
  // Horizontal bars: the value axis runs along x and the first category sits at the top, as in the PPTX.
  const category = { type: 'category' as const, data: c.categories, inverse: horizontal, axisLabel: { ...text, fontSize: 12 } }
  // Counts (posts, people) get whole-number ticks.
  const integers = c.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)))
  const value = { type: 'value' as const, minInterval: integers ? 1 : 0, name: c.valueAxis, nameLocation: 'middle' as const, nameGap: horizontal ? 28 : 44, axisLabel: text }
  // Category names left of horizontal bars: ECharts sizes the margin with its own font metrics, about a
  // tenth narrower than DejaVu Sans, so the longest names lost their first letters. Room for that tenth.
  const longest = Math.max(0, ...c.categories.map((x) => x.length))
  const grid = horizontal ? { ...base.grid, left: base.grid.left + Math.ceil(longest * 12 * 0.6 * 0.12) } : base.grid
  return {
    ...base,
    grid,
    // A wide gap: ECharts measures text with its own font metrics, narrower than the embedded DejaVu Sans.
    legend: { bottom: 0, itemGap: 28, textStyle: { ...text, fontSize: 12 } },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: c.series.map((s) =>
      c.type === 'bar'
        ? { type: 'bar' as const, name: s.name, data: s.values, barGap: '10%' }
        : { type: 'line' as const, name: s.name, data: s.values, connectNulls: false, symbolSize: 6, lineStyle: { width: 2 } }
    )
  }
}
