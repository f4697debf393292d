import { useState, type FormEvent } from 'react'
import type { ApiOutput } from '../../../../core/api/contract'
import { api } from '../../api/client'
import { ApiError } from '../../api/ApiError'
import { useQuery } from '../../api/useQuery'
import { parseNumber } from '../../components/formValues'
import { ExchangeRatesField, type RateDraft } from './ExchangeRatesField'
import { currencyHint } from './currencyHint'

type Draft = { name: string; blendedHourlyRate: string; currency: string; rates: RateDraft[] }
const draftOf = (p: ApiOutput<'workspace-profile-get'>): Draft => ({
  name: p.name,
  blendedHourlyRate: String(p.blendedHourlyRate),
  currency: p.currency,
  rates: Object.entries(p.exchangeRates).map(([code, rate]) => ({ code, rate: String(rate) }))
})

/** The team's name (on decks and in the window) and the hourly rate scoring uses to turn money into hours. */
export function WorkspaceProfileCard() {
  const profile = useQuery('workspace-profile-get', {})
  const data = profile.data
  return (
    <section className="card" aria-labelledby="settings-profile" data-testid="workspace-profile">
      <h2 id="settings-profile">Team</h2>
      <p className="muted">Shared with everyone in this workspace.</p>
      {data === undefined ? (
        <p className="muted">{profile.error?.message ?? 'Loading…'}</p>
      ) : (
        <ProfileForm initial={draftOf(data)} />
      )}
    </section>
  )
}

function ProfileForm({ initial }: { initial: Draft }) {
  const [draft, setDraft] = useState<Draft>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [rateErrors, setRateErrors] = useState<Record<number, string>>({})
  const [ratesEdited, setRatesEdited] = useState(false)
  const [saved, setSaved] = useState(false)
  const [from, setFrom] = useState(initial.currency)
  const currency = draft.currency.trim().toUpperCase()
  // Rates are worth so much in the team's currency: a new currency without new rates clears them (the backend does too).
  const clearsRates = currency !== from && !ratesEdited && draft.rates.length > 0

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    const rate = draft.blendedHourlyRate.trim() === '' ? Number.NaN : Number(draft.blendedHourlyRate.replace(/,/g, ''))
    // A code twice is only seen here (the saved rates are keyed by code); a code or a rate that cannot be
    // sent as one is said at its row here too. The backend checks the rates again.
    const local: Record<number, string> = {}
    const seen = new Map<string, number>()
    draft.rates.forEach((r, i) => {
      if (r.code.trim() === '' && r.rate.trim() === '') return
      if (!/^[A-Z]{3}$/.test(r.code.trim())) local[i] = 'Use a three-letter currency code such as USD'
      else if (seen.has(r.code)) local[i] = `${r.code} has a rate already (row ${(seen.get(r.code) ?? 0) + 1})`
      else if (!(parseNumber(r.rate) > 0)) local[i] = `What 1 ${r.code} is worth in ${currency}: a number more than 0`
      seen.set(r.code.trim(), i)
    })
    setRateErrors(local)
    if (Object.keys(local).length > 0) return
    const rows = draft.rates.filter((r) => r.code.trim() !== '')
    const exchangeRates = Object.fromEntries(rows.map((r) => [r.code.trim(), parseNumber(r.rate)]))
    try {
      const p = await api.call('workspace-profile-save', { name: draft.name, blendedHourlyRate: rate, currency, ...(clearsRates ? {} : { exchangeRates }) })
      setErrors({})
      setDraft(draftOf(p))
      setFrom(p.currency)
      setRatesEdited(false)
      setSaved(true)
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      setErrors(Object.fromEntries(err.issues.filter((i) => i.path[0] !== 'exchangeRates').map((i) => [String(i.path[0] ?? ''), i.message])))
      // Errors are shown by row of the form, empty rows included.
      const byCode = new Map(draft.rates.map((r, i) => [r.code.trim(), i]))
      setRateErrors(Object.fromEntries(err.issues.filter((i) => i.path[0] === 'exchangeRates').map((i) => [byCode.get(String(i.path[1] ?? '')) ?? 0, i.message])))
    }
  }

  const field = (name: Exclude<keyof Draft, 'rates'>, label: string, help?: string) => (
    <div className="field">
      <label htmlFor={`profile-${name}`}>{label}</label>
      <input
        id={`profile-${name}`}
        className="input"
        value={draft[name]}
        aria-invalid={errors[name] !== undefined}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
      {help !== undefined && <p className="field-help subtle">{help}</p>}
      {errors[name] !== undefined && (
        <p className="field-error" data-testid={`profile-error-${name}`}>
          {errors[name]}
        </p>
      )}
    </div>
  )

  return (
      <form className="form" onSubmit={(e) => void save(e)} style={{ marginTop: 10 }}>
        <div className="form-grid">
          {field('name', 'Team or company name', 'Shown on review decks and exports')}
          {field('blendedHourlyRate', 'Cost of an hour of the team’s time', 'Results and the review deck cost the team’s hours with it; Priorities turns a channel’s monthly cost into hours')}
          {field('currency', 'Currency', currencyHint(from, currency, clearsRates))}
        </div>
        <ExchangeRatesField
          rows={draft.rates}
          team={clearsRates ? from : currency}
          errors={rateErrors}
          onChange={(rates) => (setDraft({ ...draft, rates }), setRatesEdited(true))}
        />
        <footer className="dialog-foot" style={{ justifyContent: 'flex-start' }}>
          <button type="submit" className="btn btn-primary">
            Save team details
          </button>
          {saved && <span className="subtle">Saved.</span>}
        </footer>
      </form>
  )
}
