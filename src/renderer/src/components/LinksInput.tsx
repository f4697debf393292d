import type { RefOption } from './fieldSpec'
import type { LinkRow } from './formValues'

type Props = {
  id: string
  label: string
  valueLabel: string
  rows: LinkRow[]
  options: readonly RefOption[]
  onChange: (rows: LinkRow[]) => void
}

/** Rows of (record, number): a channel's linked goals with the expected rate toward each. */
export function LinksInput({ id, label, valueLabel, rows, options, onChange }: Props) {
  const set = (i: number, patch: Partial<LinkRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const free = options.filter((o) => !rows.some((r) => r.id === o.id))
  return (
    <div className="links" id={id} role="group" aria-label={label}>
      {rows.length === 0 && <p className="subtle">None linked yet.</p>}
      {rows.map((r, i) => (
        <div className="links-row" key={`${r.id}-${i}`}>
          <select className="select" aria-label={`${label} ${i + 1}`} value={r.id} onChange={(e) => set(i, { id: e.target.value })}>
            {r.id === '' && <option value="">— Choose —</option>}
            {r.id !== '' && !options.some((o) => o.id === r.id) && <option value={r.id}>Unknown or deleted record</option>}
            {options
              .filter((o) => o.id === r.id || !rows.some((x) => x.id === o.id))
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          </select>
          <input className="input num" inputMode="decimal" aria-label={`${valueLabel} ${i + 1}`} placeholder={valueLabel} value={r.value} onChange={(e) => set(i, { value: e.target.value })} />
          <button type="button" className="btn btn-ghost" aria-label={`Remove link ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn" disabled={free.length === 0} onClick={() => onChange([...rows, { id: free[0]?.id ?? '', value: '' }])}>
        Add a link
      </button>
    </div>
  )
}
