import type { ChartTable } from '../../../core/charts/chartTable'
import { format } from './format'

type Props = { table: ChartTable; id?: string }

/** A number with its unit in the reader's locale; a gap shows as a dash read out as "no value". */
function cell(v: number | null, unit: string) {
  if (v === null || !Number.isFinite(v)) return <span aria-label="no value">–</span>
  const n = format.number(v)
  return unit === '' ? n : unit === '%' ? `${n}%` : `${n} ${unit}`
}

/**
 * The numbers behind a chart as a real table: a caption, column headers with their units, a row
 * header per row. It scrolls inside its box when long, so the box takes focus (keyboard users can
 * scroll it) and is named after the caption.
 */
export function ChartDataTable({ table, id }: Props) {
  return (
    <div className="chart-table" id={id} tabIndex={0} role="region" aria-label={`${table.caption} (table)`}>
      <table>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeader === '' ? 'Category' : table.rowHeader}</th>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className="num">
                {c.label}
                {c.unit === '' ? '' : ` (${c.unit})`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, ri) => (
            <tr key={ri}>
              <th scope="row">{r.label}</th>
              {table.columns.map((c, ci) => (
                <td key={ci} className="num">
                  {cell(r.values[ci] ?? null, c.unit)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.notes.length > 0 && (
        <ul className="chart-table-notes">
          {table.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
