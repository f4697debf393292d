import type { ApiOutput } from '../../../../core/api/contract'
import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { DayCell } from './DayCell'
import { WeekMarks } from './WeekMarks'
import { labelColorOn } from '../../theme/labelColorOn'

const noItems: CalendarCell[] = []
const monthName = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' })
type Campaign = ApiOutput<'calendar-range'>['campaigns'][number]
type Props = {
  days: string[]
  month: string
  byDay: ReadonlyMap<string, CalendarCell[]>
  campaigns: readonly Campaign[]
  showCampaigns: boolean
  today: string
  focus: string
  onFocus: (d: string) => void
  weekdayNames: string[]
  cadence: ApiOutput<'calendar-cadence'> | undefined
  capacity: ApiOutput<'calendar-capacity'> | undefined
  /** The id of the keys' explanation, read when the grid takes focus. */
  describedBy: string
}

/** Whole weeks, campaign bars across the days they run, cadence and capacity marks per week. */
export function MonthView({ describedBy, days, month, byDay, campaigns, showCampaigns, today, focus, onFocus, weekdayNames, cadence, capacity }: Props) {
  const weeks: string[][] = []
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7))
  const rows = weeks.length
  const max = rows > 5 ? 3 : 4
  return (
    <div className="month" role="grid" aria-label={monthName.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`))} aria-describedby={describedBy} data-testid="cal-month" style={{ ['--weeks' as string]: rows }}>
      <div className="month-head" role="row">
        <span />
        {weekdayNames.map((n) => (
          <span key={n} role="columnheader">{n}</span>
        ))}
      </div>
      {weeks.map((w) => {
        const first = w[0] ?? ''
        const last = w[6] ?? ''
        const bars = showCampaigns ? campaigns.filter((c) => c.startDate <= last && c.endDate >= first) : []
        return (
          <div className="week-row" role="row" key={first} style={{ ['--lanes' as string]: bars.length }}>
            <WeekMarks week={first} cadence={cadence} capacity={capacity} />
            {bars.map((c, lane) => {
              const start = Math.max(0, calendarDates.daysBetween(first, c.startDate))
              const end = Math.min(6, calendarDates.daysBetween(first, c.endDate))
              return (
                <div
                  key={c.id}
                  className="campaign-bar"
                  data-testid="campaign-bar"
                  title={`${c.name}: ${c.startDate} – ${c.endDate}`}
                  style={{ gridColumn: `${start + 2} / ${end + 3}`, gridRow: lane + 2, ['--chip' as string]: c.color, color: labelColorOn(c.color) }}
                >
                  {c.startDate >= first || start === 0 ? c.name : ''}
                </div>
              )
            })}
            {w.map((d, i) => (
              <div key={d} className="day-slot" style={{ gridColumn: i + 2, gridRow: `1 / span ${bars.length + 2}` }}>
                <DayCell date={d} items={byDay.get(d) ?? noItems} outside={d.slice(0, 7) !== month.slice(0, 7)} today={d === today} focused={d === focus} max={max} onFocus={onFocus} />
              </div>
            ))}
          </div>
        )
      })}
    </div>
  )
}
