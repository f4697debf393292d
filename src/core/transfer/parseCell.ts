import type { KindName } from '../domain/recordKinds'
import { strictDateTime } from '../domain/strictDateTime'
import type { CellDialect, DateOrder } from './csvDialect'
import { enumSynonyms } from './enumSynonyms'
import type { TransferField } from './transferFields'

/** Finds a referenced record by id or by its title; the backend answers from the database. */
export type RefResolver = (kind: KindName, text: string) => { id: string } | { error: string }

/** `value` undefined means "not given": the default on create, unchanged on update. */
export type CellResult = { value: unknown } | { error: string }

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const pad = (n: number): string => String(n).padStart(2, '0')

/** Exports escape cells that a spreadsheet would run as a formula ('=…); take the guard off again. */
export function unescapeFormula(raw: string): string {
  return /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw
}

/** The dialect of a file nobody described: ISO dates, decimal points, times in UTC. */
export const plainDialect: CellDialect = { decimal: '.', dateOrder: 'ymd', zone: 'UTC' }

/**
 * "12,000", "12 000", "3.5%", "$1,200.50", and with a decimal comma (a European Excel) "1.234,5" and
 * "3,5 %"; a separator that is not where thousands go is refused, not guessed.
 */
export function parseNumber(raw: string, decimal: '.' | ',' = '.'): number | { error: string } {
  // An amount as a table shows it ("€6,500", "CHF 1,200", "1.200 €", "US$250"): the currency is dropped,
  // so a table exported as shown imports back. Numbers never start or end with capital letters.
  let s = raw.trim().replace(/[\s\u00a0\u202f']/g, '').replace(/^(?:[A-Z]{1,3})?[$€£¥₹]?(?=[-+\d.,])/, '').replace(/(?<=[\d.,%])[$€£¥₹]?(?:[A-Z]{3})?$/, '')
  const percent = s.endsWith('%')
  if (percent) s = s.slice(0, -1)
  if (decimal === ',') {
    if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '')
    else if (s.includes('.')) return { error: 'Use a number like 1234,5 (this file writes decimal commas; points only between thousands)' }
    s = s.replace(',', '.')
  } else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '')
  else if (s.includes(',')) return { error: 'Use a number like 1234.5 (commas only between thousands)' }
  const n = Number(s)
  if (s === '' || !Number.isFinite(n)) return { error: 'Must be a number' }
  return percent ? n / 100 : n
}

/**
 * ISO dates, 2026/11/23, "Nov 23, 2026" and "23 Nov 2026"; 11/23/2026 is refused because it reads
 * both ways. A spreadsheet's "2026-11-23 00:00:00" is a date; any other time of day is refused rather
 * than cut off. The date itself must exist: 31 Feb is refused, never rolled into March.
 */
export function parseDate(raw: string, order: DateOrder = 'ymd'): string | { error: string } {
  const s = raw.trim()
  const checked = (y: string, m: number, d: number): string | { error: string } => {
    const r = strictDateTime.parseDate(`${y}-${pad(m)}-${pad(d)}`)
    return r.ok ? r.value : { error: r.message }
  }
  const noTime = (t: string | undefined) => t !== undefined && !/^00:00(:00(\.0+)?)?$/.test(t)
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](.*))?$/.exec(s)
  if (m) {
    if (noTime(m[4])) return { error: `A date takes no time of day; "${m[4]}" would be lost (use a date like 2026-11-23)` }
    return checked(m[1] ?? '', Number(m[2]), Number(m[3]))
  }
  // 23.11.2026 or 11/23/2026: the file's date order says which part is the day (see detectDateOrder).
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?: (.*))?$/.exec(s)
  if (m && order !== 'ymd') {
    if (noTime(m[5])) return { error: `A date takes no time of day; "${m[5]}" would be lost` }
    const [a, b2] = [Number(m[1]), Number(m[3])]
    return order === 'dmy' ? checked(m[4] ?? '', b2, a) : checked(m[4] ?? '', a, b2)
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s)
  const monthOf = (name: string): number => months.indexOf(name.slice(0, 3).toLowerCase()) + 1
  if (m && monthOf(m[1] ?? '') > 0) return checked(m[3] ?? '', monthOf(m[1] ?? ''), Number(m[2]))
  m = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(s)
  if (m && monthOf(m[2] ?? '') > 0) return checked(m[3] ?? '', monthOf(m[2] ?? ''), Number(m[1]))
  return { error: 'Use a date like 2026-11-23' }
}

/**
 * A moment needs its zone: "2026-11-23T09:30:00Z" or "…+01:00"; stored in UTC like every instant.
 * The date and the time of day must exist as written (no 31 Feb, no 24:30), and fractions finer than a
 * millisecond are refused rather than cut off.
 */
export function parseInstant(raw: string, dialect?: CellDialect): string | { error: string } {
  const s = raw.trim().replace(' ', 'T')
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|([+-])(\d{2}):?(\d{2}))$/i.exec(s)
  if (!m) return dialect ? parseLocalTime(raw, dialect) : { error: 'Use a time with its zone, like 2026-11-23T09:30:00Z' }
  const [, date = '', time = '', fraction = '', , sign, oh, om] = m
  const d = strictDateTime.parseDate(date)
  if (!d.ok) return { error: d.message }
  const t = strictDateTime.parseTime(time)
  if (!t.ok) return { error: t.message }
  if (fraction.length > 4) return { error: `Give seconds to at most 3 decimals; "${fraction}" would be cut` }
  if (fraction !== '' && time.length === 5) return { error: 'Use a time like 2026-11-23T09:30:00.5Z (a fraction needs seconds)' }
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om))
  if (Number(oh) > 14 || Number(om) > 59) return { error: `${m[4]} is not a UTC offset (they run from -12:00 to +14:00)` }
  const [y, mo, da] = date.split('-').map(Number)
  const [h, mi, se = 0] = time.split(':').map(Number)
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, da ?? 1, h ?? 0, mi ?? 0, se) + Math.round(Number(`0${fraction}`) * 1000) - offset * 60_000
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/**
 * A wall-clock time without an offset ("2026-12-01 10:00", "01.12.2026 10:00", "12/1/2026 9:30 AM")
 * means the workspace's time zone, the one the preview names. A time the clocks skip is refused.
 */
function parseLocalTime(raw: string, dialect: CellDialect): string | { error: string } {
  const m = /^(.+?)[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(raw.trim())
  if (!m) return { error: `Use a time like 2026-11-23 09:30 (read in ${dialect.zone}) or 2026-11-23T09:30:00Z` }
  const date = parseDate(m[1] ?? '', dialect.dateOrder)
  if (typeof date !== 'string') return date
  let hour = Number(m[2])
  const ampm = m[5]?.toLowerCase()
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return { error: `${m[2]} is not an hour on a 12-hour clock` }
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0)
  }
  const r = strictDateTime.zonedToInstant(date, `${pad(hour)}:${m[3]}${m[4] !== undefined ? `:${m[4]}` : ''}`, dialect.zone)
  return r.ok ? r.instant : { error: r.message }
}

export function parseBool(raw: string): boolean | { error: string } {
  const s = raw.trim().toLowerCase()
  if (['yes', 'y', 'true', '1', 'x', '✓'].includes(s)) return true
  if (['no', 'n', 'false', '0'].includes(s)) return false
  return { error: 'Use yes or no' }
}

const norm = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ')

function parseEnum(field: TransferField, raw: string): CellResult {
  const options = field.options ?? []
  const labels = field.optionLabels ?? options
  const word = norm(raw)
  const i = options.findIndex((o, k) => norm(o) === word || norm(labels[k] ?? '') === word)
  if (i >= 0) return { value: options[i] }
  // Another tool's word for one of the values ("Twitter", "Canceled"); only after no value matched as written.
  const same = options.find((o) => enumSynonyms[o]?.some((w) => norm(w) === word))
  if (same !== undefined) return { value: same }
  return { error: `Unknown value "${raw.trim()}"; use one of ${labels.join(', ')}` }
}

function splitList(raw: string): string[] | { error: string } {
  const s = raw.trim()
  if (s.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(s)
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[]
    } catch {
      // Not JSON after all: read it as a plain comma-separated list below.
    }
  }
  return s.split(/[,;]/).map((x) => x.trim()).filter((x) => x !== '')
}

/**
 * One spreadsheet cell → one field value, by the field's type. Only the shape is parsed here; the
 * record's zod schema and the backend's rules still judge the value, so every limit has one home.
 */
export function parseCell(field: TransferField, rawCell: string, resolve: RefResolver, dialect?: CellDialect): CellResult {
  const raw = unescapeFormula(rawCell)
  if (raw.trim() === '') {
    if (field.nullable) return { value: null }
    if (field.type === 'text') return { value: '' }
    if (field.type === 'tags' || field.type === 'refs') return { value: [] }
    return { value: undefined }
  }
  switch (field.type) {
    case 'id': {
      // A record id is case-blind; another tool's id ("item-000042") is kept exactly as written.
      const t = raw.trim()
      return { value: /^[0-9a-z]{26}$/i.test(t) ? t.toUpperCase() : t }
    }
    case 'text':
      return { value: raw }
    case 'number': {
      const n = parseNumber(raw, dialect?.decimal)
      return typeof n === 'number' ? { value: n } : n
    }
    case 'bool': {
      const v = parseBool(raw)
      return typeof v === 'boolean' ? { value: v } : v
    }
    case 'date': {
      const d = parseDate(raw, dialect?.dateOrder)
      return typeof d === 'string' ? { value: d } : d
    }
    case 'instant': {
      const t = parseInstant(raw, dialect)
      return typeof t === 'string' ? { value: t } : t
    }
    case 'enum':
      return parseEnum(field, raw)
    case 'ref': {
      const r = resolve(field.refKind ?? 'member', raw.trim())
      return 'id' in r ? { value: r.id } : r
    }
    case 'refs': {
      const parts = splitList(raw)
      if (!Array.isArray(parts)) return parts
      const ids: string[] = []
      for (const p of parts) {
        const r = resolve(field.refKind ?? 'member', p)
        if (!('id' in r)) return r
        ids.push(r.id)
      }
      return { value: ids }
    }
    case 'tags': {
      const parts = splitList(raw)
      return Array.isArray(parts) ? { value: parts } : parts
    }
    case 'json':
      try {
        return { value: JSON.parse(raw) as unknown }
      } catch {
        return { error: 'Not valid JSON (this column holds structured data, as exported)' }
      }
  }
}
