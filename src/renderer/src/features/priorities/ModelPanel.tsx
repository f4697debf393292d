import { useState } from 'react'
import type { ApiOutput } from '../../../../core/api/contract'
import type { KindName } from '../../../../core/domain/recordKinds'
import { useQuery } from '../../api/useQuery'

type Model = ApiOutput<'score-model'>
type Scenario = Model['scenario']

const DEPENDS: KindName[] = ['channel', 'goal', 'measurement', 'content', 'member', 'pin']

const SCENARIOS: { value: Scenario; label: string }[] = [
  { value: 'same-hours', label: 'Same hours as today, re-divided' },
  { value: 'plus', label: 'With more (or fewer) hours' },
  { value: 'targets', label: 'Fewest hours that reach every target' }
]

export type ModelState = {
  data: Model | undefined
  /** True while a new answer (other weights or scenario) is on its way; `data` is still the last one. */
  updating: boolean
  error: { message: string } | undefined
  scenario: Scenario
  setScenario: (s: Scenario) => void
  delta: number
  setDelta: (n: number) => void
}

/** The priority model for the scenario picked and the sliders' weights (a what-if until saved). */
export function useModel(weights: ReadonlyMap<string, number>, quarter?: string): ModelState {
  const [scenario, setScenario] = useState<Scenario>('same-hours')
  const [delta, setDelta] = useState(4)
  const input = {
    scenario,
    ...(scenario === 'plus' ? { hours: delta } : {}),
    weights: [...weights].map(([goalId, weight]) => ({ goalId, weight })),
    ...(quarter === undefined ? {} : { quarter })
  }
  const { data, error, loading } = useQuery('score-model', input, { dependsOn: DEPENDS })
  // The last answer stays on screen while the next one is computed, so moving a slider never empties the
  // table (adjusting state during render, the pattern React documents for derived state).
  const [shown, setShown] = useState<Model | undefined>(data)
  if (data !== undefined && data !== shown) setShown(data)
  return { data: data ?? shown, updating: loading && shown !== undefined, error, scenario, setScenario, delta, setDelta }
}

/**
 * The scenario picker and what the scenario says: the statement, where hours beyond today's plan come
 * from, and any warning. The table of ranks and hours follows it (ModelTable).
 */
export function ModelPanel({ model }: { model: ModelState }) {
  const { data, error, updating, scenario, setScenario, delta, setDelta } = model
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
        {updating && (
          <span className="subtle" role="status">
            Updating…
          </span>
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
      )}
    </>
  )
}
