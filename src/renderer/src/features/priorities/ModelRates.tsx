import type { ApiOutput } from '../../../../core/api/contract'

type Model = ApiOutput<'score-model'>

const rate = (n: number | null): string => (n === null ? '–' : n === 0 ? '0' : Math.abs(n) < 0.1 ? n.toFixed(3) : Math.abs(n) >= 1000 ? Math.round(n).toLocaleString() : n.toFixed(2))

/**
 * Learning from results, as the model uses it: per channel and goal the person's estimate, what the
 * channel's published results did in the last 12 months, the blend and its spread. Counts and money in
 * units per 1,000 reached; rate goals in per cent (items record no per-post denominators, so estimates).
 */
export function ModelRates({ data }: { data: Model }) {
  const goals = new Map(data.goals.map((g) => [g.goalId, g]))
  const rows = data.channels
    .toSorted((a, b) => a.rank - b.rank)
    .flatMap((c) => c.rates.filter((r) => goals.has(r.goalId)).map((r, i) => ({ c, r, first: i === 0 })))
  return (
    // Keyboard users scroll it too: a focusable region with a name (axe: scrollable-region-focusable).
    <div className="prio-table-wrap prio-scroll-y" tabIndex={0} role="region" aria-label="Rates per channel and goal (scrolls)" data-testid="rates-region">
      <table className="prio-table" data-testid="rates">
        <thead>
          <tr>
            <th>Channel</th>
            <th>Goal</th>
            <th className="num" title="As estimated on the channel">Estimate</th>
            <th className="num" title="Published results in the last 12 months">Observed</th>
            <th className="num">Model uses</th>
            <th className="num" title="Coefficient of variation of the rate the model uses">± spread</th>
            <th className="num">Reach per post</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ c, r, first }) => {
            const g = goals.get(r.goalId)
            const unit = g?.kind === 'rate' ? ' %' : ''
            return (
              <tr key={`${c.channelId}:${r.goalId}`} className={first ? 'prio-group-start' : undefined}>
                <td>{first ? c.name : ''}</td>
                <td className="muted">
                  {g?.name} <span className="subtle">({g?.kind === 'rate' ? '%' : 'per 1,000 reached'})</span>
                </td>
                <td className="num">
                  {rate(r.estimate)}
                  {unit}
                </td>
                <td className="num">{r.observed === null ? '–' : `${rate(r.observed)}${unit}`}</td>
                <td className="num prio-strong">
                  {rate(r.blended)}
                  {unit}
                </td>
                <td className="num subtle">{Math.round(r.spread * 100)} %</td>
                <td className="num subtle" title={c.reach.priorSource}>
                  {first ? `${rate(c.reach.perPost)}${c.reach.posts > 0 ? ` · ${c.reach.posts} posts` : ' · prior'}` : ''}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
