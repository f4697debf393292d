import { DateTime } from 'luxon'
import { labelOf } from '../../../core/domain/vocabularies'

/** Display formatting shared by tables, forms and charts. One place so a date looks the same everywhere. */
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 })

const currencyFormats = new Map<string, Intl.NumberFormat>()
function currencyFormat(code: string, digits: number): Intl.NumberFormat {
  const key = `${code}:${digits}`
  let f = currencyFormats.get(key)
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits })
    } catch {
      // A code Intl does not know (the profile accepts any three letters): the number and the code.
      const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits })
      f = { format: (v: number) => `${plain.format(v)} ${code}` } as Intl.NumberFormat
    }
    currencyFormats.set(key, f)
  }
  return f
}

export const format = {
  number(v: number | null | undefined, digits?: number): string {
    if (v === null || v === undefined || !Number.isFinite(v)) return ''
    if (digits !== undefined) return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(v)
    return Number.isInteger(v) ? integer.format(v) : decimal.format(v)
  },
  percent(v: number | null | undefined): string {
    return v === null || v === undefined ? '' : percent.format(v)
  },
  /**
   * An amount in the team's currency, whole units, in the reader's locale ("€32,000", "32.000 €"):
   * budgets, costs and pipeline are read next to each other and must not look like counts.
   * Without a currency (still loading) the bare number.
   */
  currency(v: number | null | undefined, code: string | null | undefined, digits = 0): string {
    if (v === null || v === undefined || !Number.isFinite(v)) return ''
    if (!code) return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(v)
    return currencyFormat(code, digits).format(v)
  },
  /** A calendar date `YYYY-MM-DD`, shown in the reader's locale; it has no time zone on purpose. */
  date(v: string | null | undefined): string {
    if (v === null || v === undefined || v === '') return ''
    const d = DateTime.fromISO(v)
    return d.isValid ? d.toLocaleString(DateTime.DATE_MED) : v
  },
  /** A UTC instant shown in the given zone (default: this machine's). */
  datetime(v: string | null | undefined, zone?: string | null): string {
    if (v === null || v === undefined || v === '') return ''
    const d = DateTime.fromISO(v, { zone: 'utc' }).setZone(zone ?? 'local')
    return d.isValid ? d.toLocaleString(DateTime.DATETIME_MED) : v
  },
  enumLabel(v: string | null | undefined): string {
    return v === null || v === undefined ? '' : labelOf(v)
  },
  bool(v: boolean | null | undefined): string {
    return v === true ? 'Yes' : v === false ? 'No' : ''
  },
  list(v: readonly string[] | null | undefined): string {
    return v === null || v === undefined ? '' : v.join(', ')
  }
}
