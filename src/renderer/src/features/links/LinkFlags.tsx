import type { RegistryRowView } from '../../../../core/api/methods/linkMethods'

type Flag = RegistryRowView['flags'][number]

/** Flags in words with a mark, so they do not rest on colour alone. */
export const flagLabel: Record<Flag['kind'], string> = { duplicate: 'Duplicate', conflict: 'Conflict', convention: 'Off convention', unreadable: 'Cannot be read' }

/**
 * A link's findings: in the table one line each (the row keeps its height, the full text is in the
 * panel beside it), in the panel as a list.
 */
export function LinkFlags({ flags, compact = false }: { flags: readonly Flag[]; compact?: boolean }) {
  if (flags.length === 0) return <span className="subtle">None</span>
  const items = flags.map((f) => (
    <span key={f.kind + f.message} className={`links-flag links-flag-${f.kind}`} data-testid={`link-flag-${f.kind}`}>
      <strong>
        <span aria-hidden="true">⚠ </span>
        {flagLabel[f.kind]}:
      </strong>{' '}
      {f.message}
    </span>
  ))
  if (compact) return <span className="links-flags-inline">{items}</span>
  return (
    <ul className="links-flags">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  )
}
