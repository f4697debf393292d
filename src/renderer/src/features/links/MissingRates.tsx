import { useId, useState } from 'react'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { parseNumber } from '../../components/formValues'

/**
 * In the results preview, when the file counts money in a currency the team has no rate for: give
 * the rate here (it is saved with the team's rates, Settings → Team) and the preview is read again,
 * instead of leaving the dialog for Settings and picking the file a second time.
 */
export function MissingRates({ codes, team, onSaved }: { codes: readonly string[]; team: string; onSaved: () => void }) {
  const id = useId()
  const [values, setValues] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    const rates: Record<string, number> = {}
    for (const c of codes) {
      const v = parseNumber(values[c] ?? '')
      if (!(v > 0)) {
        setError(`What 1 ${c} is worth in ${team}: a number more than 0`)
        return
      }
      rates[c] = v
    }
    setBusy(true)
    setError(null)
    try {
      const current = await api.call('workspace-profile-get', {})
      await api.call('workspace-profile-save', { exchangeRates: { ...current.exchangeRates, ...rates } })
      onSaved()
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="missing-rates" data-testid="missing-rates">
      <p className="small">
        The file counts money in {codes.join(' and ')}, and the team counts in {team}. Give {codes.length === 1 ? 'the rate' : 'the rates'} to convert{' '}
        {codes.length === 1 ? 'it' : 'them'} (saved with the team’s exchange rates):
      </p>
      {codes.map((c) => (
        <div className="rate-row" key={c}>
          <label htmlFor={`${id}-${c}`}>1 {c} =</label>
          <input
            id={`${id}-${c}`}
            className="input rate-value"
            inputMode="decimal"
            placeholder="0.92"
            value={values[c] ?? ''}
            onChange={(e) => setValues({ ...values, [c]: e.target.value })}
            data-testid={`missing-rate-${c}`}
          />
          <span>{team}</span>
        </div>
      ))}
      <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void save()} data-testid="missing-rates-save">
        Save and read the file again
      </button>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
