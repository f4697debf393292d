import { useState } from 'react'
import { enums } from '../../../../core/domain/enums'
import { deskLabel } from '../../../../core/listening/deskLabel'
import { useMutation } from '../../api/useMutation'
import { useQuery } from '../../api/useQuery'
import { useRecords } from '../../api/useRecords'
import { DeskChoice } from './DeskChoice'
import { DeskField, generalError, issueAt } from './DeskField'
import type { InboxRow } from './useInbox'

/**
 * Triage (type, topic, priority, sentiment) and routing: the rules' proposal with its reason, confirmed
 * with one click or overridden with another expert and a note. The reason is kept on the conversation.
 */
export function RouteSection({ c }: { c: InboxRow }) {
  const triage = useMutation('conversation-triage')
  const assign = useMutation('conversation-assign')
  const [type, setType] = useState(c.type)
  const [topic, setTopic] = useState(c.topic)
  const [priority, setPriority] = useState(c.priority)
  const [sentiment, setSentiment] = useState(c.sentiment)
  const routable = c.state !== 'resolved'
  const proposal = useQuery('routing-propose', { id: c.id }, { enabled: routable, dependsOn: ['conversation', 'routingRule', 'expert'] })
  const experts = useRecords('expert')
  const active = (experts.data?.items ?? []).filter((e) => e.active).sort((a, b) => a.name.localeCompare(b.name))
  const [overrideId, setOverrideId] = useState('')
  const [note, setNote] = useState('')
  const p = proposal.data?.proposal ?? null

  return (
    <>
      {(c.state === 'new' || c.state === 'triaged') && (
        <section className="desk-section" aria-labelledby={`triage-${c.id}`} data-testid="triage-section">
          <h3 id={`triage-${c.id}`}>{c.state === 'new' ? 'Triage' : 'Triaged as'}</h3>
          <form
            className="desk-form"
            onSubmit={(e) => {
              e.preventDefault()
              void triage.mutate({ id: c.id, type, topic, priority, sentiment }).catch(() => undefined)
            }}
          >
            <div className="desk-grid-2">
              <DeskChoice label="Type" error={issueAt(triage.error, 'type')} value={type} options={enums.conversationType.options} onChange={setType} />
              <DeskField label="Topic" error={issueAt(triage.error, 'topic')}>
                {(a) => <input {...a} className="input" value={topic} onChange={(e) => setTopic(e.target.value)} />}
              </DeskField>
              <DeskChoice label="Priority" error={issueAt(triage.error, 'priority')} value={priority} options={enums.priority.options} onChange={setPriority} />
              <DeskChoice label="Sentiment" error={issueAt(triage.error, 'sentiment')} value={sentiment} options={enums.sentiment.options} onChange={setSentiment} />
            </div>
            <div className="row">
              <button type="submit" className="btn" disabled={triage.pending} data-testid="triage-save">
                {c.state === 'new' ? 'Triage' : 'Save triage'}
              </button>
              {generalError(triage.error, ['type', 'topic', 'priority', 'sentiment']) !== undefined && <span className="field-error" role="alert">{triage.error?.message}</span>}
            </div>
          </form>
        </section>
      )}
      {routable && (
        <section className="desk-section" aria-labelledby={`route-${c.id}`} data-testid="route-section">
          <h3 id={`route-${c.id}`}>Assignee</h3>
          {c.assigneeName !== null && (
            <p data-testid="current-assignee">
              <b>{c.assigneeName}</b>
              {c.assignmentNote !== '' && <span className="subtle"> · {c.assignmentNote}</span>}
            </p>
          )}
          {p === null ? (
            <p className="subtle">{proposal.loading ? 'Checking the routing rules…' : 'No routing rule matches; choose the expert yourself.'}</p>
          ) : p.assigneeId === c.assigneeId ? (
            <p className="subtle">The routing rules agree: {p.reason}.</p>
          ) : (
            <div className="desk-proposal" data-testid="route-proposal">
              <p style={{ margin: '0 0 6px' }}>
                Proposed: <b>{p.assigneeName}</b> — {p.reason}
              </p>
              <button type="button" className="btn btn-primary" disabled={assign.pending} data-testid="route-confirm" onClick={() => void assign.mutate({ id: c.id, assigneeId: p.assigneeId, ruleId: p.ruleId }).catch(() => undefined)}>
                Confirm {p.assigneeName}
              </button>
            </div>
          )}
          <form
            className="desk-form"
            style={{ marginTop: 8 }}
            onSubmit={(e) => {
              e.preventDefault()
              if (overrideId === '') return
              void assign.mutate({ id: c.id, assigneeId: overrideId, ruleId: null, ...(note.trim() === '' ? {} : { note: note.trim() }) }).then(() => {
                setOverrideId('')
                setNote('')
              }, () => undefined)
            }}
          >
            <div className="desk-grid-2">
              <DeskField label={p === null ? 'Assign to' : 'Or assign to'} error={issueAt(assign.error, 'assigneeId')}>
                {(a) => (
                  <select {...a} className="select" value={overrideId} onChange={(e) => setOverrideId(e.target.value)} data-testid="assign-expert">
                    <option value="">— Choose an expert —</option>
                    {active.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.name}
                        {x.team === '' ? '' : ` (${x.team})`}
                        {x.availability === 'available' ? '' : ` · ${deskLabel(x.availability).toLowerCase()}`}
                      </option>
                    ))}
                  </select>
                )}
              </DeskField>
              <DeskField label="Why (kept with the assignment)" error={issueAt(assign.error, 'note')}>
                {(a) => <input {...a} className="input" value={note} onChange={(e) => setNote(e.target.value)} />}
              </DeskField>
            </div>
            <div className="row">
              <button type="submit" className="btn" disabled={assign.pending || overrideId === ''} data-testid="assign-save">
                Assign
              </button>
              {generalError(assign.error, ['assigneeId', 'note']) !== undefined && <span className="field-error" role="alert">{assign.error?.message}</span>}
            </div>
          </form>
        </section>
      )}
    </>
  )
}
