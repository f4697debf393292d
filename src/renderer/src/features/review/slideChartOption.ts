import type { DeckChart } from '../../../../core/deck/deckModel'
import type { ChartOption } from '../../components/echartsCore'
import { slideTheme } from './slideTheme'

/**
 * The ECharts option for a deck chart in the preview: same data, series colours and orientation as
 * the PDF's SVG chart and the PPTX's native chart. `px` is the slide's pixels per point, so labels
 * shrink with the thumbnail. The title is drawn as HTML above the chart.
 */
export function slideChartOption(c: DeckChart, px: number): ChartOption {
  const size = (pt: number): number => Math.max(5, pt * px)
  // A thumbnail cannot show readable labels; it shows the shape of the data only.
  const tiny = px < 0.45
  const text = { fontFamily: slideTheme.font, color: slideTheme.ink, fontSize: size(9), show: !tiny }
  const base = {
    animation: false,
    color: [...slideTheme.series],
    textStyle: text,
    grid: tiny ? { left: 4, right: 4, top: 4, bottom: 4, containLabel: false } : { left: size(6), right: size(14), top: size(12), bottom: size(30), containLabel: true }
  }
  if (c.type === 'scatter') {
    return {
      ...base,
      xAxis: { type: 'value', name: tiny ? '' : c.xAxis, nameLocation: 'middle', nameGap: size(18), axisLabel: text, nameTextStyle: text },
      yAxis: { type: 'value', name: tiny ? '' : c.yAxis, nameLocation: 'middle', nameGap: size(28), axisLabel: text, nameTextStyle: text },
      series: [
        {
          type: 'scatter',
          symbolSize: size(9),
          data: c.points.map((p) => ({ value: [p.x, p.y], name: p.label })),
          label: { position: 'top', formatter: '{b}', ...text, fontSize: size(8) }
        }
      ]
    }
  }
  const horizontal = c.type === 'bar' && c.horizontal === true
  const category = { type: 'category', data: c.categories, inverse: horizontal, axisLabel: { ...text, hideOverlap: true } }
  const integers = c.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)))
  const value = { type: 'value', minInterval: integers ? 1 : 0, name: tiny ? '' : c.valueAxis, nameLocation: 'middle', nameGap: size(horizontal ? 18 : 30), axisLabel: text, nameTextStyle: text }
  return {
    ...base,
    legend: { show: !tiny, bottom: 0, itemGap: size(12), itemWidth: size(12), itemHeight: size(8), textStyle: text },
    tooltip: px > 0.9 ? { trigger: 'axis' } : undefined,
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: c.series.map((s) =>
      c.type === 'bar'
        ? { type: 'bar', name: s.name, data: s.values, barGap: '10%' }
        : { type: 'line', name: s.name, data: s.values, connectNulls: false, symbolSize: size(4), lineStyle: { width: Math.max(1, size(1.5)) } }
    )
  }
}
