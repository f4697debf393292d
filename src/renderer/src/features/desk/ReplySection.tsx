import { useRef, useState } from 'react'
import { useMutation } from '../../api/useMutation'
import { useQuery } from '../../api/useQuery'
import { format } from '../../components/format'
import { DeskField, generalError, issueAt } from './DeskField'
import type { InboxRow } from './useInbox'

/**
 * The reply: a draft kept with the conversation, an approved answer for its topic put in at the cursor
 * (stale ones say so), and "Sent" to record that the reply went out, which stops the first-response
 * clock (optionally waiting for the author's answer).
 */
export function ReplySection({ c }: { c: InboxRow }) {
  const [text, setText] = useState(c.replyText)
  const [answerId, setAnswerId] = useState<string | null>(c.answerId)
  const [pick, setPick] = useState('')
  const [wait, setWait] = useState(false)
  const box = useRef<HTMLTextAreaElement>(null)
  const answers = useQuery('answer-suggest', { ...(c.topic === '' ? {} : { topic: c.topic }), ...(c.language === '' ? {} : { language: c.language }) }, { dependsOn: ['approvedAnswer'] })
  const draft = useMutation('conversation-reply')
  const respond = useMutation('conversation-respond')
  // The author answered: the wait ends and the clocks run again, moved out by the time waited.
  const resume = useMutation('conversation-update')
  const items = answers.data?.items ?? []
  const error = respond.error ?? draft.error

  const insert = (): void => {
    const a = items.find((x) => x.id === pick)
    if (a === undefined) return
    const el = box.current
    const at = el?.selectionStart ?? text.length
    const end = el?.selectionEnd ?? at
    const next = `${text.slice(0, at)}${a.text}${text.slice(end)}`
    setText(next)
    setAnswerId(a.id)
    setPick('')
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(at + a.text.length, at + a.text.length)
    })
  }

  return (
    <section className="desk-section" aria-labelledby={`reply-${c.id}`} data-testid="reply-section">
      <h3 id={`reply-${c.id}`}>Reply</h3>
      {c.state === 'waiting' && c.waitingSince !== null && (
        <div className="banner desk-waiting" role="status" data-testid="waiting-banner">
          <span>Waiting for the author since {format.datetime(c.waitingSince)}: the response clocks are paused.</span>{' '}
          <button
            type="button"
            className="btn btn-sm"
            disabled={resume.pending}
            onClick={() => void resume.mutate({ id: c.id, state: c.assigneeId === null ? 'triaged' : 'assigned' }).catch(() => undefined)}
            data-testid="author-answered"
          >
            The author answered
          </button>
          {resume.error !== undefined && (
            <span className="field-error" role="alert">
              {resume.error.message}
            </span>
          )}
        </div>
      )}
      <div className="desk-form">
        <div className="row">
          <DeskField label="Approved answers" error={undefined} help={items.length === 0 && !answers.loading ? `None for ${c.topic === '' ? 'this conversation' : `the topic ${c.topic}`} yet.` : undefined}>
            {(a) => (
              <select {...a} className="select" value={pick} onChange={(e) => setPick(e.target.value)} data-testid="answer-pick">
                <option value="">— Choose an answer —</option>
                {items.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.title}
                    {x.topic === '' ? '' : ` (${x.topic})`}
                    {x.stale ? ` · review was due ${format.date(x.reviewBy)}` : ''}
                  </option>
                ))}
              </select>
            )}
          </DeskField>
          <button type="button" className="btn" disabled={pick === ''} onClick={insert} data-testid="answer-insert">
            Insert approved answer
          </button>
        </div>
        {items.find((x) => x.id === pick)?.stale === true && (
          <p className="banner banner-warn" role="status">
            <span aria-hidden="true">⚠ </span>This answer is past its review date; check it before sending.
          </p>
        )}
        <DeskField label="Reply text" error={issueAt(error, 'replyText')}>
          {(a) => <textarea {...a} ref={box} className="textarea" rows={6} value={text} onChange={(e) => setText(e.target.value)} data-testid="reply-text" />}
        </DeskField>
        <label className="desk-check">
          <input type="checkbox" checked={wait} onChange={(e) => setWait(e.target.checked)} /> Wait for the author’s answer after sending
        </label>
        <div className="row">
          <button type="button" className="btn" disabled={draft.pending} onClick={() => void draft.mutate({ id: c.id, replyText: text, answerId }).catch(() => undefined)} data-testid="reply-save">
            Save draft
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={respond.pending || text.trim() === ''}
            onClick={() => void respond.mutate({ id: c.id, replyText: text, answerId, waitForAuthor: wait }).catch(() => undefined)}
            data-testid="reply-sent"
          >
            {c.firstResponseAt === null ? 'Mark as sent' : 'Mark follow-up as sent'}
          </button>
          {generalError(error, ['replyText']) !== undefined && <span className="field-error" role="alert">{error?.message}</span>}
        </div>
        {c.firstResponseAt !== null && <p className="subtle small">First answered {format.datetime(c.firstResponseAt)}.</p>}
      </div>
    </section>
  )
}
