import { useState } from 'react'
import { useQuery } from '../../api/useQuery'
import { GoalProgressCard } from './GoalProgressCard'
import './GoalProgress.css'

/**
 * The Goals screen's progress view: a card per goal of the chosen quarter (default: the current one,
 * else the latest with goals). `onAddGoal` opens the goal records, where a quarter without goals gets one.
 */
export function GoalProgressCards({ onAddGoal }: { onAddGoal: () => void }) {
  const [quarter, setQuarter] = useState<string | undefined>(undefined)
  // Progress reads measurements and results too (a results import moves it), not only goal records.
  const data = useQuery('goal-progress', quarter === undefined ? {} : { quarter }, { dependsOn: ['goal', 'measurement', 'outcome', 'content', 'channel'] })
  const d = data.data
  // The quarter shown is always among the choices, also when it has no goal yet (a new workspace's
  // picker was empty beside "No goals are set for 2026-Q4").
  const quarters = d === undefined ? [] : [...new Set([d.quarter, ...d.quarters])].sort().reverse()
  return (
    <section className="goal-progress" aria-label="Goal progress">
      <div className="goal-progress-bar">
        <label className="goal-progress-quarter">
          <span className="subtle">Quarter</span>
          <select className="select" aria-label="Goal quarter" value={d?.quarter ?? ''} onChange={(e) => setQuarter(e.target.value)}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
        {d !== undefined && <span className="subtle">Figures as of {d.asOf}. Projection: {d.projection}</span>}
      </div>
      {data.error !== undefined && (
        <p className="review-error" role="alert">
          {data.error.message}
        </p>
      )}
      {d !== undefined && d.goals.length === 0 && (
        <p className="muted" data-testid="goals-empty">
          No goals are set for {d.quarter}.{' '}
          <button type="button" className="btn" onClick={onAddGoal}>
            Add a goal
          </button>
        </p>
      )}
      <div className="goal-cards">
        {d?.goals.map((g) => (
          <GoalProgressCard key={g.id} card={g} />
        ))}
      </div>
    </section>
  )
}
