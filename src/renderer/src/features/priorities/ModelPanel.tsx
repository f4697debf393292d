import { useState } from 'react'
import { glossary } from '../../components/glossary'
import { Term } from '../../components/Term'
import type { ApiOutput } from '../../../../core/api/contract'
import type { KindName } from '../../../../core/domain/recordKinds'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import type { ScoreData } from './computePriorities'
import { PinDialog } from './PinDialog'

type Model = ApiOutput<'score-model'>
type Scenario = Model['scenario']
type Range = { point: number; low: number; high: number }

const DEPENDS: KindName[] = ['channel', 'goal', 'measurement', 'content', 'member', 'pin']
const h = (n: number): string => (Math.round(n * 10) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 })
const num = (n: number): string => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString() : (Math.round(n * 10) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 }))
const range = (r: Range, pct = false): string => `${num(r.point)} (${num(r.low)}–${num(r.high)})${pct ? ' %' : ''}`
const signedRange = (r: Range, pct = false): string => `${r.point >= 0 ? '+' : '−'}${num(Math.abs(r.point))} (${num(r.low)} to ${num(r.high)})${pct ? ' pts' : ''}`

const SCENARIOS: { value: Scenario; label: string }[] = [
  { value: 'same-hours', label: 'Same hours as today, re-divided' },
  { value: 'plus', label: 'With more (or fewer) hours' },
  { value: 'targets', label: 'Fewest hours that reach every target' }
]

/**
 * The priority model (README "The model"): the scenario's allocation with today/recommended/bounds and
 * where extra hours come from, predicted ranges per goal, ranks with how often they hold, the RICE view
 * and sensitivity including goal inputs. Goal weights come from the sliders (a what-if, not saved).
 */
export function ModelPanel({ weights, pins }: { weights: ReadonlyMap<string, number>; pins: ScoreData['pins'] }) {
  const [scenario, setScenario] = useState<Scenario>('same-hours')
  const [delta, setDelta] = useState(4)
  const [pinning, setPinning] = useState<{ id: string; name: string; hours: number } | undefined>(undefined)
  const input = {
    scenario,
    ...(scenario === 'plus' ? { hours: delta } : {}),
    weights: [...weights].map(([goalId, weight]) => ({ goalId, weight }))
  }
  const { data, error } = useQuery('score-model', input, { dependsOn: DEPENDS })
  const pinByChannel = new Map(pins.map((p) => [p.channelId, p]))

  return (
    <>
      <div className="prio-capacity">
        <label htmlFor="prio-scenario">Scenario</label>
        <select id="prio-scenario" className="input prio-scenario" value={scenario} data-testid="scenario-picker" onChange={(e) => setScenario(e.target.value as Scenario)}>
          {SCENARIOS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        {scenario === 'plus' && (
          <>
            <input
              className="input num"
              type="number"
              step={1}
              min={-1000}
              max={1000}
              value={delta}
              aria-label="Hours a week more than today"
              data-testid="scenario-hours"
              onChange={(e) => Number.isFinite(Number(e.target.value)) && e.target.value.trim() !== '' && setDelta(Number(e.target.value))}
            />
            <span>h/week more than today</span>
          </>
        )}
      </div>
      {error !== undefined && (
        <p className="form-error" role="alert">
          Could not run the model: {error.message}
        </p>
      )}
      {data === undefined ? (
        <p className="subtle">{error === undefined ? 'Running the model…' : ''}</p>
      ) : (
        <>
          <div className="prio-facts">
            <p data-testid="scenario-statement">{data.allocation.statement}</p>
            <p className="prio-strong" data-testid="hours-source">
              {data.allocation.source}
            </p>
            {data.allocation.warnings.map((w) => (
              <p key={w} className="prio-warning">
                {w}
              </p>
            ))}
          </div>
          <div className="prio-table-wrap">
            <table className="prio-table" data-testid="allocation">
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>Channel</th>
                  <th className="num" title="Share of plausible inputs in which the channel keeps this rank">Rank holds</th>
                  <th className="num">Today h/wk</th>
                  <th className="num">Recommended</th>
                  <th className="num">Bounds</th>
                  <th className="num">Posts/wk</th>
                  <th>Predicted this quarter (80 %)</th>
                  <th>±1 post/week</th>
                  <th>
                    <Term id="pin" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.channels
                  .toSorted((a, b) => a.rank - b.rank)
                  .map((c) => {
                    const row = data.allocation.rows.find((r) => r.channelId === c.channelId)
                    const pin = pinByChannel.get(c.channelId)
                    const goals = new Map(data.goals.map((g) => [g.goalId, g]))
                    return (
                      <tr key={c.channelId} data-testid="allocation-row" data-channel-id={c.channelId} data-hours={row?.hours ?? 0} data-rank={c.rank}>
                        <td className="num">{c.rank}</td>
                        <td title={c.explanation}>
                          {c.name}
                          {c.tier !== 'scorable' && <span className="badge prio-tier">{c.tier}</span>}
                        </td>
                        <td className="num" data-testid="rank-holds">
                          holds in {Math.round(c.holds * 100)} %
                        </td>
                        <td className="num">{h(row?.currentHours ?? 0)}</td>
                        <td className="num prio-strong">{h(row?.hours ?? 0)}</td>
                        <td className="num" title={row?.boundsWhy}>
                          {h(row?.min ?? 0)}–{h(row?.max ?? 0)}
                        </td>
                        <td className="num">
                          {h(c.cadence.todayPostsPerWeek)} → {h(c.cadence.recommendedPostsPerWeek)}
                        </td>
                        <td data-testid="predicted">
                          {c.predicted.map((p) => (
                            <div key={p.goalId} className="prio-range">
                              {goals.get(p.goalId)?.name}: {range(p, goals.get(p.goalId)?.kind === 'rate')}
                            </div>
                          ))}
                        </td>
                        <td>
                          {c.cadence.plusOne.map((p) => (
                            <div key={p.goalId} className="prio-range subtle">
                              +1: {signedRange(p, goals.get(p.goalId)?.kind === 'rate')}
                            </div>
                          ))}
                        </td>
                        <td className="prio-pin-cell">
                          {pin === undefined ? (
                            <button type="button" className="btn btn-ghost prio-small" data-testid="pin-create" title={`${glossary.pin.term}: ${glossary.pin.meaning}`} onClick={() => setPinning({ id: c.channelId, name: c.name, hours: row?.currentHours ?? 0 })}>
                              Pin…
                            </button>
                          ) : (
                            <span className="prio-pin" data-testid="pin-shown">
                              <span className={pin.exclude ? 'badge badge-danger' : 'badge badge-accent'}>{pin.exclude ? 'Excluded' : `≥ ${h(pin.minHours)} h`}</span>
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
          <h3 className="panel-subtitle">Goals: predicted over what is left of each quarter</h3>
          <table className="prio-table" data-testid="goal-predictions">
            <thead>
              <tr>
                <th>Goal</th>
                <th className="num">Weeks left</th>
                <th className="num">Today’s plan</th>
                <th className="num">Recommended</th>
                <th>Why it pulls hours (or not)</th>
              </tr>
            </thead>
            <tbody>
              {data.goals.map((g) => (
                <tr key={g.goalId}>
                  <td>
                    {g.name} <span className="subtle">({g.kind})</span>
                  </td>
                  <td className="num">{h(g.weeks)}</td>
                  <td className="num">{range(g.today, g.kind === 'rate')}</td>
                  <td className="num prio-strong">{range(g, g.kind === 'rate')}</td>
                  <td className="subtle">{g.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="subtle prio-hint">{data.stability.method}</p>
          <div className="prio-grid-bottom">
            <section aria-label="RICE view">
              <h3 className="panel-subtitle">The same inputs as plain RICE</h3>
              <p className="subtle prio-hint">Reach × Impact × Confidence ÷ Effort, from the estimates alone.</p>
              <table className="prio-table" data-testid="rice">
                <thead>
                  <tr>
                    <th>Channel</th>
                    <th className="num">Reach</th>
                    <th className="num">Impact /1,000</th>
                    <th className="num">Confidence</th>
                    <th className="num">Effort h</th>
                    <th className="num">RICE #</th>
                    <th className="num">Model #</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rice.rows
                    .toSorted((a, b) => a.rank - b.rank)
                    .map((r) => {
                      const c = data.channels.find((x) => x.channelId === r.channelId)
                      return (
                        <tr key={r.channelId}>
                          <td>{c?.name}</td>
                          <td className="num">{num(r.reach)}</td>
                          <td className="num">{r.impact.toFixed(2)}</td>
                          <td className="num">{r.confidence.toFixed(2)}</td>
                          <td className="num">{num(r.effort)}</td>
                          <td className="num">{r.rank}</td>
                          <td className="num">{c?.rank}</td>
                        </tr>
                      )
                    })}
                </tbody>
              </table>
              <p data-testid="rice-sentence">{data.rice.sentence}</p>
            </section>
            <section aria-label="Sensitivity">
              <h3 className="panel-subtitle">Sensitivity of the top 5, goal inputs included</h3>
              <ul className="prio-list" data-testid="sensitivity">
                {data.sensitivity.map((s) => (
                  <li key={s.channelId}>
                    {s.decisive ?? `${s.name} (#${s.rank}) keeps its rank with any single input ±20 %.`}
                    <span className="subtle">
                      {' '}
                      Goal inputs:{' '}
                      {s.inputs
                        .filter((i) => i.scope === 'goal')
                        .map((i) => `${i.label} → #${i.rankLow}/#${i.rankHigh}`)
                        .join(', ') || 'none'}
                      .
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      )}
      {pinning !== undefined && <PinDialog channelId={pinning.id} channelName={pinning.name} currentHours={pinning.hours} onClose={() => setPinning(undefined)} />}
    </>
  )
}
