import { DateTime } from 'luxon'
import type { FieldIssue } from '../../../core/domain/recordKind'
import { strictDateTime, type ZonedParsed } from '../../../core/domain/strictDateTime'
import type { FieldSpec } from './fieldSpec'

/** What an input holds while the user types: text (or a checkbox state), never a half-parsed value. */
export type Draft = Record<string, string | boolean>

export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** The draft key of a datetime field's time of day; the date part lives under the field's own name. */
export const timeKey = (name: string): string => `${name}:time`

/** An instant as the date and time of day it shows in the given zone (`HH:mm`, seconds only when set). */
export function instantToLocal(instant: string, zone: string): { date: string; time: string } {
  const d = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone)
  return d.isValid ? { date: d.toFormat('yyyy-MM-dd'), time: d.toFormat(d.second === 0 ? 'HH:mm' : 'HH:mm:ss') } : { date: '', time: '' }
}

/** A date and time of day read in the given zone, as the UTC instant the backend stores; refused like the backend would. */
export function localToInstant(date: string, time: string, zone: string): ZonedParsed {
  return strictDateTime.zonedToInstant(date.trim(), time.trim(), zone)
}

/** The zone a datetime field is read in: the record's zone field when it has one, else this machine's. */
function zoneOf(f: FieldSpec & { input: 'datetime' }, draft: Draft): string {
  return f.zoneField === undefined ? localZone() : String(draft[f.zoneField] ?? '').trim()
}

/**
 * What the draft itself says is wrong before any schema sees it: a date and time that cannot be
 * read in their zone (31 Feb, 24:30, a time the zone skips), or half of one. These are issues at the
 * field, so a value is never dropped or shifted on its way to the record.
 */
export function draftIssues(fields: readonly FieldSpec[], draft: Draft): FieldIssue[] {
  const out: FieldIssue[] = []
  for (const f of fields) {
    if (f.input !== 'datetime') continue
    const date = String(draft[f.name] ?? '').trim()
    const time = String(draft[timeKey(f.name)] ?? '').trim()
    if (date === '' && time === '') continue
    if (date === '') out.push({ path: [f.name], message: `Give the date for ${time}` })
    else if (time === '') out.push({ path: [f.name], message: 'Give a time of day too, like 09:30' })
    else {
      const zone = zoneOf(f, draft)
      const r = localToInstant(date, time, zone)
      if (!r.ok) out.push({ path: [r.field === 'zone' && f.zoneField !== undefined ? f.zoneField : f.name], message: r.message })
    }
  }
  return out
}

/** "12,000" and "1,234.5" use commas as thousands separators; a lone "3,5" is a decimal comma. */
export function parseNumber(s: string): number {
  const t = s.replace(/[\s_]/g, '')
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''))
  if (/^-?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'))
  return t === '' ? Number.NaN : Number(t)
}

export function toDraft(fields: readonly FieldSpec[], rec: Record<string, unknown>): Draft {
  const draft: Draft = {}
  for (const f of fields) {
    const v = rec[f.name]
    switch (f.input) {
      case 'checkbox':
        draft[f.name] = v === true
        break
      case 'number':
        draft[f.name] = typeof v === 'number' ? String(v) : ''
        break
      case 'tags':
      case 'choices':
      case 'refChoices':
        draft[f.name] = Array.isArray(v) ? v.join(', ') : ''
        break
      case 'rows': {
        const list = f.asRecord
          ? Object.entries(v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {}).map(([k, x]) => ({ [f.asRecord!.key]: k, [f.asRecord!.value]: String(x ?? '') }))
          : (Array.isArray(v) ? (v as Record<string, unknown>[]) : []).map((r) => Object.fromEntries(f.columns.map((c) => [c.key, r[c.key] === null || r[c.key] === undefined ? '' : String(r[c.key])])))
        draft[f.name] = JSON.stringify(list)
        break
      }
      case 'links': {
        // Kept as JSON text in the draft so rows can be edited as strings (a half-typed "0,") before parsing.
        const rows = Array.isArray(v) ? (v as Record<string, unknown>[]) : []
        draft[f.name] = JSON.stringify(rows.map((r) => ({ id: String(r[f.idKey] ?? ''), value: typeof r[f.valueKey] === 'number' ? String(r[f.valueKey]) : '' })))
        break
      }
      case 'datetime': {
        const zoneValue = f.zoneField === undefined ? null : rec[f.zoneField]
        const zone = typeof zoneValue === 'string' && zoneValue !== '' ? zoneValue : localZone()
        const local = typeof v === 'string' ? instantToLocal(v, zone) : { date: '', time: '' }
        draft[f.name] = local.date
        draft[timeKey(f.name)] = local.time
        if (f.zoneField !== undefined) draft[f.zoneField] = typeof zoneValue === 'string' ? zoneValue : ''
        break
      }
      default:
        draft[f.name] = typeof v === 'string' ? v : ''
    }
  }
  return draft
}

/**
 * Turns the draft into the values the schema checks. Empty inputs become null where the field allows
 * null, so "no date" and "no owner" are real nulls; an unreadable number stays NaN so zod reports
 * "Must be a number" at that field rather than the form silently dropping it.
 */
export function fromDraft(fields: readonly FieldSpec[], draft: Draft, nullable: (name: string) => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const emptyAs = (name: string): null | '' => (nullable(name) ? null : '')
  for (const f of fields) {
    const v = draft[f.name]
    const s = typeof v === 'string' ? v.trim() : ''
    switch (f.input) {
      case 'checkbox':
        out[f.name] = v === true
        break
      case 'number':
        out[f.name] = s === '' ? (nullable(f.name) ? null : Number.NaN) : parseNumber(s)
        break
      case 'tags':
      case 'choices':
      case 'refChoices':
        out[f.name] = s === '' ? [] : s.split(',').map((t) => t.trim()).filter((t) => t !== '')
        break
      case 'rows': {
        // Rows left completely blank are dropped; a half-filled one goes to the schema, which says what is missing.
        const rows = tableRows(v).filter((r) => f.columns.some((c) => (r[c.key] ?? '').trim() !== ''))
        out[f.name] = f.asRecord
          ? Object.fromEntries(rows.map((r) => [(r[f.asRecord!.key] ?? '').trim(), (r[f.asRecord!.value] ?? '').trim()]))
          : rows.map((r) => Object.fromEntries(f.columns.map((c) => [c.key, (r[c.key] ?? '').trim()])))
        break
      }
      case 'links':
        out[f.name] = linkRows(v).map((r) => ({ [f.idKey]: r.id, [f.valueKey]: r.value.trim() === '' ? Number.NaN : parseNumber(r.value) }))
        break
      case 'datetime': {
        const zoneDraft = f.zoneField === undefined ? '' : String(draft[f.zoneField] ?? '').trim()
        if (f.zoneField !== undefined) out[f.zoneField] = zoneDraft === '' ? emptyAs(f.zoneField) : zoneDraft
        const time = String(draft[timeKey(f.name)] ?? '').trim()
        const r = s === '' && time === '' ? null : localToInstant(s, time, zoneOf(f, draft))
        // An unreadable date or time is kept as typed, so the record is refused; draftIssues says why at the field.
        out[f.name] = r === null ? emptyAs(f.name) : r.ok ? r.instant : `${s}T${time}`
        break
      }
      case 'text':
      case 'textarea':
        out[f.name] = typeof v === 'string' ? v : ''
        break
      default:
        out[f.name] = s === '' ? emptyAs(f.name) : s
    }
  }
  return out
}

/** Only what the user changed, so an update never overwrites a concurrent edit of another field. */
export function changedFields(values: Record<string, unknown>, original: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) if (JSON.stringify(v) !== JSON.stringify(original[k])) out[k] = v
  return out
}

export type LinkRow = { id: string; value: string }

/** The rows of a 'links' draft value (JSON text), tolerant of anything unreadable. */
export function linkRows(v: string | boolean | undefined): LinkRow[] {
  if (typeof v !== 'string' || v === '') return []
  try {
    const parsed: unknown = JSON.parse(v)
    return Array.isArray(parsed) ? parsed.map((r: { id?: unknown; value?: unknown }) => ({ id: String(r.id ?? ''), value: String(r.value ?? '') })) : []
  } catch {
    return []
  }
}

/** The rows of a 'rows' draft value (JSON text), tolerant of anything unreadable. */
export function tableRows(v: string | boolean | undefined): Record<string, string>[] {
  if (typeof v !== 'string' || v === '') return []
  try {
    const parsed: unknown = JSON.parse(v)
    return Array.isArray(parsed) ? parsed.map((r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, x]) => [k, String(x ?? '')]))) : []
  } catch {
    return []
  }
}
