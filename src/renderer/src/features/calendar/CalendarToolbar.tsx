import { lazy, Suspense, useState } from 'react'
import type { CalendarFilter } from '../../../../core/calendar/calendarFilter'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import type { PlannerState, ViewMode } from './usePlannerState'
import { UndoRedo } from './UndoRedo'
import type { History } from './useHistory'

// The import wizard (CSV and Excel reading) loads when it is opened, not with the screen.
const ImportWizard = lazy(() => import('../transfer/ImportWizard').then((m) => ({ default: m.ImportWizard })))

type Props = {
  state: PlannerState
  update: (p: Partial<PlannerState>) => void
  cursor: string
  zone: string
  go: (n: number) => void
  today: () => void
  history: History
  onMessage: (t: string, tone: 'ok' | 'error') => void
  filter: CalendarFilter
  loading: boolean
}

/** Title, navigation, view switch, undo/redo, insights, the CSV import of a whole calendar and the .ics export. */
export function CalendarToolbar({ state, update, cursor, zone, go, today, history, onMessage, filter, loading }: Props) {
  const [importing, setImporting] = useState(false)
  const title = state.mode === 'month'
    ? new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${cursor.slice(0, 7)}-01T00:00:00Z`))
    : new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${cursor}T00:00:00Z`))
  const exportIcs = async () => {
    try {
      const from = calendarDates.addMonths(cursor, -3)
      const to = calendarDates.addDays(calendarDates.addMonths(cursor, 12), -1)
      const r = await api.call('calendar-ics', { from, to, filter })
      const url = URL.createObjectURL(new Blob([r.text], { type: 'text/calendar;charset=utf-8' }))
      const a = document.createElement('a')
      a.href = url
      a.download = `smo-calendar-${from}-to-${to}.ics`
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 5000)
      onMessage(`Exported ${r.count} items to ${a.download}`, 'ok')
    } catch (e) {
      onMessage(e instanceof ApiError ? e.message : String(e), 'error')
    }
  }
  return (
    <header className="planner-head">
      <h1 data-testid="cal-title">{title}</h1>
      <div className="btn-group" role="group" aria-label="Navigate">
        <button type="button" className="btn btn-sm" onClick={() => go(-1)} aria-label="Previous" data-testid="cal-prev">‹</button>
        <button type="button" className="btn btn-sm" onClick={today} data-testid="cal-today">Today</button>
        <button type="button" className="btn btn-sm" onClick={() => go(1)} aria-label="Next" data-testid="cal-next">›</button>
      </div>
      <div className="btn-group" role="tablist" aria-label="View">
        {(['month', 'week', 'agenda'] as ViewMode[]).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={state.mode === m} className={`btn btn-sm${state.mode === m ? ' btn-on' : ''}`} onClick={() => update({ mode: m })} data-testid={`view-${m}`}>
            {m[0]?.toUpperCase()}{m.slice(1)}
          </button>
        ))}
      </div>
      <span className="filter-gap" />
      <span className="subtle small" title="Times are shown in this zone; hover an item for the zone it was planned in">{zone}{loading ? ' · loading…' : ''}</span>
      <UndoRedo history={history} />
      <button type="button" className="btn btn-sm" onClick={() => update({ showInsights: !state.showInsights })} aria-pressed={state.showInsights}>Insights</button>
      <button type="button" className="btn btn-sm" onClick={() => setImporting(true)} data-testid="import-csv" title="Add or update content items from a spreadsheet">Import CSV…</button>
      <button type="button" className="btn btn-sm btn-primary" onClick={() => void exportIcs()} data-testid="export-ics">Export .ics</button>
      {importing && (
        <Suspense fallback={null}>
          <ImportWizard kind="content" aliases={{}} onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </header>
  )
}
