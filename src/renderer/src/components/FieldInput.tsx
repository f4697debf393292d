import { format } from './format'
import type { FieldSpec, RefOptions } from './fieldSpec'
import { LinksInput } from './LinksInput'
import { DateInput } from './DateInput'
import { linkRows, localZone, tableRows, timeKey, type Draft } from './formValues'
import { RowsInput } from './RowsInput'

type Props = {
  field: FieldSpec
  draft: Draft
  id: string
  error: string | undefined
  errorId: string
  nullable: boolean
  refOptions: RefOptions
  onChange: (name: string, value: string | boolean) => void
}

let zones: readonly string[] | undefined
/** IANA zones for the zone picker; computed once, the list has ~430 entries. */
function timeZones(): readonly string[] {
  zones ??= Intl.supportedValuesOf('timeZone')
  return zones
}

/** The control for one field; labels, errors and layout are RecordForm's job. */
export function FieldInput({ field, draft, id, error, errorId, nullable, refOptions, onChange }: Props) {
  const value = draft[field.name]
  const text = typeof value === 'string' ? value : ''
  const common = {
    id,
    name: field.name,
    'aria-invalid': error !== undefined,
    'aria-describedby': error !== undefined ? errorId : undefined
  }
  switch (field.input) {
    case 'textarea':
      return <textarea {...common} className="textarea" value={text} onChange={(e) => onChange(field.name, e.target.value)} />
    case 'checkbox':
      return <input {...common} type="checkbox" className="checkbox" checked={value === true} onChange={(e) => onChange(field.name, e.target.checked)} />
    case 'number':
      // type=text + inputMode: a number input would swallow "12,000" and report nothing to validate.
      return <input {...common} className="input num" inputMode="decimal" autoComplete="off" value={text} onChange={(e) => onChange(field.name, e.target.value)} />
    case 'date':
      return <DateInput {...common} value={text} onChange={(v) => onChange(field.name, v)} />
    case 'tags':
      return <input {...common} className="input" placeholder="Comma-separated" value={text} onChange={(e) => onChange(field.name, e.target.value)} />
    case 'choices': {
      const on = new Set(text.split(',').map((t) => t.trim()).filter((t) => t !== ''))
      const set = (o: string, checked: boolean): void => onChange(field.name, field.options.filter((x) => (x === o ? checked : on.has(x))).join(', '))
      return (
        <div id={id} role="group" aria-label={field.label} aria-invalid={error !== undefined} aria-describedby={common['aria-describedby']} className="choices">
          {field.options.map((o) => (
            <label key={o} className="choice">
              <input type="checkbox" checked={on.has(o)} onChange={(e) => set(o, e.target.checked)} /> {format.enumLabel(o)}
            </label>
          ))}
        </div>
      )
    }
    case 'refChoices': {
      const on = new Set(text.split(',').map((t) => t.trim()).filter((t) => t !== ''))
      const options = refOptions[field.refKind] ?? []
      // A ticked record that was deleted stays listed, so it can be seen and unticked rather than kept invisibly.
      const all = [...options, ...[...on].filter((x) => !options.some((o) => o.id === x)).map((x) => ({ id: x, name: 'Unknown or deleted record' }))]
      const set = (o: string, checked: boolean): void => onChange(field.name, all.map((x) => x.id).filter((x) => (x === o ? checked : on.has(x))).join(', '))
      return (
        <div id={id} role="group" aria-label={field.label} aria-invalid={error !== undefined} aria-describedby={common['aria-describedby']} className="choices">
          {all.length === 0 && <span className="subtle">None yet</span>}
          {all.map((o) => (
            <label key={o.id} className="choice">
              <input type="checkbox" checked={on.has(o.id)} onChange={(e) => set(o.id, e.target.checked)} /> {o.name}
            </label>
          ))}
        </div>
      )
    }
    case 'select':
      return (
        <select {...common} className="select" value={text} onChange={(e) => onChange(field.name, e.target.value)}>
          {(nullable || text === '') && <option value="">{nullable ? '— None —' : '— Choose —'}</option>}
          {field.options.map((o) => (
            <option key={o} value={o}>
              {format.enumLabel(o)}
            </option>
          ))}
        </select>
      )
    case 'ref': {
      const options = refOptions[field.refKind] ?? []
      const known = text === '' || options.some((o) => o.id === text)
      return (
        <select {...common} className="select" value={text} onChange={(e) => onChange(field.name, e.target.value)}>
          {(nullable || text === '') && <option value="">{nullable ? '— None —' : '— Choose —'}</option>}
          {!known && <option value={text}>Unknown or deleted record</option>}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )
    }
    case 'rows':
      return <RowsInput id={id} label={field.label} columns={field.columns} addLabel={field.addLabel} rows={tableRows(value)} onChange={(rows) => onChange(field.name, JSON.stringify(rows))} />
    case 'links':
      return (
        <LinksInput
          id={id}
          label={field.label}
          valueLabel={field.valueLabel}
          rows={linkRows(value)}
          options={refOptions[field.refKind] ?? []}
          onChange={(rows) => onChange(field.name, JSON.stringify(rows))}
        />
      )
    case 'datetime': {
      const zoneField = field.zoneField
      const zoneValue = zoneField === undefined ? '' : String(draft[zoneField] ?? '')
      return (
        <div className={zoneField === undefined ? 'datetime datetime-here' : 'datetime'}>
          <span className="datetime-wall">
            <DateInput {...common} value={text} onChange={(v) => onChange(field.name, v)} />
            <input
              className="input datetime-time"
              name={timeKey(field.name)}
              aria-label={`${field.label} time of day`}
              aria-invalid={common['aria-invalid']}
              aria-describedby={common['aria-describedby']}
              placeholder="HH:MM"
              inputMode="numeric"
              autoComplete="off"
              value={typeof draft[timeKey(field.name)] === 'string' ? String(draft[timeKey(field.name)]) : ''}
              onChange={(e) => onChange(timeKey(field.name), e.target.value)}
            />
          </span>
          {zoneField === undefined ? (
            <span className="subtle datetime-zone">In your time zone ({localZone().replace(/_/g, ' ')})</span>
          ) : (
            <select className="select" aria-label={`${field.label} time zone`} aria-invalid={common['aria-invalid']} aria-describedby={common['aria-describedby']} name={zoneField} value={zoneValue} onChange={(e) => onChange(zoneField, e.target.value)}>
              <option value="">— Zone —</option>
              {timeZones().map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </div>
      )
    }
    default:
      return <input {...common} className="input" value={text} onChange={(e) => onChange(field.name, e.target.value)} />
  }
}
