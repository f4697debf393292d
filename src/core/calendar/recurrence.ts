import { z } from 'zod'
import { primitives as p } from '../domain/primitives'
import { calendarDates, type IsoDate } from './calendarDates'
import { zonedTime } from './zonedTime'
import { calendarRange } from '../domain/strictDateTime'

/** Most occurrences one rule may create; a series is a planning aid, not an infinite feed. */
export const MAX_OCCURRENCES = 260

/** How a series repeats: weekly, every N weeks, or monthly, ending on a date or after a count. */
export const recurrenceRule = z
  .object({
    freq: z.enum(['weekly', 'monthly']),
    interval: z.number({ error: 'Must be a number' }).int('Whole numbers only').min(1, 'At least 1').max(52, 'At most 52'),
    until: p.date.nullable().optional(),
    count: z.number({ error: 'Must be a number' }).int('Whole numbers only').min(1, 'At least 1').max(MAX_OCCURRENCES, `At most ${MAX_OCCURRENCES}`).nullable().optional()
  })
  .superRefine((r, ctx) => {
    if ((r.until ?? null) === null && (r.count ?? null) === null)
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'Give an end date or a number of occurrences' })
  })

export type RecurrenceRule = z.infer<typeof recurrenceRule>
export type Occurrence = { plannedDate: IsoDate; publishAt: string | null }
export type ExpandResult = { ok: true; occurrences: Occurrence[] } | { ok: false; field: string; message: string }

function monthlyDate(start: IsoDate, months: number): IsoDate {
  // The 31st repeats on the last day of shorter months rather than spilling into the next one.
  const first = calendarDates.addMonths(start, months)
  const day = Math.min(Number(start.slice(8, 10)), calendarDates.daysInMonth(first))
  return `${first.slice(0, 8)}${String(day).padStart(2, '0')}`
}

/**
 * Every occurrence of a series, the first one included. Publish times keep their wall-clock time in
 * the zone they were planned in, so a 09:00 Berlin post is 09:00 Berlin on both sides of a DST change.
 */
export function expandRecurrence(start: { plannedDate: IsoDate; publishAt: string | null; publishZone: string | null }, rule: RecurrenceRule): ExpandResult {
  const until = rule.until ?? null
  if (until !== null && until < start.plannedDate) return { ok: false, field: 'until', message: 'The end date is before the first occurrence' }
  const limit = Math.min(rule.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES)
  const wall = start.publishAt !== null && start.publishZone !== null ? zonedTime.toWallClock(start.publishAt, start.publishZone) : null
  const out: Occurrence[] = []
  for (let i = 0; out.length < limit; i++) {
    const date = rule.freq === 'weekly' ? calendarDates.addDays(start.plannedDate, 7 * rule.interval * i) : monthlyDate(start.plannedDate, rule.interval * i)
    if (until !== null && date > until) break
    if (date > calendarRange.max) return { ok: false, field: 'until', message: `The series runs past the end of the calendar (${calendarRange.label})` }
    let publishAt: string | null = null
    if (wall !== null && start.publishAt !== null && start.publishZone !== null) {
      // The publish day keeps its distance from the planned day (a post planned Monday, out Tuesday).
      const offset = calendarDates.daysBetween(start.plannedDate, wall.date)
      const r = zonedTime.toInstant(calendarDates.addDays(date, offset), wall.time, start.publishZone)
      if (!r.ok) return { ok: false, field: r.field, message: r.message }
      publishAt = r.instant
    }
    out.push({ plannedDate: date, publishAt })
  }
  if (until !== null && out.length === MAX_OCCURRENCES && (rule.count ?? null) === null) {
    const next = rule.freq === 'weekly' ? calendarDates.addDays(start.plannedDate, 7 * rule.interval * out.length) : monthlyDate(start.plannedDate, rule.interval * out.length)
    if (next <= until) return { ok: false, field: 'until', message: `A series may have at most ${MAX_OCCURRENCES} occurrences; choose an earlier end date` }
  }
  return { ok: true, occurrences: out }
}
