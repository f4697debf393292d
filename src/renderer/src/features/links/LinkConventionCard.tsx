import { useId, useState } from 'react'
import { enums } from '../../../../core/domain/enums'
import type { LinkConvention, UtmParam } from '../../../../core/domain/linkConvention'
import type { Platform } from '../../../../core/links/platform'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { format } from '../../components/format'
import { announce } from '../../shell/announce'
import './links.css'

type Draft = { sources: string; mediums: string; channelDefaults: { platform: Platform; source: string; medium: string }[]; casing: LinkConvention['casing']; separator: LinkConvention['separator']; required: UtmParam[]; campaignFromRecords: boolean; name: string }

const params: { p: UtmParam; label: string }[] = [
  { p: 'utm_source', label: 'Source' },
  { p: 'utm_medium', label: 'Medium' },
  { p: 'utm_campaign', label: 'Campaign' },
  { p: 'utm_content', label: 'Content' },
  { p: 'utm_term', label: 'Term' }
]
const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter((x) => x !== '')

/**
 * The team's link convention in Settings (issue #15 item 3): allowed sources and mediums, the default
 * pair per channel type, casing, separator and required parameters. Refusals come back from the
 * backend's own check and are shown at the field they name.
 */
export function LinkConventionCard() {
  const conv = useQuery('link-convention-get', {})
  const c = conv.data?.convention
  // Held here, not in the form: the first save creates the convention record, its id keys the form,
  // and a note kept inside would vanish with the remount as soon as the fresh convention arrived.
  const [note, setNote] = useState('')
  return (
    <section className="card" aria-labelledby="settings-links" data-testid="link-convention-card">
      <h2 id="settings-links">Link convention</h2>
      <p className="muted">How the team tags links so analytics and the CRM can give results back: the link builder proposes these values and the Links screen flags what breaks them.</p>
      {c === undefined ? (
        <p className="muted">{conv.error?.message ?? 'Loading…'}</p>
      ) : (
        <ConventionForm
          key={`${c.id ?? 'default'}`}
          note={note}
          onNote={setNote}
          initial={{ name: c.name, sources: c.sources.join(', '), mediums: c.mediums.join(', '), channelDefaults: c.channelDefaults, casing: c.casing, separator: c.separator, required: c.required, campaignFromRecords: c.campaignFromRecords }}
        />
      )}
    </section>
  )
}

function ConventionForm({ initial, note, onNote: setNote }: { initial: Draft; note: string; onNote: (note: string) => void }) {
  const id = useId()
  const [d, setD] = useState<Draft>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [adding, setAdding] = useState<Platform | ''>('')
  const err = (key: string) =>
    errors[key] === undefined ? null : (
      <p className="field-error" id={`${id}-${key}-e`} data-testid={`convention-error-${key}`}>
        {errors[key]}
      </p>
    )
  const inv = (key: string) => ({ 'aria-invalid': errors[key] !== undefined, 'aria-describedby': errors[key] === undefined ? undefined : `${id}-${key}-e` })
  const setDefault = (i: number, k: 'source' | 'medium', v: string) => setD({ ...d, channelDefaults: d.channelDefaults.map((x, j) => (j === i ? { ...x, [k]: v } : x)) })
  const free = enums.platform.options.filter((p) => !d.channelDefaults.some((x) => x.platform === p))

  const save = async () => {
    setNote('')
    try {
      await api.call('link-convention-save', { name: d.name, sources: list(d.sources), mediums: list(d.mediums), channelDefaults: d.channelDefaults, casing: d.casing, separator: d.separator, required: d.required, campaignFromRecords: d.campaignFromRecords })
      setErrors({})
      setNote('Link convention saved')
      announce('Link convention saved')
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) {
        // ['sources', 2] → the sources field; ['channelDefaults', 1, 'source'] → that row's source.
        const next: Record<string, string> = {}
        for (const i of e.issues) {
          const key = i.path[0] === 'channelDefaults' && i.path.length >= 3 ? `cd-${String(i.path[1])}-${String(i.path[2])}` : String(i.path[0] ?? 'form')
          next[key] ??= i.message
        }
        setErrors(next)
        announce(`Not saved: ${e.issues[0]?.message ?? e.message}`, 'assertive')
      } else {
        setErrors({ form: e instanceof Error ? e.message : String(e) })
      }
    }
  }

  return (
    <form className="link-convention" noValidate onSubmit={(e) => (e.preventDefault(), void save())} aria-label="Link convention">
      <div className="form-grid">
        <div className="field field-wide">
          <label htmlFor={`${id}-sources`}>Allowed sources</label>
          <input id={`${id}-sources`} className="input" value={d.sources} onChange={(e) => setD({ ...d, sources: e.target.value })} {...inv('sources')} data-testid="convention-sources" />
          <p className="field-help subtle">Comma-separated, like linkedin, newsletter. Empty = any source.</p>
          {err('sources')}
        </div>
        <div className="field field-wide">
          <label htmlFor={`${id}-mediums`}>Allowed mediums</label>
          <input id={`${id}-mediums`} className="input" value={d.mediums} onChange={(e) => setD({ ...d, mediums: e.target.value })} {...inv('mediums')} data-testid="convention-mediums" />
          <p className="field-help subtle">Comma-separated, like social, email. Empty = any medium.</p>
          {err('mediums')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-casing`}>Casing</label>
          <select id={`${id}-casing`} className="select" value={d.casing} onChange={(e) => setD({ ...d, casing: e.target.value === 'keep' ? 'keep' : 'lower' })}>
            <option value="lower">Every value lower-case</option>
            <option value="keep">Keep values as typed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sep`}>Between words</label>
          <select id={`${id}-sep`} className="select" value={d.separator} onChange={(e) => setD({ ...d, separator: e.target.value === '_' ? '_' : '-' })}>
            <option value="-">Hyphen (spring-launch)</option>
            <option value="_">Underscore (spring_launch)</option>
          </select>
        </div>
        <fieldset className="field field-wide">
          <legend>Every link must carry</legend>
          {params.map(({ p, label }) => (
            <label key={p} className="filter-opt">
              <input type="checkbox" checked={d.required.includes(p)} onChange={(e) => setD({ ...d, required: e.target.checked ? [...d.required, p] : d.required.filter((x) => x !== p) })} /> {label}
            </label>
          ))}
          {err('required')}
        </fieldset>
        <label className="filter-opt field-wide">
          <input type="checkbox" checked={d.campaignFromRecords} onChange={(e) => setD({ ...d, campaignFromRecords: e.target.checked })} /> The campaign must be one of our campaigns (its name, in link form)
        </label>
      </div>
      <table className="links-table">
        <caption className="small">Default source and medium per channel type</caption>
        <thead>
          <tr>
            <th scope="col">Channel type</th>
            <th scope="col">Source</th>
            <th scope="col">Medium</th>
            <th scope="col"><span className="sr-only">Remove</span></th>
          </tr>
        </thead>
        <tbody>
          {d.channelDefaults.map((x, i) => {
            const name = format.enumLabel(x.platform)
            return (
              <tr key={x.platform}>
                <th scope="row">{name}{err(`cd-${i}-platform`)}</th>
                <td>
                  <input className="input" aria-label={`${name} source`} value={x.source} onChange={(e) => setDefault(i, 'source', e.target.value)} {...inv(`cd-${i}-source`)} data-testid={`convention-default-source-${x.platform}`} />
                  {err(`cd-${i}-source`)}
                </td>
                <td>
                  <input className="input" aria-label={`${name} medium`} value={x.medium} onChange={(e) => setDefault(i, 'medium', e.target.value)} {...inv(`cd-${i}-medium`)} />
                  {err(`cd-${i}-medium`)}
                </td>
                <td>
                  <button type="button" className="btn btn-sm" aria-label={`Remove the ${name} default`} onClick={() => setD({ ...d, channelDefaults: d.channelDefaults.filter((_, j) => j !== i) })}>
                    Remove
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {free.length > 0 && (
        <div className="task-apply">
          <select className="select select-sm" aria-label="Channel type to add a default for" value={adding} onChange={(e) => setAdding(e.target.value as Platform | '')}>
            <option value="">Channel type…</option>
            {free.map((p) => <option key={p} value={p}>{format.enumLabel(p)}</option>)}
          </select>
          <button type="button" className="btn btn-sm" disabled={adding === ''} onClick={() => adding !== '' && (setD({ ...d, channelDefaults: [...d.channelDefaults, { platform: adding, source: '', medium: '' }] }), setAdding(''))}>
            Add default
          </button>
        </div>
      )}
      {errors.form !== undefined && <p className="form-error" role="alert">{errors.form}</p>}
      {errors.name !== undefined && <p className="form-error" role="alert">{errors.name}</p>}
      <div className="task-apply">
        <button type="submit" className="btn btn-primary" data-testid="convention-save">Save link convention</button>
        {note !== '' && <span className="subtle small" role="status">{note}</span>}
      </div>
    </form>
  )
}
