import { useEffect, useId, useState, type FormEvent } from 'react'
import { strictDateTime } from '../../../../core/domain/strictDateTime'
import { DateInput } from '../../components/DateInput'
import { Dialog } from '../../components/Dialog'

type Props = { title: string; date: string; onMove: (date: string) => void; onClose: () => void }

/**
 * "Move to date…" (M on a focused item): the keyboard's way to do what a drag does. The caller moves
 * through the same path as a drop, so it is one undo step and approvals are voided alike.
 */
export function MoveToDate({ title, date, onMove, onClose }: Props) {
  const [value, setValue] = useState(date)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  // After the dialog's showModal() (a child's effect runs first), which would focus its ✕ button.
  useEffect(() => {
    const input = document.getElementById(id)
    if (!(input instanceof HTMLInputElement)) return
    input.focus()
    input.select()
  }, [id])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = strictDateTime.parseDate(value.trim())
    if (!parsed.ok) return setError(`Date: ${parsed.message}`)
    onMove(value.trim())
  }
  return (
    <Dialog title={`Move "${title}"`} variant="modal" onClose={onClose} testId="move-to-date">
      <form onSubmit={submit} noValidate>
        <div className="dialog-body field">
          <label htmlFor={id}>New date</label>
          <DateInput id={id} value={value} onChange={(v) => (setValue(v), setError(null))} aria-invalid={error !== null} aria-describedby={error === null ? undefined : `${id}-e`} />
          {error !== null && <p className="field-error" id={`${id}-e`} role="alert">{error}</p>}
        </div>
        <div className="dialog-foot">
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="submit" className="btn btn-primary" data-testid="move-submit">Move</button>
        </div>
      </form>
    </Dialog>
  )
}
