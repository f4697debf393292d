import { labelOf } from '../../../../core/domain/vocabularies'
import type { ColorBy } from './usePlannerState'

/** What the colours mean under the current scheme, with how many items each covers. */
export function Legend({ entries, colorBy }: { entries: { key: string; label: string; color: string; n: number }[]; colorBy: ColorBy }) {
  // Keyed by what the entry stands for (a channel's id), never by its label: before the channel names
  // arrive every entry is labelled "Channel", and duplicate keys left those <li>s behind once the names
  // came ("Channel 33" beside "X / @northwinddata 33").
  return (
    <ul className="legend" aria-label={`Colour by ${colorBy}`} data-testid="legend">
      {entries.slice(0, 14).map((e) => (
        <li key={e.key}>
          <span className="legend-dot" style={{ background: e.color }} />
          {colorBy === 'status' ? labelOf(e.label) : e.label} <span className="subtle">{e.n}</span>
        </li>
      ))}
      {entries.length > 14 && <li className="subtle">+{entries.length - 14} more</li>}
    </ul>
  )
}
