import { useState } from 'react'
import { useMutation } from '../../api/useMutation'
import { format } from '../../components/format'
import { useNames } from '../records/useNames'
import { DeskField, generalError, issueAt } from './DeskField'
import type { InboxRow } from './useInbox'

/**
 * The end of a conversation's road: the crisis checklist, escalation one level up its type's ladder
 * (with the log of every step: who, when, why), and resolving (a complaint with its support ticket id)
 * or reopening.
 */
export function CloseSection({ c }: { c: InboxRow }) {
  const experts = useNames('expert')
  const members = useNames('member')
  const escalate = useMutation('conversation-escalate')
  const resolve = useMutation('conversation-resolve')
  const reopen = useMutation('conversation-reopen')
  const tick = useMutation('conversation-checklist-set')
  const [why, setWhy] = useState('')
  const [resolution, setResolution] = useState(c.resolution)
  const [ticket, setTicket] = useState(c.ticketId)
  const [reopenWhy, setReopenWhy] = useState('')
  const who = (id: string | null): string => (id === null ? 'nobody' : (experts.map.get(id) ?? 'a former expert'))

  return (
    <>
      {c.checklist.length > 0 && (
        <section className="desk-section" aria-labelledby={`crisis-${c.id}`} data-testid="crisis-checklist">
          <h3 id={`crisis-${c.id}`}>
            Crisis checklist ({c.checklist.filter((i) => i.done).length} of {c.checklist.length} done)
          </h3>
          <ul className="desk-checklist">
            {c.checklist.map((i) => (
              <li key={i.id}>
                <label className="desk-check">
                  <input type="checkbox" checked={i.done} disabled={tick.pending} onChange={(e) => void tick.mutate({ id: c.id, itemId: i.id, done: e.target.checked }).catch(() => undefined)} />
                  {i.label}
                  {i.done && i.doneAt !== null && <span className="subtle small"> · {format.datetime(i.doneAt)}{i.doneById !== null ? ` by ${members.map.get(i.doneById) ?? 'a former member'}` : ''}</span>}
                </label>
              </li>
            ))}
          </ul>
          {tick.error !== undefined && <p className="field-error" role="alert">{tick.error.message}</p>}
        </section>
      )}

      <section className="desk-section" aria-labelledby={`esc-${c.id}`} data-testid="escalation-section">
        <h3 id={`esc-${c.id}`}>Escalation</h3>
        {c.escalations.length === 0 ? (
          <p className="subtle">Not escalated.</p>
        ) : (
          <ol className="desk-log" data-testid="escalation-log">
            {c.escalations.map((e, i) => (
              <li key={i}>
                Level {e.level}: {who(e.fromId)} → <b>{who(e.toId)}</b>, {format.datetime(e.at)}, {e.byId === null ? 'by itself after a breach' : `by ${members.map.get(e.byId) ?? 'a former member'}`} — {e.reason}
              </li>
            ))}
          </ol>
        )}
        {c.state !== 'resolved' && (
          <form
            className="desk-form"
            onSubmit={(e) => {
              e.preventDefault()
              void escalate.mutate({ id: c.id, reason: why }).then(() => setWhy(''), () => undefined)
            }}
          >
            <div className="row">
              <DeskField label="Why escalate" error={issueAt(escalate.error, 'reason')}>
                {(a) => <input {...a} className="input" value={why} onChange={(e) => setWhy(e.target.value)} data-testid="escalate-reason" />}
              </DeskField>
              <button type="submit" className="btn" disabled={escalate.pending} data-testid="escalate">
                Escalate to level {Math.min(3, c.escalationLevel + 1)}
              </button>
            </div>
            {generalError(escalate.error, ['reason']) !== undefined && <p className="field-error" role="alert">{escalate.error?.message}</p>}
          </form>
        )}
      </section>

      <section className="desk-section" aria-labelledby={`resolve-${c.id}`} data-testid="resolve-section">
        <h3 id={`resolve-${c.id}`}>{c.state === 'resolved' ? 'Resolved' : 'Resolve'}</h3>
        {c.state === 'resolved' ? (
          <>
            <p data-testid="resolution-text">
              {c.resolution === '' ? 'Answered.' : c.resolution}
              {c.ticketId !== '' && <span className="subtle"> · support ticket {c.ticketId}</span>}
              {c.resolvedAt !== null && <span className="subtle small"> · {format.datetime(c.resolvedAt)}</span>}
            </p>
            <form
              className="desk-form"
              onSubmit={(e) => {
                e.preventDefault()
                void reopen.mutate({ id: c.id, reason: reopenWhy }).then(() => setReopenWhy(''), () => undefined)
              }}
            >
              <div className="row">
                <DeskField label="Why reopen" error={issueAt(reopen.error, 'reason') ?? generalError(reopen.error, ['reason'])}>
                  {(a) => <input {...a} className="input" value={reopenWhy} onChange={(e) => setReopenWhy(e.target.value)} />}
                </DeskField>
                <button type="submit" className="btn" disabled={reopen.pending}>
                  Reopen
                </button>
              </div>
            </form>
          </>
        ) : (
          <form
            className="desk-form"
            onSubmit={(e) => {
              e.preventDefault()
              void resolve.mutate({ id: c.id, resolution, ...(ticket.trim() === '' ? {} : { ticketId: ticket.trim() }) }).catch(() => undefined)
            }}
          >
            <DeskField label="How it was resolved" error={issueAt(resolve.error, 'resolution')}>
              {(a) => <textarea {...a} className="textarea" rows={3} value={resolution} onChange={(e) => setResolution(e.target.value)} data-testid="resolution" />}
            </DeskField>
            {c.type === 'complaint' && (
              <DeskField label="Support ticket id" error={issueAt(resolve.error, 'ticketId')}>
                {(a) => <input {...a} className="input" value={ticket} onChange={(e) => setTicket(e.target.value)} data-testid="ticket-id" />}
              </DeskField>
            )}
            <div className="row">
              <button type="submit" className="btn btn-primary" disabled={resolve.pending} data-testid="resolve">
                Resolve
              </button>
              {generalError(resolve.error, ['resolution', 'ticketId']) !== undefined && <span className="field-error" role="alert">{resolve.error?.message}</span>}
            </div>
          </form>
        )}
      </section>
    </>
  )
}
