import { useState } from 'react'
import { enums } from '../../../../core/domain/enums'
import { deskLabel } from '../../../../core/listening/deskLabel'
import { api } from '../../api/client'
import type { ApiError } from '../../api/ApiError'
import { useRecords } from '../../api/useRecords'
import { parseNumber } from '../../components/formValues'
import { useNames } from '../records/useNames'
import { DeskChoice } from './DeskChoice'
import { DeskField, generalError, issueAt } from './DeskField'

type ConvType = (typeof enums.conversationType.options)[number]
type StepDraft = { expertId: string; afterHours: string }

/**
 * The escalation ladder of each conversation type: level 1 → 2 → 3, each with who takes over and how
 * many business hours the level before may take. Shown as a sentence per type; edited one type at a
 * time. A ladder that would go round in a circle is refused by the backend, naming the circle.
 */
export function LadderEditor() {
  const ladders = useRecords('escalationLadder')
  const experts = useNames('expert')
  const [type, setType] = useState<ConvType>('complaint')
  // Which type's ladder was just saved. Held here, not in the form: a save changes the ladder's
  // updatedAt, which keys the form, so a note kept inside would vanish as the fresh ladder arrived.
  const [savedType, setSavedType] = useState<ConvType | null>(null)
  const current = (ladders.data?.items ?? []).find((l) => l.type === type)
  return (
    <section className="card desk-ladders" aria-labelledby="ladders-title" data-testid="ladders">
      <h2 id="ladders-title">Escalation ladders</h2>
      <ul className="desk-log">
        {enums.conversationType.options.map((t) => {
          const l = (ladders.data?.items ?? []).find((x) => x.type === t)
          return (
            <li key={t}>
              <b>{deskLabel(t)}</b>:{' '}
              {l === undefined || l.steps.length === 0
                ? 'no ladder (a breach goes to the expert’s own escalation contact)'
                : l.steps.map((s) => `level ${s.level} ${experts.map.get(s.expertId) ?? 'a former expert'} after ${s.afterHours} h`).join(' → ')}
            </li>
          )
        })}
      </ul>
      <DeskChoice label="Edit the ladder of" error={undefined} value={type} options={enums.conversationType.options} onChange={setType} testId="ladder-type" />
      <LadderForm key={`${type}-${current?.id ?? 'new'}-${current?.updatedAt ?? ''}`} type={type} ladder={current} experts={experts.options} saved={savedType === type} onSaved={(ok) => setSavedType(ok ? type : null)} />
    </section>
  )
}

type Ladder = { id: string; steps: { level: number; expertId: string; afterHours: number }[] }

function LadderForm({ type, ladder, experts, saved, onSaved: setSaved }: { type: ConvType; ladder: Ladder | undefined; experts: readonly { id: string; name: string }[]; saved: boolean; onSaved: (saved: boolean) => void }) {
  const [steps, setSteps] = useState<StepDraft[]>(() => (ladder?.steps ?? []).map((s) => ({ expertId: s.expertId, afterHours: String(s.afterHours) })))
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const set = (i: number, patch: Partial<StepDraft>): void => setSteps((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)))
  const save = async (): Promise<void> => {
    setError(undefined)
    setSaved(false)
    const body = { type, steps: steps.map((s, i) => ({ level: i + 1, expertId: s.expertId, afterHours: parseNumber(s.afterHours) })) }
    try {
      if (ladder === undefined) await api.records('escalationLadder').create(body)
      else if (steps.length === 0) await api.records('escalationLadder').delete(ladder.id)
      else await api.records('escalationLadder').update({ id: ladder.id, ...body })
      setSaved(true)
    } catch (e) {
      setError(e as ApiError)
    }
  }
  return (
    <form
      className="desk-form"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      {steps.length === 0 && <p className="subtle">No levels: {deskLabel(type).toLowerCase()} conversations are not escalated by a ladder.</p>}
      {steps.map((s, i) => (
        <div className="row" key={i} data-testid="ladder-step">
          <DeskField label={`Level ${i + 1}: who`} error={issueAt(error, 'steps', i, 'expertId')}>
            {(a) => (
              <select {...a} className="select" value={s.expertId} onChange={(e) => set(i, { expertId: e.target.value })}>
                <option value="">— Choose an expert —</option>
                {experts.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </DeskField>
          <DeskField label={`Level ${i + 1}: after (business hours)`} error={issueAt(error, 'steps', i, 'afterHours')}>
            {(a) => <input {...a} className="input num" inputMode="decimal" value={s.afterHours} onChange={(e) => set(i, { afterHours: e.target.value })} />}
          </DeskField>
          <button type="button" className="btn btn-ghost" onClick={() => setSteps((list) => list.filter((_, j) => j !== i))}>
            Remove level {i + 1}
          </button>
        </div>
      ))}
      <div className="row">
        {steps.length < 3 && (
          <button type="button" className="btn" onClick={() => setSteps((list) => [...list, { expertId: '', afterHours: '4' }])}>
            Add level {steps.length + 1}
          </button>
        )}
        <button type="submit" className="btn btn-primary" data-testid="ladder-save">
          Save the {deskLabel(type).toLowerCase()} ladder
        </button>
        {saved && <span role="status">Saved.</span>}
      </div>
      {error !== undefined && (issueAt(error, 'steps') !== undefined || generalError(error, ['steps']) !== undefined) && (
        <p className="field-error" role="alert" data-testid="ladder-error">
          {error.issues.find((x) => x.path.length <= 1)?.message ?? error.message}
        </p>
      )}
    </form>
  )
}
