import { useEffect, useMemo, useRef } from 'react'
import { deckChartAlt } from '../../../../core/deck/deckChartTable'
import type { DeckChart } from '../../../../core/deck/deckModel'
import { echarts } from '../../components/echartsCore'
import { slideChartOption } from './slideChartOption'

type Props = { chart: DeckChart; width: number; height: number; px: number }

/**
 * One deck chart drawn with ECharts in the deck's own light colours (not the app theme's): the
 * preview shows what the export will look like. Re-created when its size changes, since thumbnails
 * and the large slide are separate instances.
 */
export function SlideChart({ chart, width, height, px }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const alt = useMemo(() => deckChartAlt(chart), [chart])
  // The same alt text as the PPTX chart and the PDF figure; ECharts writes it into aria-label.
  const option = useMemo(() => ({ ...slideChartOption(chart, px), aria: { enabled: true, label: { enabled: true, description: alt } } }), [chart, px, alt])
  useEffect(() => {
    const el = ref.current
    if (el === null || width < 10 || height < 10) return
    const instance = echarts.init(el, undefined, { renderer: 'svg', width, height })
    instance.setOption(option)
    return () => instance.dispose()
  }, [option, width, height])
  return <div ref={ref} className="slide-chart" role="img" aria-label={alt} style={{ width, height }} />
}
