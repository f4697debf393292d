import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { labelOf } from '../../../../core/domain/enums'
import { ItemChip } from './ItemChip'
import { usePlanner } from './plannerContext'

/** A list by day for the coming weeks: the view people scan in a stand-up. */
export function AgendaView({ days, byDay, today }: { days: string[]; byDay: ReadonlyMap<string, CalendarCell[]>; today: string }) {
  const p = usePlanner()
  const filled = days.filter((d) => (byDay.get(d)?.length ?? 0) > 0)
  const fmt = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
  return (
    <div className="agenda" data-testid="cal-agenda">
      {filled.length === 0 && <p className="subtle empty">Nothing planned in these weeks for this filter.</p>}
      {filled.map((d) => (
        <section key={d} className={`agenda-day${d === today ? ' day-today' : ''}`} data-testid="cal-day" data-date={d}>
          <h3>{fmt.format(new Date(`${d}T00:00:00Z`))}</h3>
          <ul>
            {(byDay.get(d) ?? []).map((it) => (
              <li key={it.id} className="agenda-row">
                <ItemChip item={it} />
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
