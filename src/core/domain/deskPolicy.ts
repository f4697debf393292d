import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a time like 09:00 (00:00 to 24:00)')
export const openingSpan = z.object({ start: clock, end: clock })
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof weekdays)[number]
export const weekdayNames: Record<Weekday, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday'
}
/** Business hours per weekday: up to 4 spans a day (a lunch break splits one), none = closed. */
export const businessWeek = z.object(Object.fromEntries(weekdays.map((d) => [d, z.array(openingSpan).max(4)])) as Record<Weekday, z.ZodArray<typeof openingSpan>>)
export type BusinessWeek = z.infer<typeof businessWeek>

export const holiday = z.object({ date: p.date, name: p.text(120) })
const hours = z.number({ error: 'Must be a number of hours' }).finite('Must be a finite number').gt(0, 'A target must be more than 0 hours').max(2000, 'At most 2000 hours')
/** Response targets for one type × priority, in business hours. */
export const responseTarget = z.object({ type: enums.conversationType, priority: enums.priority, firstResponseHours: hours, resolutionHours: hours })
export type ResponseTarget = z.infer<typeof responseTarget>

/**
 * The listening desk's clock settings, one replicated record like the publishing policy (the newest
 * live one counts): the team's time zone, business hours per weekday, holidays, and the response
 * targets per type and priority. Changing any of them recomputes every due time.
 */
export const deskPolicy = recordKind({
  kind: 'deskPolicy',
  table: 'desk_policy',
  label: 'Desk settings',
  plural: 'Desk settings',
  fields: z.object({
    timeZone: p.zone,
    week: businessWeek,
    holidays: z.array(holiday).max(200),
    targets: z.array(responseTarget).max(60),
    /** A clock with this many business hours or fewer left is "about to breach". */
    warnHours: z.number({ error: 'Must be a number of hours' }).finite().gt(0, 'Must be more than 0 hours').max(100),
    /** Whether a breach moves the conversation up its type's escalation ladder by itself. */
    autoEscalate: z.boolean()
  }),
  defaults: { timeZone: 'Europe/Berlin', holidays: [], targets: [], warnHours: 1, autoEscalate: true },
  required: [],
  refs: {},
  search: ['timeZone'],
  title: 'timeZone',
  check: (d) => {
    const issues: { path: (string | number)[]; message: string }[] = []
    for (const day of weekdays) {
      const spans = d.week[day].toSorted((a, b) => a.start.localeCompare(b.start))
      d.week[day].forEach((s, i) => {
        if (s.end <= s.start)
          issues.push({ path: ['week', day, i, 'end'], message: `Business hours on ${weekdayNames[day]} end (${s.end}) before they start (${s.start})` })
      })
      for (let i = 1; i < spans.length; i++) {
        const a = spans[i - 1]
        const b = spans[i]
        if (a && b && b.start < a.end && a.end > a.start && b.end > b.start)
          issues.push({ path: ['week', day], message: `Business hours on ${weekdayNames[day]} overlap (${a.start}–${a.end} and ${b.start}–${b.end})` })
      }
    }
    const seen = new Set<string>()
    d.targets.forEach((t, i) => {
      const key = `${t.type}/${t.priority}`
      if (seen.has(key)) issues.push({ path: ['targets', i], message: `There are two targets for ${t.type} at ${t.priority} priority` })
      seen.add(key)
      if (t.resolutionHours < t.firstResponseHours)
        issues.push({ path: ['targets', i, 'resolutionHours'], message: 'Resolution cannot be due before the first response' })
    })
    const days = new Set<string>()
    d.holidays.forEach((h, i) => {
      if (days.has(h.date)) issues.push({ path: ['holidays', i, 'date'], message: `${h.date} is listed twice` })
      days.add(h.date)
    })
    return issues
  }
})

export type DeskPolicy = z.infer<typeof deskPolicy.fields>

const nineToFive = [{ start: '09:00', end: '17:00' }]
const typeHours: Record<string, [number, number]> = {
  crisis: [1, 8], complaint: [4, 24], press: [2, 16], lead: [4, 24], question: [8, 40], product_feedback: [16, 80], praise: [16, 80]
}
const priorityFactor = { urgent: 0.25, high: 0.5, normal: 1, low: 2 } as const

/** The settings a desk has before anyone edits them: Monday to Friday 9–17 and targets per type and priority. */
export const defaultDeskPolicy: DeskPolicy = {
  timeZone: 'Europe/Berlin',
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
  holidays: [],
  targets: enums.conversationType.options.flatMap((type) =>
    enums.priority.options.map((priority) => {
      const [first, resolve] = typeHours[type] ?? [8, 40]
      const f = priorityFactor[priority]
      return { type, priority, firstResponseHours: Math.max(0.5, first * f), resolutionHours: Math.max(1, resolve * f) }
    })
  ),
  warnHours: 1,
  autoEscalate: true
}
