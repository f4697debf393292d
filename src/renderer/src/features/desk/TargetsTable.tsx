import { enums } from '../../../../core/domain/enums'
import { deskLabel } from '../../../../core/listening/deskLabel'
import type { ApiError } from '../../api/ApiError'
import { issueAt } from './DeskField'

type ConvType = (typeof enums.conversationType.options)[number]
type Priority = (typeof enums.priority.options)[number]
export type TargetDraft = { type: ConvType; priority: Priority; firstResponseHours: string; resolutionHours: string }

/**
 * The response targets as one table: a row per type and priority, first response and resolution in
 * business hours. A missing pair can be added; a refusal shows in the cell it is about.
 */
export function TargetsTable({ targets, error, onChange }: { targets: TargetDraft[]; error: ApiError | undefined; onChange: (t: TargetDraft[]) => void }) {
  const set = (i: number, patch: Partial<TargetDraft>): void => onChange(targets.map((t, j) => (j === i ? { ...t, ...patch } : t)))
  const missing = enums.conversationType.options.flatMap((type) => enums.priority.options.filter((priority) => !targets.some((t) => t.type === type && t.priority === priority)).map((priority) => ({ type, priority })))
  const cell = (i: number, field: 'firstResponseHours' | 'resolutionHours', label: string) => {
    const t = targets[i]
    if (t === undefined) return null
    const msg = issueAt(error, 'targets', i, field)
    const id = `target-${i}-${field}`
    return (
      <td>
        <input
          id={id}
          className="input num desk-hours"
          inputMode="decimal"
          aria-label={`${label}, ${deskLabel(t.type)} at ${deskLabel(t.priority).toLowerCase()} priority`}
          aria-invalid={msg !== undefined}
          aria-describedby={msg === undefined ? undefined : `${id}-error`}
          value={t[field]}
          onChange={(e) => set(i, { [field]: e.target.value })}
          data-testid={`target-${t.type}-${t.priority}-${field === 'firstResponseHours' ? 'first' : 'resolution'}`}
        />
        {msg !== undefined && (
          <span className="field-error" id={`${id}-error`} role="alert">
            {msg}
          </span>
        )}
      </td>
    )
  }
  return (
    <div className="desk-targets">
      <table className="desk-table">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Priority</th>
            <th scope="col">First response (h)</th>
            <th scope="col">Resolution (h)</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t, i) => (
            <tr key={`${t.type}-${t.priority}-${i}`}>
              <th scope="row">{deskLabel(t.type)}</th>
              <td>{deskLabel(t.priority)}</td>
              {cell(i, 'firstResponseHours', 'First response')}
              {cell(i, 'resolutionHours', 'Resolution')}
              <td>
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(targets.filter((_, j) => j !== i))}>
                  Remove<span className="sr-only"> the {deskLabel(t.type).toLowerCase()} {deskLabel(t.priority).toLowerCase()} target</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {issueAt(error, 'targets') !== undefined && error?.issues.some((x) => x.path[0] === 'targets' && x.path.length <= 2) === true && (
        <p className="field-error" role="alert">
          {error.issues.find((x) => x.path[0] === 'targets' && x.path.length <= 2)?.message}
        </p>
      )}
      {missing.length > 0 && (
        <p className="subtle small">
          {missing.length} type and priority pairs have no target (no clock runs for them).{' '}
          <button type="button" className="btn btn-sm" onClick={() => onChange([...targets, ...missing.map((m) => ({ ...m, firstResponseHours: '8', resolutionHours: '40' }))])}>
            Add them
          </button>
        </p>
      )}
    </div>
  )
}
