import type { ApiOutput } from '../../../../core/api/contract'
import type { ScoringFlag } from '../../../../core/scoring'
import { predictionFigure, predictionRange, unitAfter } from '../../../../core/scoring/predictionRange'
import { api } from '../../api/client'
import { glossary } from '../../components/glossary'
import { Term } from '../../components/Term'
import type { ScoreData } from './computePriorities'
import { FLAG_LABELS } from './flagLabels'

type Model = ApiOutput<'score-model'>
type Channel = Model['channels'][number]
type Range = { point: number; low: number; high: number }

export const hours = (n: number): string => (Math.round(n * 10) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 })
export const num = predictionFigure
export { unitAfter }
type GoalUnit = { kind: string; unit: string } | undefined
export const range = predictionRange
/** "+1.5", "−0.7", and "0" where the change rounds to nothing (not "−0"); a rate's change is in points. */
const signedRange = (r: Range, g: GoalUnit): string => {
  const n = num(Math.abs(r.point))
  const unit = g?.kind === 'rate' ? ' pts' : unitAfter(g)
  return `${n === '0' ? '' : r.point >= 0 ? '+' : '−'}${n}${unit} (${num(r.low)} to ${num(r.high)})`
}

/** Input facts a person should act on (the channel's data, not a score): shown beside its name. */
const FACT_FLAGS: readonly ScoringFlag[] = ['duplicate', 'stale-estimate', 'undated-estimate']

/** "#3", or "#1–2" with "tied" when the inputs' uncertainty cannot order the group (README "Ties"). */
export function rankLabel(c: Pick<Channel, 'rank' | 'rankFrom' | 'rankTo'>): string {
  return c.rankFrom < c.rankTo ? `#${c.rankFrom}–${c.rankTo}` : `#${c.rank}`
}

type Props = {
  data: Model
  pins: ScoreData['pins']
  /** Channel id → flags from the channel's inputs (duplicate, stale estimate…). */
  flags: ReadonlyMap<string, readonly ScoringFlag[]>
  onOpen: (channelId: string) => void
  onPin: (p: { id: string; name: string; hours: number }) => void
}

/**
 * The one ranking on the screen: the model's rank (ties as a range), how often it holds, the scenario's
 * hours, posts per week, the predicted result per goal and what one post a week more or fewer brings.
 */
export function ModelTable({ data, pins, flags, onOpen, onPin }: Props) {
  const pinByChannel = new Map(pins.map((p) => [p.channelId, p]))
  const goals = new Map(data.goals.map((g) => [g.goalId, g]))
  const rows = new Map(data.allocation.rows.map((r) => [r.channelId, r]))
  return (
    <div className="prio-table-wrap" tabIndex={0} role="region" aria-label="Channels ranked by the model (scrolls)">
      <table className="prio-table prio-model-table" data-testid="allocation">
        <thead>
          <tr>
            <th className="num">Rank</th>
            <th>Channel</th>
            <th className="num" title="Share of plausible inputs in which the channel's rank stays where it is shown">
              Rank holds
            </th>
            <th className="num" title="Recommended hours a week; today's and the bounds below">
              Hours/week
            </th>
            <th className="num">Posts/week</th>
            <th>Predicted, {data.quarter} (80 %)</th>
            <th>+1 post/week</th>
            <th>
              <Term id="pin" />
            </th>
          </tr>
        </thead>
        <tbody>
          {data.channels
            .toSorted((a, b) => a.rank - b.rank)
            .map((c) => {
              const row = rows.get(c.channelId)
              const pin = pinByChannel.get(c.channelId)
              const tied = c.rankFrom < c.rankTo
              const funded = (row?.hours ?? 0) > 0
              const facts = (flags.get(c.channelId) ?? []).filter((f) => FACT_FLAGS.includes(f))
              return (
                <tr
                  key={c.channelId}
                  data-testid="allocation-row"
                  data-channel-id={c.channelId}
                  data-hours={row?.hours ?? 0}
                  data-rank={c.rank}
                  className={tied && c.rank === c.rankFrom ? 'prio-group-start' : undefined}
                >
                  <td className="num prio-rank" data-testid="model-rank">
                    {rankLabel(c)}
                    {tied && (
                      <div className="subtle prio-tied" title="The difference is inside the noise: another channel of the group comes out ahead in at least 5 % of plausible inputs">
                        tied
                      </div>
                    )}
                  </td>
                  <td className="prio-channel-cell">
                    <button type="button" className="link-button prio-name" onClick={() => onOpen(c.channelId)} data-testid="priority-name" title={c.explanation}>
                      {c.name}
                    </button>
                    <div className="prio-flags">
                      {c.tier !== 'scorable' && <span className="badge prio-tier">{c.tier}</span>}
                      {facts.map((f) => (
                        <span key={f} className={FLAG_LABELS[f].tone === 'muted' ? 'badge' : `badge badge-${FLAG_LABELS[f].tone}`} title={FLAG_LABELS[f].help} data-flag={f}>
                          {FLAG_LABELS[f].label}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td className="num" data-testid="rank-holds">
                    holds in {Math.round(c.holds * 100)} %
                  </td>
                  <td className="num" title={row?.boundsWhy}>
                    <span className="prio-strong">{hours(row?.hours ?? 0)}</span>
                    <div className="subtle prio-sub">
                      today {hours(row?.currentHours ?? 0)} · {hours(row?.min ?? 0)}–{hours(row?.max ?? 0)}
                    </div>
                  </td>
                  <td className="num">
                    {hours(c.cadence.todayPostsPerWeek)} → {hours(c.cadence.recommendedPostsPerWeek)}
                  </td>
                  <td data-testid="predicted" className="prio-predicted">
                    {c.predicted.map((p) => (
                      <div key={p.goalId} className="prio-range">
                        <span className="prio-range-goal">{goals.get(p.goalId)?.name}</span> <span className="prio-range-value">{range(p, goals.get(p.goalId))}</span>
                      </div>
                    ))}
                  </td>
                  <td className="prio-plus-one" data-testid="plus-one">
                    {!funded ? (
                      // A channel the plan gives no hours posts nothing: one post more is not on the table.
                      <span className="subtle">{c.status === 'paused' || c.status === 'retired' ? c.status : 'no hours'}</span>
                    ) : (
                      c.cadence.plusOne.map((p) => (
                        <div key={p.goalId} className="prio-range subtle">
                          <span className="prio-range-goal">{goals.get(p.goalId)?.name}</span> <span className="prio-range-value">+1: {signedRange(p, goals.get(p.goalId))}</span>
                        </div>
                      ))
                    )}
                  </td>
                  <td className="prio-pin-cell">
                    {pin === undefined ? (
                      <button type="button" className="btn btn-ghost prio-small" data-testid="pin-create" title={`${glossary.pin.term}: ${glossary.pin.meaning}`} onClick={() => onPin({ id: c.channelId, name: c.name, hours: row?.currentHours ?? 0 })}>
                        Pin…
                      </button>
                    ) : (
                      <span className="prio-pin" data-testid="pin-shown">
                        <span className={pin.exclude ? 'badge badge-danger' : 'badge badge-accent'}>{pin.exclude ? 'Excluded' : `≥ ${hours(pin.minHours)} h`}</span>
                        <span className="prio-pin-reason" title={pin.reason}>
                          {pin.reason}
                        </span>
                        <button type="button" className="btn btn-ghost prio-small" aria-label={`Remove the pin on ${c.name}`} data-testid="pin-remove" onClick={() => void api.records('pin').delete(pin.id)}>
                          Remove
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              )
            })}
        </tbody>
      </table>
    </div>
  )
}
