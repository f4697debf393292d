import { DateInput } from './DateInput'
import { format } from './format'
import type { RowColumn } from './fieldSpec'
import { calendarDates } from '../../../core/calendar/calendarDates'
import { localZone } from './formValues'

type Row = Record<string, string>
type Props = { id: string; label: string; columns: readonly RowColumn[]; addLabel: string; rows: Row[]; onChange: (rows: Row[]) => void }

/** A small editable table inside a form: one line per row, a Remove button each, an Add button below. */
export function RowsInput({ id, label, columns, addLabel, rows, onChange }: Props) {
  const set = (i: number, key: string, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)))
  const template = `${columns.map((c) => c.width ?? 'minmax(0, 1fr)').join(' ')} auto`
  return (
    <div className="links" id={id} role="group" aria-label={label}>
      {rows.length === 0 && <p className="subtle">None yet.</p>}
      {rows.map((r, i) => (
        <div className="links-row" key={i} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => {
            const common = { 'aria-label': `${c.label} ${i + 1}`, value: r[c.key] ?? '' }
            if (c.type === 'select')
              return (
                <select key={c.key} className="select" {...common} onChange={(e) => set(i, c.key, e.target.value)}>
                  <option value="">— {c.label} —</option>
                  {(c.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {format.enumLabel(o)}
                    </option>
                  ))}
                </select>
              )
            if (c.type === 'date') return <DateInput key={c.key} {...common} onChange={(v) => set(i, c.key, v)} />
            return <input key={c.key} className="input" placeholder={c.label} {...common} onChange={(e) => set(i, c.key, e.target.value)} />
          })}
          <button type="button" className="btn btn-ghost" aria-label={`Remove ${label.toLowerCase()} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => onChange([...rows, Object.fromEntries(columns.map((c) => [c.key, c.type === 'date' ? calendarDates.todayIn(Date.now(), localZone()) : '']))])}>
        {addLabel}
      </button>
    </div>
  )
}
