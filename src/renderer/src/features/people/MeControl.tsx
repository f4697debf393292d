import { useState } from 'react'
import { labelOf } from '../../../../core/domain/vocabularies'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { Dialog } from '../../components/Dialog'

/**
 * Who "me" is, in the navigation header and the window's title bar, with a switch limited to the
 * members the roles allow (backend people/meService.ts decides; this only offers what it allows).
 */
export function MeControl() {
  const me = useQuery('me-get', {})
  const [error, setError] = useState<string | null>(null)
  if (!me.data) return null
  const current = me.data.me
  const choices = me.data.members.filter((m) => me.data?.canSwitchTo.includes(m.id))
  if (current === null) return <MePicker state={me.data} onDone={() => me.refetch()} />
  return (
    <div className="me-control" data-testid="me-control">
      {/* The role sits beside "You are", so the select holds only names and fits the navigation's width. */}
      <span className="subtle small">You are{choices.length > 1 ? ` · ${labelOf(current.access)}` : ''}</span>{' '}
      {choices.length > 1 ? (
        <select
          className="select"
          aria-label="You are (switch member)"
          data-testid="me-switch"
          value={current.id}
          onChange={(e) => {
            setError(null)
            api.call('me-set', { memberId: e.target.value }).then(() => me.refetch(), (err: Error) => setError(err.message))
          }}
        >
          {choices.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      ) : (
        <strong data-testid="me-name">
          {current.name} <span className="subtle small">({labelOf(current.access)})</span>
        </strong>
      )}
      {error !== null && <p className="field-error" role="alert">{error}</p>}
    </div>
  )
}

type State = NonNullable<ReturnType<typeof useQuery<'me-get'>>['data']>

/**
 * First start (or a new computer on a team): choose yourself among the members, or add yourself. The
 * first person of a new workspace also names the team: until someone did, decks and the navigation
 * carried the folder's name ("ws: quarterly review").
 */
function MePicker({ state, onDone }: { state: State; onDone: () => void }) {
  const first = state.members.length === 0
  const profile = useQuery('workspace-profile-get', {}, { enabled: first })
  const [choice, setChoice] = useState(state.members[0]?.id ?? '')
  const [name, setName] = useState('')
  const [team, setTeam] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = (p: Promise<unknown>) => p.then(onDone, (e: Error) => setError(e.message))
  const teamName = team ?? profile.data?.name ?? ''
  // Saved only when typed: an untouched field keeps the folder's name as the default it already is.
  const addMe = () =>
    api.call('me-set', { create: { name } }).then(() => (first && team !== null && team.trim() !== '' && team.trim() !== profile.data?.name ? api.call('workspace-profile-save', { name: team.trim() }) : undefined))
  return (
    <Dialog title="Who are you?" variant="modal" onClose={() => {}} testId="me-picker">
      <div className="dialog-body">
        <p>SMO Desk keeps who you are on this computer, so your changes carry your name and My work shows your work.</p>
        {state.members.length > 0 && (
          <form className="form-grid" onSubmit={(e) => (e.preventDefault(), void run(api.call('me-set', { memberId: choice })))}>
            <div className="field field-wide">
              <label htmlFor="me-pick">I am</label>
              <select id="me-pick" data-testid="me-pick" value={choice} onChange={(e) => setChoice(e.target.value)}>
                {state.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}{m.role ? ` — ${m.role}` : ''} ({labelOf(m.access)})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn btn-primary" data-testid="me-pick-save">
              Continue as this member
            </button>
          </form>
        )}
        <form className="form-grid" onSubmit={(e) => (e.preventDefault(), void run(addMe()))}>
          <div className="field field-wide">
            <label htmlFor="me-create">{state.members.length > 0 ? 'Not listed? Add yourself' : 'Your name'}</label>
            <input id="me-create" data-testid="me-create" value={name} onChange={(e) => setName(e.target.value)} />
            <p className="subtle small">{state.enforced ? 'You start as a viewer until an owner gives you a role.' : 'You will be the owner of this workspace.'}</p>
          </div>
          {first && (
            <div className="field field-wide">
              <label htmlFor="me-team">Team or company name</label>
              <input id="me-team" data-testid="me-team" value={teamName} onChange={(e) => setTeam(e.target.value)} />
              <p className="subtle small">Shown on review decks and exports; Settings changes it later.</p>
            </div>
          )}
          <button type="submit" className="btn" disabled={name.trim() === ''}>
            Add me
          </button>
        </form>
        {error !== null && <p className="form-error" role="alert">{error}</p>}
      </div>
    </Dialog>
  )
}
