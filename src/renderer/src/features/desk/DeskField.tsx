import { useId, type ReactNode } from 'react'
import type { ApiError } from '../../api/ApiError'

type Control = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }

/** A labelled control with its refusal under it, tied by aria-describedby, as the record forms do. */
export function DeskField({ label, error, children, help }: { label: string; error: string | undefined; help?: string; children: (c: Control) => ReactNode }) {
  const id = useId()
  const errorId = `${id}-error`
  const helpId = `${id}-help`
  const described = [error !== undefined ? errorId : '', help !== undefined ? helpId : ''].filter((x) => x !== '').join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': described === '' ? undefined : described })}
      {help !== undefined && (
        <span className="field-help subtle" id={helpId}>
          {help}
        </span>
      )}
      {error !== undefined && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </div>
  )
}

/** The message of an API refusal for one field (path starting with `field`), if any. */
export function issueAt(error: ApiError | undefined, ...path: (string | number)[]): string | undefined {
  if (error === undefined) return undefined
  const hit = error.issues.find((i) => path.every((p, k) => i.path[k] === p))
  return hit?.message
}

/** The refusal when no field carries it (a rule, a role): shown under the section's buttons. */
export function generalError(error: ApiError | undefined, fields: readonly string[]): string | undefined {
  if (error === undefined) return undefined
  return error.issues.some((i) => fields.includes(String(i.path[0]))) ? undefined : error.message
}
