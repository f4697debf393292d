import { DateTime } from 'luxon'
import type { KindName } from '../domain/recordKinds'
import { strictDateTime } from '../domain/strictDateTime'
import type { CellDialect } from './csvDialect'

/** A problem finishImportRow found, on the field it concerns. */
export type FinishProblem = { field: string; message: string }

const TITLE_MAX = 100
/** conversation.summary's limit: a longer mention text is cut to it with an ellipsis (the preview says how many). */
export const SUMMARY_MAX = 2000

/** A monitoring tool's sentiment: a word (Positive, neg, mixed…) or a number on a -5..5 / -1..1 scale. */
export function sentimentOf(raw: string): 'positive' | 'neutral' | 'negative' | null {
  const t = raw.trim().toLowerCase()
  if (t === '') return 'neutral'
  const n = Number(t.replace(',', '.'))
  if (Number.isFinite(n)) return n > 0 ? 'positive' : n < 0 ? 'negative' : 'neutral'
  if (/^(pos|positive|good|favou?rable)/.test(t)) return 'positive'
  if (/^(neg|negative|bad|unfavou?rable)/.test(t)) return 'negative'
  if (/^(neu|neutral|mixed|none|unknown|unclassified|not rated|n\/a)/.test(t)) return 'neutral'
  return null
}

/** A monitoring row's fields: text cut to the summary's limit, sentiment read, a question unless said otherwise. */
function finishConversation(values: Record<string, unknown>, problems: FinishProblem[]): void {
  const text = values._summary
  delete values._summary
  if (typeof text === 'string' && text.trim() !== '' && (values.summary === undefined || values.summary === '')) {
    const t = text.trim()
    values.summary = t.length > SUMMARY_MAX ? `${t.slice(0, SUMMARY_MAX - 1).trimEnd()}…` : t
  }
  const raw = values._sentiment
  delete values._sentiment
  if (typeof raw === 'string') {
    const s = sentimentOf(raw)
    if (s === null) problems.push({ field: '_sentiment', message: `"${raw}" is not a sentiment; use positive, neutral, negative or a number (-5 to 5)` })
    else values.sentiment = s
  }
  values.type ??= 'question'
}

/** The first line of a post, cut at a word before 100 characters: a title for a scheduler row that has only the text. */
function titleFrom(text: string): string {
  const line = text.trim().split(/\r?\n/)[0]?.trim() ?? ''
  if (line.length <= TITLE_MAX) return line
  const cut = line.slice(0, TITLE_MAX - 1)
  const at = cut.lastIndexOf(' ')
  return `${(at > 40 ? cut.slice(0, at) : cut).trimEnd()}…`
}

/**
 * Fold a row's virtual columns into real fields and fill what a scheduler sheet implies:
 * - an influencer's Email/Twitter/LinkedIn columns become entries of `handles`;
 * - a content item's separate time-of-day column joins its planned date into a publish time;
 * - a publish time without a zone column was read in the workspace's zone (`dialect.zone`), which
 *   becomes its zone; without a planned date it plans the item on that local day;
 * - a row with the post's text but no title takes its first line as the title (the text stays whole
 *   in the brief).
 */
export function finishImportRow(kind: KindName, values: Record<string, unknown>, dialect: CellDialect): FinishProblem[] {
  const problems: FinishProblem[] = []
  const handles: Record<string, string> = {}
  for (const key of Object.keys(values)) {
    if (!key.startsWith('handles.')) continue
    const v = values[key]
    delete values[key]
    if (typeof v === 'string' && v.trim() !== '') handles[key.slice(8)] = v.trim()
  }
  if (Object.keys(handles).length > 0) {
    const before = values.handles
    values.handles = { ...(before !== null && typeof before === 'object' ? before : {}), ...handles }
  }
  if (kind === 'conversation') finishConversation(values, problems)
  if (kind !== 'content') return problems
  const time = values._time
  delete values._time
  if (typeof time === 'string' && time.trim() !== '') {
    const date = values.plannedDate
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(time.trim())
    if (typeof date !== 'string') problems.push({ field: '_time', message: 'A time of day needs the date in its own column' })
    else if (!m) problems.push({ field: '_time', message: 'Use a time like 09:30' })
    else {
      let hour = Number(m[1])
      if (m[4] !== undefined) hour = (hour % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0)
      const r = strictDateTime.zonedToInstant(date, `${String(hour).padStart(2, '0')}:${m[2]}${m[3] !== undefined ? `:${m[3]}` : ''}`, dialect.zone)
      if (r.ok) values.publishAt = r.instant
      else problems.push({ field: '_time', message: r.message })
    }
  }
  if (typeof values.publishAt === 'string') {
    if (values.publishZone === undefined || values.publishZone === null) values.publishZone = dialect.zone
    if (values.plannedDate === undefined || values.plannedDate === null) {
      const local = DateTime.fromISO(values.publishAt, { zone: String(values.publishZone) })
      if (local.isValid) values.plannedDate = local.toFormat('yyyy-MM-dd')
    }
  }
  if ((values.title === undefined || values.title === '') && typeof values.brief === 'string' && values.brief.trim() !== '') values.title = titleFrom(values.brief)
  return problems
}
