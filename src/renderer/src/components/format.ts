import { DateTime } from 'luxon'
import { labelOf } from '../../../core/domain/vocabularies'

/** Display formatting shared by tables, forms and charts. One place so a date looks the same everywhere. */
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 })

export const format = {
  number(v: number | null | undefined, digits?: number): string {
    if (v === null || v === undefined || !Number.isFinite(v)) return ''
    if (digits !== undefined) return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(v)
    return Number.isInteger(v) ? integer.format(v) : decimal.format(v)
  },
  percent(v: number | null | undefined): string {
    return v === null || v === undefined ? '' : percent.format(v)
  },
  money(v: number | null | undefined): string {
    return v === null || v === undefined ? '' : integer.format(v)
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
