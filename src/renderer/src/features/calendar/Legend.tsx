import { labelOf } from '../../../../core/domain/vocabularies'
import type { ColorBy } from './usePlannerState'

/** What the colours mean under the current scheme, with how many items each covers. */
export function Legend({ entries, colorBy }: { entries: { label: string; color: string; n: number }[]; colorBy: ColorBy }) {
  return (
    <ul className="legend" aria-label={`Colour by ${colorBy}`} data-testid="legend">
      {entries.slice(0, 14).map((e) => (
        <li key={e.label}>
          <span className="legend-dot" style={{ background: e.color }} />
          {colorBy === 'status' ? labelOf(e.label) : e.label} <span className="subtle">{e.n}</span>
        </li>
      ))}
      {entries.length > 14 && <li className="subtle">+{entries.length - 14} more</li>}
    </ul>
  )
}
