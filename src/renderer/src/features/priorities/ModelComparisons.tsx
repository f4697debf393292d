import type { ApiOutput } from '../../../../core/api/contract'
import { num, rankLabel } from './ModelTable'

type Model = ApiOutput<'score-model'>

/**
 * Beside the model: the plain RICE view of the same inputs (clearly not the advice, with why it ranks
 * differently) and which single input, a goal's included, would move a top rank.
 */
export function ModelComparisons({ data }: { data: Model }) {
  const byId = new Map(data.channels.map((c) => [c.channelId, c]))
  return (
    <div className="prio-grid-bottom">
      <section className="card prio-card" aria-labelledby="prio-rice-title">
        <h2 className="panel-title" id="prio-rice-title">
          Plain RICE, for comparison
        </h2>
        <p className="subtle prio-hint">
          Reach × Impact × Confidence ÷ Effort from the estimates alone: reach is the audience times the platform’s organic share, impact the entered rates. The ranking above
          is the advice; it uses what published posts reached and brought, diminishing returns and what each goal still needs, so where the two disagree the reason is below.
        </p>
        <div className="prio-table-wrap" tabIndex={0} role="region" aria-label="Plain RICE scores (scrolls)">
          <table className="prio-table" data-testid="rice">
            <thead>
              <tr>
                <th>Channel</th>
                <th className="num">Reach</th>
                <th className="num">Impact /1,000</th>
                <th className="num">Confidence</th>
                <th className="num">Effort h</th>
                <th className="num">RICE #</th>
                <th className="num">Model</th>
              </tr>
            </thead>
            <tbody>
              {data.rice.rows
                .toSorted((a, b) => a.rank - b.rank)
                .map((r) => {
                  const c = byId.get(r.channelId)
                  return (
                    <tr key={r.channelId}>
                      <td>{c?.name}</td>
                      <td className="num">{num(r.reach)}</td>
                      <td className="num">{r.impact.toFixed(2)}</td>
                      <td className="num">{r.confidence.toFixed(2)}</td>
                      <td className="num">{num(r.effort)}</td>
                      <td className="num">#{r.rank}</td>
                      <td className="num">{c === undefined ? '' : rankLabel(c)}</td>
                    </tr>
                  )
                })}
            </tbody>
          </table>
        </div>
        <p data-testid="rice-sentence">{data.rice.sentence}</p>
      </section>
      <section className="card prio-card" aria-labelledby="prio-sensitivity-title">
        <h2 className="panel-title" id="prio-sensitivity-title">
          What would move a top rank
        </h2>
        <p className="subtle prio-hint">One input at a time, −20 % and +20 %, for the top 5; goal weights, targets and baselines included.</p>
        {data.sensitivity.length === 0 && (
          // A new team's first channel, not yet linked to a goal, is ranked but adds to nothing: there is no rank to move.
          <p className="muted" data-testid="sensitivity-empty">
            No rank to test yet: this covers channels that add to a goal. Link channels to this quarter's goals with an expected rate (Channels, estimates).
          </p>
        )}
        <ul className="prio-list" data-testid="sensitivity">
          {data.sensitivity.map((s) => {
            // Only the goal inputs that move this rank: a list of every input "→ #3/#3" hid the few that matter.
            const moving = s.inputs.filter((i) => i.scope === 'goal' && (i.rankLow !== s.rank || i.rankHigh !== s.rank))
            return (
              <li key={s.channelId}>
                {s.decisive ?? `${s.name} (#${s.rank}) keeps its rank with any single input ±20 %.`}{' '}
                <span className="subtle">
                  {moving.length === 0
                    ? 'No goal weight, target or baseline moves it.'
                    : `Goal inputs that move it: ${moving.map((i) => `${i.label} (#${i.rankLow} at −20 %, #${i.rankHigh} at +20 %)`).join('; ')}.`}
                </span>
              </li>
            )
          })}
        </ul>
      </section>
    </div>
  )
}
