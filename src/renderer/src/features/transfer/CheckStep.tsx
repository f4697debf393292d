import type { ImportPreview } from '../../../../core/api/methods/transferMethods'

/** `noun` counts many ("channels"), `one` names one ("channel"). */
type Props = { preview: ImportPreview; noun: string; one: string }

/** The verdict before writing: every row's problems (row numbers as the spreadsheet shows them), or the first rows as they will be saved. */
export function CheckStep({ preview, noun, one }: Props) {
  const mapped = preview.fields.filter((f) => f.name !== 'id' && preview.mapping.includes(f.name))
  const shown = preview.sample.slice(0, 8)
  return (
    <div className="tx-check-step">
      {preview.problemCount > 0 ? (
        <>
          <p className="tx-verdict tx-verdict-bad" data-testid="import-summary">
            {preview.problemCount.toLocaleString()} {preview.problemCount === 1 ? 'problem' : 'problems'} in {preview.rows.toLocaleString()} rows. Nothing will be
            imported until every row is fixed: correct the file and choose it again, or change the columns.
          </p>
          <ul className="tx-problems" data-testid="import-problems">
            {preview.problems.map((p, i) => (
              <li key={i}>
                <b>
                  {p.row === 1 ? 'Columns' : `Row ${p.row}`}, {p.label}:
                </b>{' '}
                {p.message}
                {p.column !== null && p.column !== p.label && <span className="subtle"> (column “{p.column}”)</span>}
              </li>
            ))}
          </ul>
          {preview.problemCount > preview.problems.length && <p className="muted">…and {(preview.problemCount - preview.problems.length).toLocaleString()} more.</p>}
        </>
      ) : (
        <>
          <p className="tx-verdict tx-verdict-ok" data-testid="import-summary">
            {preview.rows === 1 ? 'The 1 row is ready' : `All ${preview.rows.toLocaleString()} rows are ready`}: {preview.creates.toLocaleString()} new {preview.creates === 1 ? one : noun}
            {preview.updates > 0 ? `, ${preview.updates.toLocaleString()} updated` : ''}
            {preview.rows - preview.creates - preview.updates > 0 ? `, ${(preview.rows - preview.creates - preview.updates).toLocaleString()} already up to date` : ''}.
          </p>
          {shown.length > 0 && (
            <div className="tx-sample-wrap">
              <table className="tx-table tx-sample">
                <thead>
                  <tr>
                    <th>Row</th>
                    {mapped.map((f) => (
                      <th key={f.name}>{f.label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r) => (
                    <tr key={r.row}>
                      <td className="subtle">{r.row}</td>
                      {mapped.map((f) => (
                        <td key={f.name}>{r.values[f.name] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.rows > shown.length && <p className="subtle">The first {shown.length} rows, as they will be saved.</p>}
        </>
      )}
    </div>
  )
}
