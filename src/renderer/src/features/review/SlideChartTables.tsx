import { useId, useState } from 'react'
import { deckChartTable } from '../../../../core/deck/deckChartTable'
import type { DeckChart, DeckSlide } from '../../../../core/deck/deckModel'
import { ChartDataTable } from '../../components/ChartDataTable'

/**
 * "Show as table" for the charts of the large slide: the same numbers the PPTX chart and the PDF
 * figure carry, as an HTML table below the slide (the slide itself stays as the export draws it).
 */
export function SlideChartTables({ slide }: { slide: DeckSlide }) {
  const charts = slide.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : []))
  if (charts.length === 0) return null
  return (
    <div className="slide-chart-tables">
      {charts.map((c, i) => (
        <ChartTableToggle key={`${slide.key}:${i}`} chart={c} />
      ))}
    </div>
  )
}

function ChartTableToggle({ chart }: { chart: DeckChart }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <div className="slide-chart-table">
      <button type="button" className="btn echart-toggle" aria-controls={open ? id : undefined} onClick={() => setOpen((v) => !v)}>
        {open ? `Hide the table of “${chart.title}”` : `Show “${chart.title}” as table`}
      </button>
      {open && <ChartDataTable table={deckChartTable(chart)} id={id} />}
    </div>
  )
}
