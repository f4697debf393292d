import { LineChart, BarChart, ScatterChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, DatasetComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

// Only the charts and components the app draws; importing `echarts` whole adds ~2.5 MB to the bundle.
// SVG renders crisply at any zoom and is what the deck export uses too.
// Aria: every chart's container gets role="img" and a description of its numbers (EChart.tsx).
echarts.use([LineChart, BarChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, DatasetComponent, SVGRenderer])

export { echarts }
export type ChartOption = echarts.EChartsCoreOption
