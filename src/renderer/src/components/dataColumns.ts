import type { ReactNode } from 'react'
import { format } from './format'

/** How a column's value is compared, filtered and aligned. */
export type ColumnKind = 'text' | 'number' | 'enum' | 'bool' | 'date'

export type CellValue = string | number | boolean | undefined

/**
 * One column of a DataTable, independent of TanStack's column types so screens stay short.
 * `value` is what sorting and filtering see; `text` is what the cell, the global search and the
 * per-column "contains" filter see; `render` may decorate it (badges…).
 */
export type DataColumn<Row> = {
  id: string
  header: string
  kind: ColumnKind
  value: (row: Row) => CellValue
  text: (row: Row) => string
  render?: (row: Row) => ReactNode
  /** Enum order (for sorting by meaning, not alphabet) and the filter's choices. */
  options?: readonly string[]
  width?: number
  /** Hidden until the user turns it on in the column menu. */
  hidden?: boolean
}

type Opts<Row> = { width?: number; hidden?: boolean; render?: (row: Row) => ReactNode }
type Nullable<T> = T | null | undefined

const orUndef = <T>(v: Nullable<T>): T | undefined => (v === null ? undefined : v)

/** Builders for the usual columns: each carries its formatting so screens only say what to show. */
export const col = {
  text<Row>(id: string, header: string, get: (r: Row) => Nullable<string>, o: Opts<Row> = {}): DataColumn<Row> {
    return { id, header, kind: 'text', value: (r) => orUndef(get(r)) || undefined, text: (r) => get(r) ?? '', width: o.width ?? 200, ...o }
  },
  number<Row>(id: string, header: string, get: (r: Row) => Nullable<number>, o: Opts<Row> & { digits?: number } = {}): DataColumn<Row> {
    return { id, header, kind: 'number', value: (r) => orUndef(get(r)), text: (r) => format.number(get(r), o.digits), width: o.width ?? 110, ...o }
  },
  /** An amount in the team's currency (format.currency); sorted and filtered as a number. */
  money<Row>(id: string, header: string, get: (r: Row) => Nullable<number>, currency: string | null | undefined, o: Opts<Row> = {}): DataColumn<Row> {
    return { id, header, kind: 'number', value: (r) => orUndef(get(r)), text: (r) => format.currency(get(r), currency), width: o.width ?? 120, ...o }
  },
  percent<Row>(id: string, header: string, get: (r: Row) => Nullable<number>, o: Opts<Row> = {}): DataColumn<Row> {
    return { id, header, kind: 'number', value: (r) => orUndef(get(r)), text: (r) => format.percent(get(r)), width: o.width ?? 100, ...o }
  },
  date<Row>(id: string, header: string, get: (r: Row) => Nullable<string>, o: Opts<Row> = {}): DataColumn<Row> {
    return { id, header, kind: 'date', value: (r) => orUndef(get(r)) || undefined, text: (r) => format.date(get(r)), width: o.width ?? 120, ...o }
  },
  datetime<Row>(id: string, header: string, get: (r: Row) => Nullable<string>, o: Opts<Row> = {}): DataColumn<Row> {
    return { id, header, kind: 'date', value: (r) => orUndef(get(r)) || undefined, text: (r) => format.datetime(get(r)), width: o.width ?? 190, ...o }
  },
  enum<Row>(id: string, header: string, get: (r: Row) => Nullable<string>, options: readonly string[], o: Opts<Row> = {}): DataColumn<Row> {
    return { id, header, kind: 'enum', options, value: (r) => orUndef(get(r)), text: (r) => format.enumLabel(get(r)), width: o.width ?? 130, ...o }
  },
  bool<Row>(id: string, header: string, get: (r: Row) => Nullable<boolean>, o: Opts<Row> = {}): DataColumn<Row> {
    return { id, header, kind: 'bool', value: (r) => orUndef(get(r)), text: (r) => format.bool(get(r)), width: o.width ?? 90, ...o }
  },
  /** A reference shown (and sorted, and searched) by the referenced record's name. */
  ref<Row>(id: string, header: string, get: (r: Row) => Nullable<string>, names: ReadonlyMap<string, string>, o: Opts<Row> = {}): DataColumn<Row> {
    const name = (r: Row): string => {
      const refId = get(r)
      return refId === null || refId === undefined ? '' : (names.get(refId) ?? 'Unknown record')
    }
    return { id, header, kind: 'text', value: (r) => name(r) || undefined, text: name, width: o.width ?? 160, ...o }
  },
  list<Row>(id: string, header: string, get: (r: Row) => Nullable<readonly string[]>, o: Opts<Row> = {}): DataColumn<Row> {
    return { id, header, kind: 'text', value: (r) => format.list(get(r)) || undefined, text: (r) => format.list(get(r)), width: o.width ?? 180, ...o }
  }
}
