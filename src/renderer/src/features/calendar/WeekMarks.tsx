import { memo } from 'react'
import { cadenceState } from '../../../../core/calendar/cadence'
import { loadState } from '../../../../core/calendar/capacity'
import type { ApiOutput } from '../../../../core/api/contract'

type Props = { week: string; cadence: ApiOutput<'calendar-cadence'> | undefined; capacity: ApiOutput<'calendar-capacity'> | undefined }

/** The week's gutter: channels under or over their cadence target, and members over capacity. */
export const WeekMarks = memo(function WeekMarks({ week, cadence, capacity }: Props) {
  const ci = cadence?.weeks.indexOf(week) ?? -1
  const under: string[] = []
  const over: string[] = []
  if (cadence && ci >= 0)
    for (const r of cadence.rows) {
      const n = r.counts[ci] ?? 0
      const s = cadenceState(n, r.target)
      if (s === 'under') under.push(`${r.name}: ${n} of ${r.target}`)
      if (s === 'over') over.push(`${r.name}: ${n} for a target of ${r.target}`)
    }
  const ki = capacity?.weeks.indexOf(week) ?? -1
  const loaded = capacity && ki >= 0 ? capacity.rows.filter((r) => loadState(r.hours[ki] ?? 0, r.capacity) === 'over').map((r) => `${r.name}: ${r.hours[ki]} h of ${r.capacity} h`) : []
  return (
    <div className="week-marks" data-testid="week-marks">
      {under.length > 0 && <span className="mark mark-under" title={`Under cadence target\n${under.join('\n')}`}>▼{under.length}</span>}
      {over.length > 0 && <span className="mark mark-over" title={`Over cadence target\n${over.join('\n')}`}>▲{over.length}</span>}
      {loaded.length > 0 && <span className="mark mark-load" data-testid="mark-overload" title={`Over capacity\n${loaded.join('\n')}`}>⚑{loaded.length}</span>}
    </div>
  )
})

