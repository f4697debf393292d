import type { ImportPreview } from '../../../../core/api/methods/transferMethods'

type Props = {
  preview: ImportPreview
  onMap: (header: string, field: string) => void
  updateById: boolean
  onUpdateById: (v: boolean) => void
}

/** One line per CSV column: what it holds (first value) and the field it fills, guessed and changeable. */
export function MappingStep({ preview, onMap, updateById, onUpdateById }: Props) {
  const fields = preview.fields.filter((f) => f.name !== 'id' || preview.hasIdColumn)
  const missing = preview.problems.filter((p) => p.row === 1 && p.field !== null)
  const mapped = preview.mapping.filter((m) => m !== null).length
  return (
    <div className="tx-mapping">
      <p className="muted">
        {mapped} of {preview.headers.length} columns matched by their names. Change any that are wrong; columns set to “Don’t import” are left out.
      </p>
      {missing.length > 0 && (
        <p className="tx-warn" role="alert">
          Required without a column: {missing.map((p) => p.label).join(', ')}
        </p>
      )}
      <table className="tx-table" data-testid="import-mapping">
        <thead>
          <tr>
            <th>CSV column</th>
            <th>First value</th>
            <th>Field</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((h, i) => {
            const current = preview.mapping[i] ?? ''
            return (
              <tr key={`${h}-${i}`} className={current === '' ? 'tx-ignored' : ''}>
                <th scope="row">{h || <span className="subtle">(no name)</span>}</th>
                <td className="tx-example" title={preview.examples[i]}>
                  {preview.examples[i] || <span className="subtle">blank</span>}
                </td>
                <td>
                  <select className="input" aria-label={`Field for column ${h}`} value={current} onChange={(e) => onMap(h, e.target.value)}>
                    <option value="">Don’t import</option>
                    {fields.map((f) => (
                      <option key={f.name} value={f.name}>
                        {f.label}
                        {f.required ? ' *' : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {preview.hasIdColumn && (
        <label className="tx-check">
          <input type="checkbox" className="checkbox" checked={updateById} onChange={(e) => onUpdateById(e.target.checked)} data-testid="import-update" />
          Update existing records by id (rows whose id is new are added with that id)
        </label>
      )}
    </div>
  )
}
