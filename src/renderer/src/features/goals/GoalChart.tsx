import { useMemo } from 'react'
import { niceAxisBounds } from '../../../../core/charts/niceAxisBounds'
import { EChart } from '../../components/EChart'
import { format } from '../../components/format'
import type { KindRecord } from '../../api/client'

type Props = { goal: KindRecord<'goal'>; measurements: readonly KindRecord<'measurement'>[] }

/** The goal's KPI over time against its baseline and target. */
export function GoalChart({ goal, measurements }: Props) {
  const option = useMemo(() => {
    const points = measurements
      .filter((m) => m.goalId === goal.id)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((m) => [m.date, m.value])
    const unit = goal.kpiUnit === '' ? '' : ` ${goal.kpiUnit}`
    return {
      grid: { left: 8, right: 70, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${format.number(Number(v))}${unit}` },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      // Mark lines do not widen the axis on their own; keep baseline and target in view, on whole steps.
      yAxis: {
        type: 'value',
        ...niceAxisBounds([...points.map(([, v]) => Number(v)), goal.baseline, goal.target ?? goal.baseline]),
        splitLine: { lineStyle: { opacity: 0.4 } }
      },
      series: [
        {
          name: goal.kpiName,
          type: 'line',
          data: points,
          showSymbol: points.length < 30,
          markLine: {
            symbol: 'none',
            silent: true,
            label: { formatter: '{b}', position: 'end' },
            data: [
              ...(goal.target === null ? [] : [{ name: 'Target', yAxis: goal.target, lineStyle: { type: 'dashed' } }]),
              { name: 'Baseline', yAxis: goal.baseline, lineStyle: { type: 'dotted', opacity: 0.6 } }
            ]
          }
        }
      ]
    }
  }, [goal, measurements])
  return <EChart option={option} label={goal.target === null ? `${goal.kpiName} over time (no target)` : `${goal.kpiName} over time against target ${goal.target}`} height={230} testId="goal-chart" unit={goal.kpiUnit} rowHeader="Date" />
}
