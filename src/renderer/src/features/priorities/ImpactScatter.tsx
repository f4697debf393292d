import { useMemo } from 'react'
import { MarkAreaComponent } from 'echarts/components'
import { LabelLayout } from 'echarts/features'
import type { ChannelScore } from '../../../../core/scoring'
import { EChart } from '../../components/EChart'
import { echarts, type ChartOption } from '../../components/echartsCore'
import { goalColor } from './computePriorities'

// Quadrant shading needs mark areas, and crowded names need label layout; the shared setup registers neither.
echarts.use([MarkAreaComponent, LabelLayout])

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return 0
  const mid = s.length >> 1
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

type Props = { ranked: readonly ChannelScore[]; goalIds: readonly string[] }

/**
 * Impact against effort, split at the medians into four quadrants a marketing lead already knows:
 * quick wins (high impact, low effort), big bets, fill-ins and ones to reconsider (low impact, high effort). Dots take the colour of
 * the goal that gives each channel most of its impact.
 */
export function ImpactScatter({ ranked, goalIds }: Props) {
  const option = useMemo<ChartOption>(() => {
    // Log axes: impacts span three orders of magnitude, and a linear axis piles the small channels into one corner.
    const scored = ranked.filter((c) => !c.flags.includes('needs-estimate') && c.status !== 'retired' && c.impact > 0 && c.effort.hoursPerMonth > 0)
    const geo = (xs: number[]) => Math.exp(median(xs.map(Math.log)))
    const xMid = geo(scored.map((c) => c.effort.hoursPerMonth))
    const yMid = geo(scored.map((c) => c.impact))
    const xMin = decade(Math.min(...scored.map((c) => c.effort.hoursPerMonth)), Math.floor)
    const yMin = decade(Math.min(...scored.map((c) => c.impact)), Math.floor)
    // Headroom of 2× before rounding up to a decade, so no dot (or its label) sits on the right edge.
    const xMax = decade(2 * Math.max(...scored.map((c) => c.effort.hoursPerMonth)), Math.ceil)
    const yMax = decade(2 * Math.max(...scored.map((c) => c.impact)), Math.ceil)
    const quadrant = (name: string, x0: number, x1: number, y0: number, y1: number, color: string) => [
      { name, xAxis: x0, yAxis: y0, itemStyle: { color, opacity: 0.07 }, label: { color: 'inherit', opacity: 0.8 } },
      { xAxis: x1, yAxis: y1 }
    ]
    return {
      animation: false,
      grid: { left: 52, right: 18, top: 16, bottom: 42 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: { name: string; value: [number, number]; score: number; rank: number } }) =>
          `#${p.data.rank} ${p.data.name}<br/>Impact ${p.data.value[1].toFixed(1)} · effort ${p.data.value[0].toFixed(1)} h/month<br/>Score ${p.data.score.toFixed(1)} per 100 h`
      },
      xAxis: { type: 'log', name: 'Effort (h/month, log scale)', nameLocation: 'middle', nameGap: 26, min: xMin, max: xMax, splitLine: { show: false } },
      yAxis: { type: 'log', name: 'Impact (points, log scale)', nameLocation: 'middle', nameGap: 40, min: yMin, max: yMax, splitLine: { show: false } },
      series: [
        {
          type: 'scatter',
          symbolSize: 11,
          labelLayout: { hideOverlap: true },
          data: scored.map((c) => {
            const top = [...c.breakdown].sort((a, b) => b.fraction - a.fraction)[0]
            return {
              name: c.name,
              value: [c.effort.hoursPerMonth, c.impact],
              score: c.score,
              rank: c.rank,
              itemStyle: { color: top === undefined ? '#888' : goalColor(goalIds, top.goalId) },
              label: { show: c.rank <= 8, formatter: short(c.name), position: 'right', fontSize: 11 }
            }
          }),
          markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', opacity: 0.5 }, label: { show: false }, data: [{ xAxis: xMid }, { yAxis: yMid }] },
          markArea: {
            silent: true,
            label: { position: 'insideTopLeft', fontSize: 11, fontWeight: 600 },
            data: [
              quadrant('Quick wins', xMin, xMid, yMid, yMax, '#3fa372'),
              quadrant('Big bets', xMid, xMax, yMid, yMax, '#4f7fd6'),
              quadrant('Fill-ins', xMin, xMid, yMin, yMid, '#9aa3ad'),
              quadrant('Reconsider', xMid, xMax, yMin, yMid, '#d0605e')
            ]
          }
        }
      ]
    }
  }, [ranked, goalIds])
  return <EChart option={option} label="Impact against effort per channel, in four quadrants" height={330} testId="impact-scatter" rowHeader="Channel" />
}

/** The power of ten at or beyond a value, so a log axis starts and ends on a labelled tick. */
function decade(v: number, round: (x: number) => number): number {
  return Number.isFinite(v) && v > 0 ? 10 ** round(Math.log10(v)) : 1
}

function short(name: string): string {
  return name.length > 22 ? `${name.slice(0, 21)}…` : name
}
