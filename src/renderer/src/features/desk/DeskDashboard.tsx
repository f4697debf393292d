import { useMemo, useState, type ReactNode } from 'react'
import type { ApiOutput } from '../../../../core/api/contract'
import { quarter } from '../../../../core/goals/quarter'
import { deskLabel } from '../../../../core/listening/deskLabel'
import { useQuery } from '../../api/useQuery'
import { EChart } from '../../components/EChart'
import { format } from '../../components/format'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { localZone } from '../../components/formValues'

type Stats = ApiOutput<'desk-stats'>
type Clock = Stats['firstResponse']

/** The current quarter and the three before it, newest first: the periods a desk lead compares. */
function recentQuarters(today: string): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = []
  let q = quarter.containing(today)
  for (let i = 0; i < 4; i++) {
    out.push({ key: q.key, label: `${q.key} · ${quarter.label(q)}${i === 0 ? ' (so far)' : ''}` })
    q = quarter.previous(q)
  }
  return out
}

const hours = (h: number | null): string => (h === null ? 'none yet' : h < 1 ? `${Math.round(h * 60)} min` : `${format.number(h, 1)} h`)
const share = (c: Clock): string => (c.share === null ? 'no target' : format.percent(c.share))
const monthName = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' })
const periodLabel = (s: Stats, p: string): string => (s.bucket === 'month' ? monthName.format(new Date(`${p}T00:00:00Z`)) : `Week of ${format.date(p)}`)

/**
 * The Conversations dashboard (issue #16 "Numbers"): the quarter's response times against target,
 * volume by type, sentiment and topic over time, escalations by team and hand-offs by outcome. Every
 * chart is the shared EChart, so each has a description and "Show as table".
 */
export function DeskDashboard() {
  const [today] = useState(() => calendarDates.todayIn(Date.now(), localZone()))
  const quarters = useMemo(() => recentQuarters(today), [today])
  const [picked, setPicked] = useState(quarters[0]?.key ?? '')
  const stats = useQuery('desk-stats', { quarter: picked }, { dependsOn: ['*'] })
  const s = stats.data
  return (
    <div className="desk-dashboard" data-testid="desk-dashboard">
      <div className="desk-toolbar">
        <label className="desk-field-inline">
          <span>Quarter</span>
          <select className="select" value={picked} onChange={(e) => setPicked(e.target.value)}>
            {quarters.map((q) => (
              <option key={q.key} value={q.key}>
                {q.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {stats.error !== undefined && (
        <p className="form-error" role="alert">
          Could not compute the desk numbers: {stats.error.message}
        </p>
      )}
      {s === undefined ? (
        stats.error === undefined && <p className="muted">Loading…</p>
      ) : s.total === 0 && s.escalations === 0 && s.handoffs === 0 ? (
        <p className="muted">No conversation came in during this quarter yet.</p>
      ) : (
        <>
          <dl className="desk-kpis" data-testid="desk-kpis">
            <Kpi label="Conversations" value={format.number(s.total)} />
            <Kpi label="Median first response" value={hours(s.firstResponse.medianHours)} />
            <Kpi label="Answered within target" value={share(s.firstResponse)} note={s.firstResponse.withTarget === 0 ? undefined : `${format.number(s.firstResponse.withinTarget)} of ${format.number(s.firstResponse.withTarget)}`} />
            <Kpi label="Median resolution" value={hours(s.resolution.medianHours)} note="waiting for the author not counted" />
            <Kpi label="Resolved within target" value={share(s.resolution)} note={s.resolution.withTarget === 0 ? undefined : `${format.number(s.resolution.withinTarget)} of ${format.number(s.resolution.withTarget)}`} />
            <Kpi label="Escalations" value={format.number(s.escalations)} />
            <Kpi label="Hand-offs to sales" value={format.number(s.handoffs)} />
          </dl>
          <div className="desk-charts">
            <ChartCard title="Response times against target, by type">
              <EChart option={targetOption(s)} label="Share answered and resolved within target, by conversation type" unit="%" rowHeader="Type" testId="desk-chart-targets" height={260} />
            </ChartCard>
            <ChartCard title="Volume by type">
              <EChart option={stackedOption(s, s.volumeByType)} label={`Conversations per ${s.bucket}, by type`} rowHeader={s.bucket === 'week' ? 'Week' : 'Month'} testId="desk-chart-volume" height={260} />
            </ChartCard>
            <ChartCard title="Sentiment over time">
              <EChart option={stackedOption(s, s.sentiment)} label={`Conversations per ${s.bucket}, by sentiment`} rowHeader={s.bucket === 'week' ? 'Week' : 'Month'} testId="desk-chart-sentiment" height={260} />
            </ChartCard>
            <ChartCard title="Topics over time">
              <EChart option={lineOption(s, s.topics)} label={`Conversations per ${s.bucket}, by topic`} rowHeader={s.bucket === 'week' ? 'Week' : 'Month'} testId="desk-chart-topics" height={260} />
            </ChartCard>
            <ChartCard title="Escalations by team">
              {s.escalationsByTeam.length === 0 ? (
                <p className="subtle">No escalation this quarter.</p>
              ) : (
                <EChart option={barOption(s.escalationsByTeam.map((t) => [t.team, t.count]), 'Escalations')} label="Escalations by the team they went to" rowHeader="Team" testId="desk-chart-escalations" height={220} />
              )}
            </ChartCard>
            <ChartCard title="Hand-offs and what they became">
              {s.handoffsByOutcome.length === 0 ? (
                <p className="subtle">No lead was handed to sales this quarter.</p>
              ) : (
                <EChart option={barOption(s.handoffsByOutcome.map((o) => [deskLabel(o.outcome), o.count]), 'Hand-offs')} label="Hand-offs by what they became" rowHeader="Outcome" testId="desk-chart-handoffs" height={220} />
              )}
            </ChartCard>
          </div>
          <p className="subtle small">
            Times are medians in clock hours from when a conversation came in; “within target” compares each reply with its own due time in the desk’s business hours. Counts cover {format.date(s.from)} to {format.date(s.to)}.
          </p>
        </>
      )}
    </div>
  )
}

function Kpi({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="desk-kpi card">
      <dt>{label}</dt>
      <dd>
        <b>{value}</b>
        {note !== undefined && <span className="subtle small"> {note}</span>}
      </dd>
    </div>
  )
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card desk-chart" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  )
}

/** Sentiment reads as its usual colours (and its name in the legend and table, so colour is never alone). */
const tone: Record<string, string> = { positive: '#3f9d6b', neutral: '#8a94a6', negative: '#c45b5b' }

const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true }
const pct = (c: Clock): number | null => (c.share === null ? null : Math.round(c.share * 1000) / 10)

function targetOption(s: Stats) {
  return {
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? 'no target' : `${format.number(Number(v))}%`) },
    // Every type named under its bars (hiding overlaps left four of seven pairs unnamed), long ones on two lines.
    xAxis: { type: 'category', data: s.byType.map((t) => deskLabel(t.type)), axisLabel: { interval: 0, width: 64, overflow: 'break', lineHeight: 13 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: 'Answered within target', type: 'bar', data: s.byType.map((t) => pct(t.firstResponse)) },
      { name: 'Resolved within target', type: 'bar', data: s.byType.map((t) => pct(t.resolution)) }
    ]
  }
}

function stackedOption(s: Stats, series: Stats['volumeByType']) {
  return {
    grid,
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: s.periods.map((p) => periodLabel(s, p)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((x) => ({ name: deskLabel(x.name), type: 'bar', stack: 'all', data: x.values, ...(tone[x.name] === undefined ? {} : { itemStyle: { color: tone[x.name] } }) }))
  }
}

function lineOption(s: Stats, series: Stats['topics']) {
  return {
    grid,
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: s.periods.map((p) => periodLabel(s, p)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((x) => ({ name: x.name, type: 'line', data: x.values, showSymbol: s.periods.length < 20 }))
  }
}

function barOption(rows: [string, number][], name: string) {
  return {
    grid: { ...grid, top: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r[0]) },
    series: [{ name, type: 'bar', data: rows.map((r) => r[1]) }]
  }
}
