import type { ApiOutput } from '../../../../core/api/contract'
import { labelOf } from '../../../../core/domain/enums'
import { hours, num, unitAfter } from './ModelTable'

type Range = { point: number; low: number; high: number }

/** Point on top, the 80 % range under it: two short lines fit a half-width card. */
function Cell({ r, unit }: { r: Range; unit: string }) {
  return (
    <>
      {num(r.point)}
      {unit}
      <div className="subtle prio-sub">
        {num(r.low)}–{num(r.high)}
      </div>
    </>
  )
}

type Model = ApiOutput<'score-model'>

/** Per goal: what today's plan and the recommendation are expected to bring over what is left of its quarter. */
export function GoalPredictions({ data }: { data: Model }) {
  return (
    <div className="prio-table-wrap" tabIndex={0} role="region" aria-label="Predicted results per goal (scrolls)">
      <table className="prio-table" data-testid="goal-predictions">
        <thead>
          <tr>
            <th>Goal</th>
            <th className="num">Today’s plan</th>
            <th className="num">Recommended</th>
          </tr>
        </thead>
        <tbody>
          {data.goals.map((g) => (
            <tr key={g.goalId}>
              <td>
                {g.name} <span className="subtle">· {labelOf(g.kind)}</span>
                <div className="subtle prio-why-line">
                  {hours(g.weeks)} weeks left · {g.why}
                </div>
              </td>
              {g.predicted ? (
                <>
                  <td className="num">
                    <Cell r={g.today} unit={unitAfter(g)} />
                  </td>
                  <td className="num prio-strong">
                    <Cell r={g} unit={unitAfter(g)} />
                  </td>
                </>
              ) : (
                // A zero here would read as "the plan achieves nothing"; the plan simply does not act on it.
                <td colSpan={2} className="subtle prio-not-predicted" data-testid="goal-not-predicted">
                  Not predicted: posting does not move this goal
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
