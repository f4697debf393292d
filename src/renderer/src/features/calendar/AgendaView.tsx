import { useState, type KeyboardEvent } from 'react'
import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { labelOf } from '../../../../core/domain/vocabularies'
import { ItemChip } from './ItemChip'
import { usePlanner } from './plannerContext'

/**
 * A list by day for the coming weeks: the view people scan in a stand-up. It stays a document (a
 * heading per day, a list of items) for reading, with one Tab stop for all its items: ↑/↓ move between
 * items, PageUp/PageDown between days, Home/End to the first/last; Enter opens, Alt+↑/↓ moves an item
 * a day, M asks for a date.
 */
export function AgendaView({ days, byDay, today }: { days: string[]; byDay: ReadonlyMap<string, CalendarCell[]>; today: string }) {
  const p = usePlanner()
  const [active, setActive] = useState<string | null>(null)
  const filled = days.filter((d) => (byDay.get(d)?.length ?? 0) > 0)
  const order = filled.flatMap((d) => (byDay.get(d) ?? []).map((it) => ({ id: it.id, date: d })))
  const current = order.some((o) => o.id === active) ? active : (order[0]?.id ?? null)
  const fmt = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLElement)) return
    const id = e.target.closest<HTMLElement>('[data-testid="cal-item"]')?.dataset.id
    if (id === undefined) return
    const i = order.findIndex((o) => o.id === id)
    const date = order[i]?.date ?? ''
    let next = -1
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault()
      return p.moveBy(id, e.key === 'ArrowUp' ? -1 : 1)
    }
    if (e.key === 'ArrowDown') next = i + 1
    else if (e.key === 'ArrowUp') next = i - 1
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = order.length - 1
    else if (e.key === 'PageDown') next = order.findIndex((o) => o.date > date)
    else if (e.key === 'PageUp') {
      const prevDay = [...order].reverse().find((o) => o.date < date)?.date
      next = order.findIndex((o) => o.date === prevDay)
    } else if ((e.key === 'm' || e.key === 'M') && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      e.stopPropagation()
      return p.askMove(id)
    } else return
    e.preventDefault()
    const to = order[Math.max(0, Math.min(order.length - 1, next))]
    if (next < 0 || to === undefined) return
    setActive(to.id)
    e.currentTarget.querySelector<HTMLElement>(`[data-testid="cal-item"][data-id="${to.id}"]`)?.focus()
  }

  return (
    <div className="agenda" data-testid="cal-agenda" onKeyDown={onKey}
      onFocus={(e) => { const id = (e.target as HTMLElement).dataset.id; if (id !== undefined) setActive(id) }}>
      {filled.length === 0 && <p className="subtle empty">Nothing planned in these weeks for this filter.</p>}
      {filled.map((d) => (
        <section key={d} className={`agenda-day${d === today ? ' day-today' : ''}`} data-testid="cal-day" data-date={d}>
          <h3>{fmt.format(new Date(`${d}T00:00:00Z`))}</h3>
          <ul>
            {(byDay.get(d) ?? []).map((it) => (
              <li key={it.id} className="agenda-row">
                <ItemChip item={it} tabIndex={it.id === current ? 0 : -1} />
                <span className="agenda-meta">
                  {p.names.channel.get(it.channelId ?? '') ?? '—'} · {p.names.member.get(it.ownerId ?? '') ?? 'unassigned'} · {labelOf(it.status)} · {it.effortHours} h
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
