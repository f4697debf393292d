import { useState } from 'react'
import { api } from '../../api/client'
import { ApiError } from '../../api/ApiError'
import { Dialog } from '../../components/Dialog'

type Props = { channelId: string; channelName: string; currentHours: number; onClose: () => void }

/**
 * Pin a channel: keep it at least at N hours a week, or exclude it. The reason is required by the
 * backend too; the form shows its field-level answer rather than guessing the rules twice.
 */
export function PinDialog({ channelId, channelName, currentHours, onClose }: Props) {
  const [mode, setMode] = useState<'min' | 'exclude'>('min')
  const [minHours, setMinHours] = useState(String(Math.max(0.5, Math.round(currentHours * 2) / 2)))
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | undefined>(undefined)
  const [pending, setPending] = useState(false)
  // One pin per opened dialog, however often Save is pressed or the request retried.
  const [creationId] = useState(() => crypto.randomUUID())

  const submit = async () => {
    setPending(true)
    setErrors({})
    setFormError(undefined)
    try {
      await api.records('pin').create({ channelId, exclude: mode === 'exclude', minHours: mode === 'exclude' ? 0 : Number(minHours), reason, creationId })
      onClose()
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) setErrors(Object.fromEntries(e.issues.map((i) => [String(i.path[0] ?? ''), i.message])))
      else setFormError(e instanceof Error ? e.message : String(e))
    } finally {
      setPending(false)
    }
  }

  return (
    <Dialog title={`Pin ${channelName}`} onClose={onClose} variant="modal" testId="pin-dialog">
      <form
        className="prio-pin-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <div className="dialog-body prio-pin-body">
          <p>The recommendation keeps its score visible; the pin overrides the hours and the reason is shown beside it.</p>
          <fieldset className="prio-pin-mode">
            <label>
              <input type="radio" name="mode" checked={mode === 'min'} onChange={() => setMode('min')} /> Keep at least
              <input
                className="input prio-pin-hours"
                type="number"
                min={0}
                step={0.5}
                value={minHours}
                disabled={mode !== 'min'}
                aria-label="Minimum hours per week"
                data-testid="pin-min-hours"
                onChange={(e) => setMinHours(e.target.value)}
              />
              h/week
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'exclude'} onChange={() => setMode('exclude')} data-testid="pin-exclude" /> Exclude it (0 hours)
            </label>
          </fieldset>
          {errors.minHours !== undefined && <p className="field-error">{errors.minHours}</p>}
          <div className="field">
            <label htmlFor="pin-reason">
              Reason <span className="req">*</span>
            </label>
            <textarea
              id="pin-reason"
              className="textarea"
              value={reason}
              maxLength={500}
              placeholder="e.g. The CEO's posts are what analysts quote; keep them going whatever the score says"
              data-testid="pin-reason"
              onChange={(e) => setReason(e.target.value)}
            />
            {errors.reason !== undefined && <p className="field-error" data-testid="pin-reason-error">{errors.reason}</p>}
            {errors.channelId !== undefined && <p className="field-error">{errors.channelId}</p>}
          </div>
          {formError !== undefined && <p className="field-error">{formError}</p>}
        </div>
        <footer className="dialog-foot">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={pending} data-testid="pin-save">
            Save pin
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
