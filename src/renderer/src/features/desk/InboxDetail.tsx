import { deskLabel } from '../../../../core/listening/deskLabel'
import { useQuery } from '../../api/useQuery'
import { format } from '../../components/format'
import { RecordHistory } from '../people/RecordHistory'
import { StatusBadge } from '../records/StatusBadge'
import { useNames } from '../records/useNames'
import { CommentsSection } from '../sharing/CommentsSection'
import { CloseSection } from './CloseSection'
import { HandoffSection } from './HandoffSection'
import { ReplySection } from './ReplySection'
import { RouteSection } from './RouteSection'
import { DueCell, Standing } from './Standing'

/** A link out only for https (the desktop host opens nothing else in the browser); anything else is shown as text. */
function WebLink({ url }: { url: string }) {
  if (!/^https:\/\//i.test(url)) return <span>{url}</span>
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" data-testid="conversation-url">
      {url.replace(/^https?:\/\//i, '').slice(0, 80)}
    </a>
  )
}

/**
 * One conversation on the desk: what was said and where, its clocks, then the work in the order it is
 * done — triage and route, reply (with an approved answer), escalate or resolve, a hand-off for a lead,
 * the crisis checklist — and its comments and history.
 */
export function InboxDetail({ id }: { id: string }) {
  const q = useQuery('inbox-get', { id }, { dependsOn: ['conversation', 'expert', 'deskPolicy'] })
  const channels = useNames('channel')
  const influencers = useNames('influencer')
  const c = q.data
  if (c === undefined) return q.error !== undefined ? <p className="form-error" role="alert">{q.error.message}</p> : <p className="muted">Loading…</p>
  const source = c.channelId !== null ? channels.map.get(c.channelId) : c.network === '' ? undefined : c.network
  return (
    <div className="desk-inbox-conversation" data-testid="conversation-detail" data-state={c.state}>
      <h2 className="desk-inbox-summary">{c.summary}</h2>
      <p className="desk-inbox-badges">
        <StatusBadge value={c.state} /> <StatusBadge value={c.type} /> <span className="badge">{deskLabel(c.priority)} priority</span> <Standing row={c} />
      </p>
      <dl className="kv desk-inbox-facts">
        <dt>From</dt>
        <dd>
          {c.author}
          {c.influencerId !== null && (
            <>
              {' · '}
              <a href="#/influencers">influencer {influencers.map.get(c.influencerId) ?? ''}</a>
            </>
          )}
        </dd>
        <dt>Where</dt>
        <dd>
          {source ?? 'Unknown source'}
          {c.url !== '' && (
            <>
              {' · '}
              <WebLink url={c.url} />
            </>
          )}
        </dd>
        <dt>Came in</dt>
        <dd>{format.datetime(c.occurredAt)}</dd>
        <dt>Topic</dt>
        <dd>{c.topic === '' ? 'None yet' : c.topic}</dd>
        <dt>Sentiment</dt>
        <dd>{deskLabel(c.sentiment)}</dd>
        <dt>First response due</dt>
        <dd data-testid="first-response-due">
          <DueCell at={c.firstResponseDueAt} breached={c.firstResponseBreached} done={c.firstResponseAt !== null} waitingSince={c.waitingSince} />
          {c.firstResponseAt !== null && <span className="subtle small"> (answered {format.datetime(c.firstResponseAt)})</span>}
        </dd>
        <dt>Resolution due</dt>
        <dd data-testid="resolution-due">
          <DueCell at={c.resolutionDueAt} breached={c.resolutionBreached} done={c.resolvedAt !== null} waitingSince={c.waitingSince} />
        </dd>
        <dt>Escalation</dt>
        <dd>{c.escalationLevel === 0 ? 'Not escalated' : `Level ${c.escalationLevel}`}</dd>
      </dl>
      <RouteSection c={c} />
      {c.state !== 'resolved' && <ReplySection c={c} />}
      {c.type === 'lead' && <HandoffSection c={c} />}
      <CloseSection c={c} />
      <div className="desk-section">
        <CommentsSection targetKind="conversation" targetId={c.id} />
      </div>
      <div className="desk-section">
        <RecordHistory id={c.id} />
      </div>
    </div>
  )
}
