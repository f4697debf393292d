import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { TaskView } from '../../../../core/api/methods/sharingMethods'
import { useQuery } from '../../api/useQuery'

const Marks = createContext<ReadonlyMap<string, TaskView[]>>(new Map())

/** Loads the tasks due in the days a calendar view shows, once per view, for every day cell to read. */
export function TaskMarksProvider({ from, to, children }: { from: string; to: string; children: ReactNode }) {
  // Tasks move with their items, so a content change refreshes them too.
  const range = useQuery('task-range', { from, to }, { dependsOn: ['task', 'content'] })
  const byDay = useMemo(() => {
    const m = new Map<string, TaskView[]>()
    for (const t of range.data?.tasks ?? []) if (t.due !== null) m.set(t.due, [...(m.get(t.due) ?? []), t])
    return m
  }, [range.data])
  return <Marks.Provider value={byDay}>{children}</Marks.Provider>
}

/** Small markers for the workback tasks due on one day (late ones in red, done ones struck through). */
export function DayTasks({ date }: { date: string }) {
  const tasks = useContext(Marks).get(date)
  if (!tasks || tasks.length === 0) return null
  const shown = tasks.slice(0, 3)
  return (
    <div className="day-tasks" data-testid="day-tasks">
      {shown.map((t) => (
        <span key={t.id} className={`day-task${t.overdue ? ' day-task-late' : ''}${t.done ? ' day-task-done' : ''}`} title={`Task: ${t.title} — ${t.contentTitle}${t.overdue ? ' (overdue)' : t.done ? ' (done)' : ''}`}>
          ☐ {t.title}
        </span>
      ))}
      {tasks.length > shown.length && <span className="day-task" title={tasks.slice(3).map((t) => t.title).join(', ')}>+{tasks.length - shown.length} tasks</span>}
    </div>
  )
}

/** "2/5 ✓" for a board card: done and total tasks of the item. */
export function CardTasks({ counts }: { counts: { done: number; total: number } | undefined }) {
  if (!counts || counts.total === 0) return null
  return (
    <span className="card-tasks" title={`${counts.done} of ${counts.total} tasks done`} data-testid="card-tasks">
      ✓ {counts.done}/{counts.total}
    </span>
  )
}
