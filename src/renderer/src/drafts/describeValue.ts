import { labelOf } from '../../../core/domain/vocabularies'
import type { FieldSpec, RefOptions } from '../components/fieldSpec'

const EMPTY = '(empty)'

/**
 * A stored value as a person reads it in the conflict prompt: names instead of record ids, labels
 * instead of enum codes, local time for instants.
 */
export function describeValue(spec: FieldSpec | undefined, value: unknown, refOptions: RefOptions): string {
  if (value === null || value === undefined || value === '') return EMPTY
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  const nameOf = (kind: keyof RefOptions, id: unknown): string => refOptions[kind]?.find((o) => o.id === id)?.name ?? 'an item no longer listed'
  if (spec?.input === 'ref') return nameOf(spec.refKind, value)
  if (spec?.input === 'links' && Array.isArray(value)) {
    const rows = value as Record<string, unknown>[]
    return rows.length === 0 ? EMPTY : rows.map((r) => `${nameOf(spec.refKind, r[spec.idKey])}: ${String(r[spec.valueKey] ?? '')}`).join('; ')
  }
  if (spec?.input === 'datetime' && typeof value === 'string') {
    const d = new Date(value)
    return Number.isNaN(d.getTime()) ? value : d.toLocaleString()
  }
  if (spec?.input === 'select' && typeof value === 'string') return labelOf(value)
  if (Array.isArray(value)) return value.length === 0 ? EMPTY : value.map((v) => (typeof v === 'object' && v !== null ? Object.values(v as object).join(' · ') : String(v))).join(', ')
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    return entries.length === 0 ? EMPTY : entries.map(([k, v]) => (v === true ? k : v === false ? `not ${k}` : `${k}: ${String(v)}`)).join(', ')
  }
  return String(value)
}
