import { useMemo } from 'react'
import { labelOf } from '../../../../core/domain/enums'
import { useQuery } from '../../api/useQuery'
import { useCurrency } from '../../api/useCurrency'
import { useRecords } from '../../api/useRecords'
import { Dialog } from '../../components/Dialog'
import { EChart } from '../../components/EChart'
import { format } from '../../components/format'
import './ChannelPage.css'

type Props = { channelId: string; onClose: () => void }

const PLANNED = new Set(['idea', 'draft', 'in_review', 'approved', 'scheduled'])

/**
 * One channel at a glance: its numbers, whether it duplicates another channel, its metric history
 * (followers, subscribers…) and the content planned and published on it with results.
 */
export function ChannelPage({ channelId, onClose }: Props) {
  const channel = useQuery('channel-get', { id: channelId })
  const currency = useCurrency()
  const where = useMemo(() => [{ field: 'channelId', op: 'eq' as const, value: channelId }], [channelId])
  const measurements = useRecords('measurement', where)
  const content = useRecords('content', where)
  const duplicates = useQuery('channel-duplicates', {})
  const channels = useRecords('channel')
  const c = channel.data
  const dup = duplicates.data?.items.find((d) => d.channelId === channelId)
  const nameOf = new Map((channels.data?.items ?? []).map((x) => [x.id, x.name]))

  const series = useMemo(() => {
    const byMetric = new Map<string, [string, number][]>()
    for (const m of measurements.data?.items ?? []) {
      const key = m.metric === '' ? 'value' : m.metric
      byMetric.set(key, [...(byMetric.get(key) ?? []), [m.date, m.value]])
    }
    return [...byMetric].map(([name, points]) => ({ name, points: points.sort((a, b) => a[0].localeCompare(b[0])) }))
  }, [measurements.data])

  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      legend: { show: series.length > 1, top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => format.number(Number(v)) },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', scale: true, splitLine: { lineStyle: { opacity: 0.4 } } },
      series: series.map((s) => ({ name: labelOf(s.name), type: 'line', data: s.points, showSymbol: s.points.length < 30 }))
    }),
    [series]
  )

  const items = content.data?.items ?? []
  const planned = items.filter((i) => PLANNED.has(i.status)).sort((a, b) => (a.plannedDate ?? '').localeCompare(b.plannedDate ?? ''))
  const published = items
    .filter((i) => i.status === 'published')
    .sort((a, b) => (b.publishAt ?? b.plannedDate ?? '').localeCompare(a.publishAt ?? a.plannedDate ?? ''))

  return (
    <Dialog title={c?.name ?? 'Channel'} onClose={onClose} testId="channel-page">
      <div className="dialog-body channel-page">
        {c === undefined ? (
          <p className="subtle">{channel.error?.message ?? 'Loading…'}</p>
        ) : (
          <>
            <p className="muted">
              {labelOf(c.platform)} · {c.handle === '' ? 'no handle' : c.handle} · <span className="badge">{labelOf(c.status)}</span>
            </p>
            {dup !== undefined && (
              <p className="banner banner-danger" data-testid="channel-duplicate">
                Duplicate of {dup.duplicateOf.map((id) => nameOf.get(id) ?? id).join(', ')}: same platform and handle. Merge or retire one so its hours are not counted twice.
              </p>
            )}
            <dl className="channel-facts">
              <Fact label="Audience" value={format.number(c.audienceSize)} />
              <Fact label="Cadence target" value={`${format.number(c.cadencePerWeek)} posts/week`} />
              <Fact label="Effort" value={`${format.number(c.hoursPerPost)} h/post + ${format.number(c.fixedHoursPerMonth)} h/month`} />
              <Fact label="Cost" value={`${format.currency(c.costPerMonth, currency)} /month`} />
              <Fact label="Confidence" value={c.confidence.toFixed(2)} />
              <Fact label="Estimates reviewed" value={c.estimatesUpdatedAt === null ? 'never' : format.date(c.estimatesUpdatedAt)} />
            </dl>
            <h3>Metric history</h3>
            {series.length === 0 ? <p className="subtle">No channel metric recorded yet (add measurements such as followers).</p> : <EChart option={option} label={`Metric history of ${c.name}`} height={200} testId="channel-metric-chart" rowHeader="Date" />}
            <h3>Planned ({planned.length})</h3>
            <ContentList items={planned} empty="Nothing planned on this channel." />
            <h3>Published ({published.length})</h3>
            <ContentList items={published.slice(0, 50)} empty="Nothing published yet." results />
            {published.length > 50 && <p className="subtle">and {published.length - 50} earlier items</p>}
          </>
        )}
      </div>
    </Dialog>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="num">{value}</dd>
    </>
  )
}

type Item = { id: string; title: string; status: string; plannedDate: string | null; publishAt: string | null; resultReach: number | null; resultConversions: number | null }

function ContentList({ items, empty, results = false }: { items: readonly Item[]; empty: string; results?: boolean }) {
  if (items.length === 0) return <p className="subtle">{empty}</p>
  return (
    <table className="channel-content">
      <tbody>
        {items.map((i) => (
          <tr key={i.id}>
            <td className="num subtle">{format.date(i.publishAt?.slice(0, 10) ?? i.plannedDate) || 'no date'}</td>
            <td>{i.title}</td>
            <td>{results ? <span className="num subtle">{i.resultReach === null ? 'no results' : `${format.number(i.resultReach)} reached · ${format.number(i.resultConversions ?? 0)} conv.`}</span> : <span className="badge">{labelOf(i.status)}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
