import { quarter } from '../../../../core/goals/quarter'
import { daysLeftIn, nextQuarterHint } from './nextQuarterHint'

/**
 * Which quarter's goals the hours are planned for: the one under way, or a later one that has goals
 * (in a quarter's last weeks, what matters is next quarter's plan, and the model predicts over its
 * whole period). Without later goals, near a quarter's end, says where to set them.
 */
export function PlanQuarter({ asOf, shown, quarters, onChange }: { asOf: string; shown: string; quarters: readonly string[]; onChange: (q: string) => void }) {
  const current = quarter.containing(asOf)
  const label = (q: string): string =>
    q === current.key ? `${q} · this quarter, ${daysLeftIn(asOf)} days left` : q > current.key ? `${q} · starts ${quarter.of(q).start}` : `${q} · the latest with goals`
  if (quarters.length > 1)
    return (
      <label className="prio-quarter">
        <span className="subtle">Plan for</span>
        <select className="select" aria-label="Quarter to plan" value={shown} onChange={(e) => onChange(e.target.value)} data-testid="plan-quarter">
          {quarters.map((q) => (
            <option key={q} value={q}>
              {label(q)}
            </option>
          ))}
        </select>
      </label>
    )
  const hint = nextQuarterHint(asOf, shown, quarters)
  return hint === null ? null : (
    <p className="subtle prio-hint" data-testid="next-quarter-hint">
      {hint}
    </p>
  )
}
