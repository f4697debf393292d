import { useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import { ApiError } from '../../api/ApiError'
import { useQuery } from '../../api/useQuery'

type Draft = { name: string; blendedHourlyRate: string; currency: string }

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
        <ProfileForm initial={{ name: data.name, blendedHourlyRate: String(data.blendedHourlyRate), currency: data.currency }} />
      )}
    </section>
  )
}

function ProfileForm({ initial }: { initial: Draft }) {
  const [draft, setDraft] = useState<Draft>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState(false)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    const rate = draft.blendedHourlyRate.trim() === '' ? Number.NaN : Number(draft.blendedHourlyRate.replace(/,/g, ''))
    try {
      await api.call('workspace-profile-save', { name: draft.name, blendedHourlyRate: rate, currency: draft.currency.trim().toUpperCase() })
      setErrors({})
      setSaved(true)
    } catch (err) {
      if (err instanceof ApiError) setErrors(Object.fromEntries(err.issues.map((i) => [String(i.path[0] ?? ''), i.message])))
    }
  }

  const field = (name: keyof Draft, label: string, help?: string) => (
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
          {field('blendedHourlyRate', 'Cost of an hour of the team’s time', 'Priorities turns a channel’s monthly cost into hours with it')}
          {field('currency', 'Currency', 'Three letters, e.g. USD, EUR, GBP')}
        </div>
        <footer className="dialog-foot" style={{ justifyContent: 'flex-start' }}>
          <button type="submit" className="btn btn-primary">
            Save team details
          </button>
          {saved && <span className="subtle">Saved.</span>}
        </footer>
      </form>
  )
}
