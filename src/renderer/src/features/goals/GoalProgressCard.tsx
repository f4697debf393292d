import { useMemo } from 'react'
import type { ApiOutput } from '../../../../core/api/contract'
import { niceAxisBounds } from '../../../../core/charts/niceAxisBounds'
import { labelOf } from '../../../../core/domain/enums'
import { EChart } from '../../components/EChart'
import { format } from '../../components/format'

type Card = ApiOutput<'goal-progress'>['goals'][number]

const tone: Record<Card['progress']['status'], string> = {
  achieved: 'badge-ok',
  on_track: 'badge-ok',
  at_risk: 'badge-warn',
  off_track: 'badge-danger',
  missed: 'badge-danger',
  no_data: '',
  no_target: '',
  not_started: ''
}

// The unit is named once in the card's subtitle; the figure boxes are too narrow to repeat it.
const num = (v: number | null): string => (v === null ? '–' : format.number(v, 1))
/** Whole units from 100 on (a pace of 30,514 €, not 30,514.4), one decimal below. */
const pace = (v: number): string => format.number(v, Math.abs(v) >= 100 ? 0 : 1)

/**
 * One goal of the quarter: status with the rule that gave it, the numbers behind it (latest, pace
 * needed, projection), the weekly chart of actual vs the straight plan and the trend, and what
 * contributed (channels and the top content, from published results linked to the goal).
 */
export function GoalProgressCard({ card }: { card: Card }) {
  const p = card.progress
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 56, top: 18, bottom: 26, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, itemGap: 14, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: card.weeks.map((w) => w.label), axisLabel: { fontSize: 10 } },
      yAxis: {
        type: 'value',
        // Baseline and target in view (mark lines do not widen an axis), on whole steps.
        ...niceAxisBounds([...card.weeks.flatMap((w) => [w.actual, w.plan, w.trend]).filter((v): v is number => typeof v === 'number'), p.baseline, p.target ?? p.baseline]),
        splitLine: { lineStyle: { opacity: 0.4 } },
        axisLabel: { fontSize: 10 }
      },
      series: [
        {
          name: 'Actual',
          type: 'line',
          data: card.weeks.map((w) => w.actual),
          symbolSize: 5,
          lineStyle: { width: 2.5 },
          markLine: {
            symbol: 'none',
            silent: true,
            label: { formatter: 'Target', position: 'end', fontSize: 10 },
            data: p.target === null ? [] : [{ name: 'Target', yAxis: p.target, lineStyle: { type: 'dashed' } }]
          }
        },
        { name: 'Pace to target', type: 'line', data: card.weeks.map((w) => w.plan), showSymbol: false, lineStyle: { type: 'dashed', width: 1.5 } },
        ...(p.projected === null ? [] : [{ name: 'Trend', type: 'line', data: card.weeks.map((w) => w.trend), showSymbol: false, lineStyle: { type: 'dotted', width: 1.5 } }])
      ]
    }),
    [card, p]
  )
  return (
    <article className="card goal-card" data-testid="goal-card" aria-label={card.objective}>
      <header className="goal-card-head">
        <div>
          <h2>{card.objective}</h2>
          <p className="subtle">
            {card.kpiName}
            {card.kpiUnit === '' ? '' : ` (${card.kpiUnit})`} · {labelOf(card.driver)} · priority {card.priority}
            {card.ownerName === null ? '' : ` · ${card.ownerName}`}
          </p>
        </div>
        <span className={`badge ${tone[p.status]}`} data-testid="goal-status">
          {p.statusLabel}
        </span>
      </header>
      <p className="goal-card-reason">{p.reason}</p>
      <p className="subtle goal-card-rule" title="How the status is decided">
        Rule: {card.rule}
      </p>
      <dl className="goal-card-figures">
        <div>
          <dt>Latest</dt>
          <dd className="num">{num(p.current)}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd className="num">{p.target === null ? 'no target' : num(p.target)}</dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd className="num">{p.progress === null ? '–' : format.percent(p.progress)}</dd>
        </div>
        <div>
          {/* "/ week" in the label: "30,514.4 / week" did not fit the figure's box and was cut to "30,514.4 / we…". */}
          <dt>Needed / week</dt>
          <dd className="num">{p.paceNeededPerWeek === null ? 'quarter over' : pace(p.paceNeededPerWeek)}</dd>
        </div>
        <div>
          <dt>Projected</dt>
          <dd className="num">{num(p.projected)}</dd>
        </div>
      </dl>
      <EChart option={option} label={`${card.kpiName}: actual against ${p.target === null ? 'no target' : `target ${p.target}`} and the pace line`} height={190} testId="goal-progress-chart" unit={card.kpiUnit} rowHeader="Week" />
      <div className="goal-card-contrib">
        <div>
          <table className="goal-card-table">
            <caption>Contributing channels</caption>
            <thead>
              <tr>
                <th>Channel</th>
                <th className="num">Items</th>
                <th className="num">{p.unit === '' ? 'Units' : p.unit}</th>
                <th className="num">Share</th>
              </tr>
            </thead>
            <tbody>
              {card.channels.length === 0 && (
                <tr>
                  <td colSpan={4} className="subtle">
                    No channel or published content is linked to this goal.
                  </td>
                </tr>
              )}
              {card.channels.slice(0, 5).map((c) => (
                <tr key={c.channelId ?? 'none'}>
                  <td title={c.expectedRate === null ? 'Not linked in the channel estimates' : `Estimated ${c.expectedRate} per 1,000 reached`}>{c.name}</td>
                  <td className="num">{c.items}</td>
                  <td className="num">{format.number(c.units, 1)}</td>
                  <td className="num">{c.share === null ? '–' : format.percent(c.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {card.channels.every((c) => c.expectedRate === null) && (
            // Same rule as the priority model (goalState.ts): without a channel link, posting does not move the goal.
            <p className="subtle goal-card-unmoved" data-testid="goal-not-moved">
              No channel’s estimates link to this goal, so Priorities does not predict it from the plan and gives it no share of the hours. Track it here by hand, or link it to
              the channels that move it (Channels, estimates).
            </p>
          )}
        </div>
        {card.content.length > 0 && (
          <div>
            <h3>Top content</h3>
            <ol className="goal-card-content">
              {card.content.map((c) => (
                <li key={c.id}>
                  <span className="num goal-card-units">{format.number(c.units, 1)}</span> <span title={`${c.title} (${c.channelName})`}>{c.title}</span>
                </li>
              ))}
            </ol>
          </div>
        )}
      </div>
    </article>
  )
}
