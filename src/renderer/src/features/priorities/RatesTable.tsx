import type { ChannelScore } from '../../../../core/scoring'
import type { ScoreData } from './computePriorities'

const rate = (n: number | null): string => (n === null ? '–' : n < 0.1 ? n.toFixed(3) : n.toFixed(2))

/**
 * Learning from results: per channel and goal, the person's estimate, what published content
 * actually did, and the blend the score uses (more reach observed, more weight on the data).
 */
export function RatesTable({ data, ranked }: { data: ScoreData; ranked: readonly ChannelScore[] }) {
  const goalName = new Map(data.goals.map((g) => [g.id, g.name]))
  const byChannel = new Map(data.calibration.map((c) => [c.channelId, c]))
  const rows = ranked.flatMap((ch) => {
    const cal = byChannel.get(ch.id)
    if (cal === undefined) return []
    return cal.rates.filter((r) => goalName.has(r.goalId)).map((r, i) => ({ ch, cal, r, first: i === 0 }))
  })
  return (
    // Scrolls on its own: focusable and named so a keyboard can reach and scroll it (#18).
    <div className="prio-table-wrap prio-scroll-y" tabIndex={0} role="region" aria-label="Rates by channel and goal">
      <table className="prio-table" data-testid="rates">
        <thead>
          <tr>
            <th>Channel</th>
            <th>Goal</th>
            <th className="num" title="Units per 1,000 reached, as estimated">Estimate</th>
            <th className="num" title="Units per 1,000 reached in published results (last 12 months)">Observed</th>
            <th className="num">Blended</th>
            <th className="num">Evidence</th>
            <th className="num">Confidence</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ ch, cal, r, first }) => (
            <tr key={`${ch.id}:${r.goalId}`} className={first ? 'prio-group-start' : undefined}>
              <td>{first ? ch.name : ''}</td>
              <td className="muted">{goalName.get(r.goalId)}</td>
              <td className="num">{rate(r.estimate)}</td>
              <td className="num">{rate(r.observed)}</td>
              <td className="num prio-strong">{rate(r.blended)}</td>
              <td className="num subtle" title={`${Math.round(r.dataWeight * 100)} % of the blend comes from data`}>
                {r.posts === 0 ? 'none' : `${r.posts} posts · ${Math.round(r.dataWeight * 100)} %`}
              </td>
              <td className="num">{first ? `${cal.confidence.estimate.toFixed(2)} → ${cal.confidence.calibrated.toFixed(2)}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
