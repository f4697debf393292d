import { useId, useMemo, useState } from 'react'
import type { CommentTarget } from '../../../../core/domain/comment'
import { parseMentions, type MentionMember } from '../../../../core/sharing/parseMentions'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { useRecords } from '../../api/useRecords'
import { MentionBox } from './MentionBox'
import './sharing.css'

type Props = { targetKind: CommentTarget; targetId: string }
type CommentRow = { id: string; authorId: string | null; body: string; mentions: string[]; createdAt: string; editedAt: string | null; resolved: boolean; resolvedById: string | null }

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** A comment body with its resolved mentions highlighted; names that were not members stay text. */
function Body({ c, members }: { c: CommentRow; members: readonly MentionMember[] }) {
  const parts = parseMentions(c.body, members.filter((m) => c.mentions.includes(m.id))).parts
  return <p className="comment-body">{parts.map((p, i) => (p.memberId ? <strong key={i} className="mention">{p.text}</strong> : <span key={i}>{p.text}</span>))}</p>
}

/**
 * Threads on one record (content, campaign, conversation, influencer): write as *me* with @mentions,
 * reply, edit or delete my own, resolve and reopen a thread. Resolved threads fold away.
 */
export function CommentsSection({ targetKind, targetId }: Props) {
  const list = useQuery('comment-list', { targetKind, targetId })
  const memberRecs = useRecords('member')
  const members = useMemo(() => (memberRecs.data?.items ?? []).filter((m) => m.active).map((m) => ({ id: m.id, name: m.name })), [memberRecs.data])
  const names = useMemo(() => new Map((memberRecs.data?.items ?? []).map((m) => [m.id, m.name])), [memberRecs.data])
  const [showResolved, setShowResolved] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const headingId = useId()
  const me = list.data?.me ?? null
  const threads = list.data?.threads ?? []
  const shown = threads.filter((t) => showResolved || !t.resolved)
  const resolvedCount = threads.length - (list.data?.open ?? 0)

  const run = async (fn: () => Promise<unknown>): Promise<boolean> => {
    setError(null)
    try {
      await fn()
      return true
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
      return false
    }
  }

  const row = (c: CommentRow, reply: boolean) => (
    <CommentItem key={c.id} c={c} reply={reply} mine={c.authorId !== null && c.authorId === me} author={names.get(c.authorId ?? '') ?? 'Unknown'} members={members} run={run} />
  )

  return (
    <section className="comments" aria-labelledby={headingId} data-testid="comments">
      <h3 id={headingId} className="sharing-h">
        Comments {list.data && <span className="subtle">({list.data.open} open)</span>}
      </h3>
      {error && <p className="form-error" role="alert">{error}</p>}
      {shown.map((t) => (
        <article key={t.id} className={`thread${t.resolved ? ' thread-resolved' : ''}`} data-testid="comment-thread">
          {row(t, false)}
          {t.replies.map((r) => row(r, true))}
          <div className="thread-foot">
            {t.resolved ? (
              <>
                <span className="subtle small">Resolved by {names.get(t.resolvedById ?? '') ?? 'someone'}</span>
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => void run(() => api.call('comment-resolve', { id: t.id, resolved: false }))}>Reopen</button>
              </>
            ) : (
              <>
                <ReplyBox members={members} onSend={(body) => run(() => api.call('comment-add', { targetKind, targetId, parentId: t.id, body }))} />
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => void run(() => api.call('comment-resolve', { id: t.id, resolved: true }))}>Resolve</button>
              </>
            )}
          </div>
        </article>
      ))}
      {resolvedCount > 0 && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setShowResolved(!showResolved)}>
          {showResolved ? 'Hide resolved threads' : `Show ${resolvedCount} resolved thread${resolvedCount === 1 ? '' : 's'}`}
        </button>
      )}
      <NewComment members={members} onSend={(body) => run(() => api.call('comment-add', { targetKind, targetId, body }))} />
    </section>
  )
}

function CommentItem({ c, reply, mine, author, members, run }: { c: CommentRow; reply: boolean; mine: boolean; author: string; members: readonly MentionMember[]; run: (fn: () => Promise<unknown>) => Promise<boolean> }) {
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <div className={`comment${reply ? ' comment-reply' : ''}`} data-testid="comment">
      <div className="comment-head">
        <strong>{author}</strong>
        <span className="subtle small">{when.format(new Date(c.createdAt))}{c.editedAt ? ' · edited' : ''}</span>
        {mine && editing === null && (
          <span className="comment-actions">
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing(c.body)}>Edit</button>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => void run(() => api.call('comment-delete', { id: c.id }))}>Delete</button>
          </span>
        )}
      </div>
      {editing === null ? (
        <Body c={c} members={members} />
      ) : (
        <form onSubmit={(e) => (e.preventDefault(), void run(() => api.call('comment-edit', { id: c.id, body: editing })).then((ok) => ok && setEditing(null)))}>
          <MentionBox label="Edit comment" value={editing} onChange={setEditing} members={members} />
          <div className="comment-form-foot">
            <button type="button" className="btn btn-sm" onClick={() => setEditing(null)}>Cancel</button>
            <button type="submit" className="btn btn-primary btn-sm" disabled={editing.trim() === ''}>Save</button>
          </div>
        </form>
      )}
    </div>
  )
}

function NewComment({ members, onSend }: { members: readonly MentionMember[]; onSend: (body: string) => Promise<boolean> }) {
  const [text, setText] = useState('')
  return (
    <form className="comment-new" onSubmit={(e) => (e.preventDefault(), void onSend(text).then((ok) => ok && setText('')))}>
      <MentionBox label="New comment" placeholder="Write a comment; @Name notifies a teammate" value={text} onChange={setText} members={members} testId="comment-input" />
      <div className="comment-form-foot">
        <button type="submit" className="btn btn-primary btn-sm" disabled={text.trim() === ''} data-testid="comment-send">Comment</button>
      </div>
    </form>
  )
}

function ReplyBox({ members, onSend }: { members: readonly MentionMember[]; onSend: (body: string) => Promise<boolean> }) {
  const [text, setText] = useState<string | null>(null)
  if (text === null) return <button type="button" className="btn btn-ghost btn-sm" onClick={() => setText('')}>Reply</button>
  return (
    <form className="comment-reply-form" onSubmit={(e) => (e.preventDefault(), void onSend(text).then((ok) => ok && setText(null)))}>
      <MentionBox label="Reply" value={text} onChange={setText} members={members} autoFocus />
      <div className="comment-form-foot">
        <button type="button" className="btn btn-sm" onClick={() => setText(null)}>Cancel</button>
        <button type="submit" className="btn btn-primary btn-sm" disabled={text.trim() === ''}>Reply</button>
      </div>
    </form>
  )
}
