import type { ScoreData } from './computePriorities'
import { goalColor } from './computePriorities'

type Props = {
  goals: ScoreData['goals']
  weights: ReadonlyMap<string, number>
  /** Goals no channel links to: the model gives them no share of the hours, whatever their weight. */
  unmoved: ReadonlySet<string>
  onChange: (goalId: string, weight: number) => void
}

/** One slider per goal in play. Moving one re-ranks at once; nothing is saved until "Save weights". */
export function WeightSliders({ goals, weights, unmoved, onChange }: Props) {
  const ids = goals.map((g) => g.id)
  const moved = goals.filter((g) => !unmoved.has(g.id))
  const total = moved.reduce((s, g) => s + (weights.get(g.id) ?? g.weight), 0)
  return (
    <div className="prio-weights">
      {goals.map((g) => {
        const w = weights.get(g.id) ?? g.weight
        const share = unmoved.has(g.id) ? null : total > 0 ? w / total : 1 / moved.length
        const unit = g.kpiUnit === '' ? '' : ` ${g.kpiUnit}`
        return (
          <div key={g.id} className="prio-weight">
            <div className="prio-weight-head">
              <span className="prio-dot" style={{ background: goalColor(ids, g.id) }} aria-hidden />
              <label htmlFor={`w-${g.id}`} className="prio-weight-name" title={g.name}>
                {g.name}
              </label>
              <span className="num prio-weight-value">
                {w.toFixed(1)} <span className="subtle">· {share === null ? 'no share' : `${Math.round(share * 100)} %`}</span>
              </span>
            </div>
            <input
              id={`w-${g.id}`}
              type="range"
              min={0}
              max={10}
              step={0.5}
              value={w}
              aria-label={`Weight of ${g.name}`}
              data-testid="weight-slider"
              data-goal-id={g.id}
              onChange={(e) => onChange(g.id, Number(e.target.value))}
            />
            <p className="subtle prio-weight-note">
              {g.lowerIsBetter ? 'Lower is better: ' : ''}
              {g.measured === null ? 'no measurement yet' : `now ${fmt(g.measured)}${unit}`} → target {fmt(g.enteredTarget)}
              {unit}
              {unmoved.has(g.id) && '. No channel is linked to it, so posting does not move it and its weight changes no hours'}
            </p>
          </div>
        )
      })}
    </div>
  )
}

const fmt = (n: number): string => n.toLocaleString(undefined, { maximumFractionDigits: 1 })
