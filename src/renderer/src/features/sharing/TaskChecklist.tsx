import { useId, useMemo, useState } from 'react'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { useRecords } from '../../api/useRecords'
import './sharing.css'

type Props = { contentId: string; channelId: string | null; format: string }

const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
const fmt = (d: string | null) => (d === null ? 'no date yet' : dayFmt.format(new Date(`${d}T00:00:00Z`)))

/**
 * The item's workback checklist: tasks with due dates counted back from the publish day (they move
 * with the item until ticked off), who does each, and a template to apply. Templates made for the
 * item's channel or format are offered first.
 */
export function TaskChecklist({ contentId, channelId, format }: Props) {
  const tasks = useQuery('task-for-item', { contentId })
  const templates = useRecords('taskTemplate')
  const members = useRecords('member')
  const names = useMemo(() => new Map((members.data?.items ?? []).map((m) => [m.id, m.name])), [members.data])
  const ordered = useMemo(() => {
    const fit = (t: { channelId: string | null; format: string | null }) => (t.channelId === channelId ? 2 : 0) + (t.format === format ? 1 : 0)
    return [...(templates.data?.items ?? [])].sort((a, b) => fit(b) - fit(a) || a.name.localeCompare(b.name))
  }, [templates.data, channelId, format])
  const [templateId, setTemplateId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const headingId = useId()
  const list = tasks.data?.tasks ?? []
  const done = list.filter((t) => t.done).length
  const chosen = templateId || ordered[0]?.id || ''

  const run = async (fn: () => Promise<unknown>) => {
    setError(null)
    try {
      await fn()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    }
  }

  return (
    <section className="tasks" aria-labelledby={headingId} data-testid="tasks">
      <h3 id={headingId} className="sharing-h">
        Tasks {list.length > 0 && <span className="subtle" data-testid="tasks-count">({done}/{list.length} done)</span>}
      </h3>
      {error && <p className="form-error" role="alert">{error}</p>}
      {list.length === 0 && <p className="subtle small">No tasks yet. Apply a workback template to plan the steps before publishing.</p>}
      <ul className="task-list">
        {list.map((t) => (
          <li key={t.id} className={`task${t.done ? ' task-done' : ''}${t.overdue ? ' task-overdue' : ''}`} data-testid="task">
            <label className="filter-opt">
              <input type="checkbox" checked={t.done} onChange={(e) => void run(() => api.call('task-set-done', { id: t.id, done: e.target.checked }))} />
              <span className="task-title">{t.title}</span>
            </label>
            <span className="task-meta small">
              <span className={t.overdue ? 'task-late' : 'subtle'}>{t.overdue ? 'Overdue · ' : ''}{fmt(t.due)}</span>
              <span className="subtle"> · {t.assigneeId ? (names.get(t.assigneeId) ?? 'someone') : t.assigneeRole ? `${t.assigneeRole} (unassigned)` : 'unassigned'}</span>
              {t.hours > 0 && <span className="subtle"> · {t.hours} h</span>}
            </span>
          </li>
        ))}
      </ul>
      {ordered.length > 0 && (
        <div className="task-apply">
          <select className="select select-sm" aria-label="Task template" value={chosen} onChange={(e) => setTemplateId(e.target.value)} data-testid="template-select">
            {ordered.map((t) => (
              <option key={t.id} value={t.id}>{t.name} ({t.steps.length} steps)</option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-sm"
            data-testid="template-apply"
            disabled={chosen === ''}
            onClick={() => void run(async () => {
              const r = await api.call('task-template-apply', { templateId: chosen, contentId })
              setNote(r.created === 0 ? 'This item already has every step of that template' : `${r.created} task${r.created === 1 ? '' : 's'} added`)
            })}
          >
            Apply template
          </button>
          {note && <span className="subtle small" role="status">{note}</span>}
        </div>
      )}
    </section>
  )
}
