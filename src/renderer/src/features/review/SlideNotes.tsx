import { useState } from 'react'
import type { ApiOutput } from '../../../../core/api/contract'
import { useMutation } from '../../api/useMutation'

type Note = ApiOutput<'deck-note-list'>['items'][number]
type Props = { quarter: string; slideKey: string; slideTitle: string; notes: readonly Note[] }

/**
 * Decisions and notes on one slide: each is a workspace record (kind deckNote), printed on its slide
 * and gathered on the "Decisions and notes" slide of the export.
 */
export function SlideNotes({ quarter, slideKey, slideTitle, notes }: Props) {
  const save = useMutation('deck-note-save')
  const [text, setText] = useState('')
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null)
  const mine = notes.filter((n) => n.slideKey === slideKey)

  const add = async () => {
    if (text.trim() === '') return
    // A failed save keeps the text in the box; the error shows below it (save.error).
    const saved = await save.mutate({ quarter, slideKey, text }).catch(() => null)
    if (saved !== null) setText('')
  }
  const update = async () => {
    if (editing === null) return
    const saved = await save.mutate({ id: editing.id, quarter, slideKey, text: editing.text }).catch(() => null)
    if (saved !== null) setEditing(null)
  }

  return (
    <section className="card review-notes" aria-label="Notes and decisions on this slide">
      <h2 className="panel-title">Decisions and notes · {slideTitle}</h2>
      {mine.length === 0 && <p className="subtle">No note on this slide yet. What was decided, and why?</p>}
      <ul className="review-note-list">
        {mine.map((n) =>
          editing?.id === n.id ? (
            <li key={n.id} className="review-note-edit">
              <textarea className="textarea" aria-label="Edit note" value={editing.text} onChange={(e) => setEditing({ id: n.id, text: e.target.value })} />
              <div className="review-note-actions">
                <button type="button" className="btn btn-primary" onClick={() => void update()} disabled={save.pending}>
                  Save
                </button>
                <button type="button" className="btn" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </div>
            </li>
          ) : (
            <li key={n.id} data-testid="slide-note">
              <span>{n.text}</span>
              <span className="subtle"> — {n.author === '' ? 'unsigned' : n.author}</span>
              <span className="review-note-actions">
                <button type="button" className="btn btn-ghost" onClick={() => setEditing({ id: n.id, text: n.text })}>
                  Edit
                </button>
                <button type="button" className="btn btn-ghost btn-danger" onClick={() => void save.mutate({ id: n.id, quarter, slideKey, text: '' }).catch(() => null)} aria-label={`Delete note: ${n.text}`}>
                  Delete
                </button>
              </span>
            </li>
          )
        )}
      </ul>
      <form
        className="review-note-form"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <textarea
          className="textarea"
          aria-label="New note or decision"
          placeholder="Type a decision or note for this slide (Ctrl+Enter to add)"
          value={text}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              void add()
            }
          }}
        />
        <button type="submit" className="btn btn-primary" disabled={save.pending || text.trim() === ''}>
          Add note
        </button>
      </form>
      {save.error !== undefined && (
        <p className="review-error" role="alert">
          {save.error.message}
        </p>
      )}
    </section>
  )
}
