import type { ChannelSensitivity } from '../../../../core/scoring'

/** For each top channel, the one input that would move it, and by how much it would have to change. */
export function SensitivityList({ items }: { items: readonly ChannelSensitivity[] }) {
  if (items.length === 0) return <p className="subtle">No scored channels yet.</p>
  return (
    <ul className="prio-list" data-testid="sensitivity">
      {items.map((s) => (
        <li key={s.id}>
          <span className={s.decisive === null ? 'badge badge-ok' : s.decisive.breakEven !== null && Math.abs(s.decisive.breakEven) < 0.05 ? 'badge badge-warn' : 'badge'}>
            {s.decisive === null ? 'Robust' : s.decisive.breakEven !== null && Math.abs(s.decisive.breakEven) < 0.05 ? 'Fragile' : 'Sensitive'}
          </span>{' '}
          {s.sentence}
        </li>
      ))}
    </ul>
  )
}
