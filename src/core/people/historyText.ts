import type { HistoryEntry } from '../api/methods/peopleMethods'
import { labelOf } from '../domain/enums'
import { importedFrom } from '../transfer/importLabel'

/** Words for fields whose camelCase name would read oddly ("publishAt" is "the publish time"). */
const FIELD_WORDS: Record<string, string> = {
  plannedDate: 'planned date', dueDate: 'due date', publishAt: 'publish time', publishZone: 'time zone', ownerId: 'owner',
  approverId: 'approver', approvedAt: 'approval time', channelId: 'channel', campaignId: 'campaign', goalId: 'goal',
  assigneeId: 'expert it is assigned to', influencerId: 'influencer', trackingUrl: 'tracking link', effortHours: 'effort',
  weeklyCapacityHours: 'weekly capacity', otherWorkHoursPerWeek: 'other work', access: 'access role', role: 'job title'
}

export function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/([A-Z])/g, ' $1').toLowerCase()
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
const isInstant = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)

export type HistoryTextOptions = {
  locale?: string
  timeZone?: string
  /** Names for ids the change mentions (members, channels…), so "owner" reads as a person. */
  names?: Record<string, string>
}

function dayMonth(d: string, locale: string): { day: string; month: string; full: string } {
  const at = new Date(`${d}T12:00:00Z`)
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', timeZone: 'UTC' }).format(at)
  const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(at)
  const full = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(at)
  return { day, month, full }
}

function value(v: unknown, o: HistoryTextOptions): string {
  const locale = o.locale ?? 'en-GB'
  if (v === null || v === undefined || v === '') return 'nothing'
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  if (isDate(v)) return dayMonth(v, locale).full
  if (isInstant(v)) return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: o.timeZone }).format(new Date(v))
  if (typeof v === 'string') {
    const named = o.names?.[v]
    if (named !== undefined) return named
    const label = labelOf(v)
    if (label !== v) return label
    return v.length > 60 ? `“${v.slice(0, 57)}…”` : `“${v}”`
  }
  if (typeof v === 'number') return new Intl.NumberFormat(locale).format(v)
  return 'a new value'
}

/** "Tue 14:02" within a week, "3 Mar 2026, 14:02" before that, in the reader's zone. */
export function historyWhen(at: string, now: number, o: HistoryTextOptions = {}): string {
  const locale = o.locale ?? 'en-GB'
  const t = Date.parse(at)
  const recent = now - t < 6 * 86_400_000 && t <= now
  const f = recent
    ? new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: o.timeZone })
    : new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: o.timeZone })
  return f.format(new Date(t))
}

/**
 * One history line in words: "Dana moved the publish date from 3 to 5 March". Dates in one month
 * share it ("from 3 to 5 March"); ids read as names; long texts are not quoted whole.
 */
export function historyText(e: Pick<HistoryEntry, 'member' | 'field' | 'from' | 'to'> & { label?: string }, o: HistoryTextOptions = {}): string {
  const who = e.member ?? 'Someone'
  if (e.field === 'created') {
    const file = importedFrom(e.label)
    return file === null ? `${who} created it` : `${who} imported it from ${file}`
  }
  if (e.field === 'deleted') return e.to === true ? `${who} deleted it` : `${who} restored it`
  const what = fieldWords(e.field)
  if (isDate(e.from) && isDate(e.to)) {
    const locale = o.locale ?? 'en-GB'
    const a = dayMonth(e.from, locale)
    const b = dayMonth(e.to, locale)
    const sameMonth = e.from.slice(0, 7) === e.to.slice(0, 7)
    return `${who} moved the ${what} from ${sameMonth ? a.day : a.full} to ${b.full}`
  }
  if (typeof e.to === 'string' && e.to.length > 60) return `${who} edited the ${what}`
  if (e.from === null || e.from === '') return `${who} set the ${what} to ${value(e.to, o)}`
  if (e.to === null || e.to === '') return `${who} cleared the ${what} (was ${value(e.from, o)})`
  if (typeof e.to === 'object') return `${who} changed the ${what}`
  return `${who} changed the ${what} from ${value(e.from, o)} to ${value(e.to, o)}`
}
