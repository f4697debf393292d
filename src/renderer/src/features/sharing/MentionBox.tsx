import { useId, useState } from 'react'
import type { MentionMember } from '../../../../core/sharing/parseMentions'

type Props = { label: string; value: string; onChange: (v: string) => void; members: readonly MentionMember[]; placeholder?: string; autoFocus?: boolean; testId?: string }

/** The `@partial` being typed at the caret, if any. */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|[\s(])@([^\s@]{0,30})$/.exec(text.slice(0, caret))
  return m ? { start: caret - (m[2]?.length ?? 0) - 1, query: (m[2] ?? '').toLowerCase() } : null
}

/**
 * A comment text area that suggests members while an `@name` is typed. Picking one writes the full
 * name, which the backend resolves to the member; anything else typed after `@` stays plain text.
 */
export function MentionBox({ label, value, onChange, members, placeholder, autoFocus, testId }: Props) {
  const id = useId()
  const [caret, setCaret] = useState(0)
  const at = mentionAt(value, caret)
  const matches = at === null ? [] : members.filter((m) => m.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(at.query)) || m.name.toLowerCase().startsWith(at.query)).slice(0, 5)
  const pick = (m: MentionMember) => {
    if (at === null) return
    const next = `${value.slice(0, at.start)}@${m.name} ${value.slice(caret)}`
    onChange(next)
    setCaret(at.start + m.name.length + 2)
  }
  return (
    <div className="mention-box">
      <textarea
        id={id}
        aria-label={label}
        className="textarea"
        rows={2}
        value={value}
        placeholder={placeholder}
        // The reply box opens on a click on Reply: typing goes straight into it.
        autoFocus={autoFocus}
        data-testid={testId}
        onChange={(e) => (onChange(e.target.value), setCaret(e.target.selectionStart))}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit()
        }}
      />
      {matches.length > 0 && (
        <div className="mention-suggest" role="group" aria-label="Mention a teammate">
          {matches.map((m) => (
            <button key={m.id} type="button" className="btn btn-sm" data-testid="mention-option" onClick={() => pick(m)}>
              @{m.name}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
