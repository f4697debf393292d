import { format } from './format'
import type { DataColumn } from './dataColumns'
import { parseNumberFilter } from './tableFilters'

type Props<Row> = { column: DataColumn<Row>; value: string; onChange: (v: string) => void }

/** The filter control under a column header: a choice for enums and yes/no, text otherwise. */
export function ColumnFilter<Row>({ column, value, onChange }: Props<Row>) {
  const label = `Filter ${column.header}`
  if (column.kind === 'enum' || column.kind === 'bool') {
    const options = column.kind === 'bool' ? ['true', 'false'] : (column.options ?? [])
    return (
      <select className="select dt-filter" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {column.kind === 'bool' ? format.bool(o === 'true') : format.enumLabel(o)}
          </option>
        ))}
      </select>
    )
  }
  const invalid = column.kind === 'number' && value.trim() !== '' && parseNumberFilter(value) === undefined
  return (
    <input
      className="input dt-filter"
      type="search"
      aria-label={label}
      aria-invalid={invalid}
      title={column.kind === 'number' ? 'A number, >10, <=5 or a range 10..20' : undefined}
      placeholder={column.kind === 'number' ? 'e.g. >10' : 'Filter'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
