import { z } from 'zod'

/** A field-level problem, shaped like the API's `issues[]` so forms can show it at the field. */
export type FieldIssue = { path: (string | number)[]; message: string }

export const systemFields = {
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable()
}

/**
 * Everything the backend, contract and UI need to know about one record kind. The zod object is the
 * single source: SQLite columns are derived from it (camelCase → snake_case), the contract builds its
 * create/update/list schemas from it, and forms validate with it.
 */
export type RecordKind<K extends string, F extends z.ZodRawShape> = {
  kind: K
  table: string
  label: string
  plural: string
  /** The plural in a count where the heading's word differs: "2,021 content items" beside the heading "Content". */
  countPlural?: string
  fields: z.ZodObject<F>
  /** Values for fields the create input may leave out. */
  defaults: Partial<z.infer<z.ZodObject<F>>>
  /** Fields a create input must carry. */
  required: readonly (keyof F & string)[]
  /** Reference fields (single id or array of ids) and the kind they point to. */
  refs: Partial<Record<keyof F & string, string>>
  /** Text fields the list `q` parameter searches. */
  search: readonly (keyof F & string)[]
  /** Field whose value names the record in messages and pickers. */
  title: keyof F & string
  /** Rules across fields of one record (end after start…). */
  check?: (rec: z.infer<z.ZodObject<F>>) => FieldIssue[]
}

/** A kind's noun after a number: its `countPlural`, else its plural in lower case ("13 channels"). */
export function countNoun(rk: { plural: string; countPlural?: string }): string {
  return rk.countPlural ?? rk.plural.toLowerCase()
}

export function recordKind<K extends string, F extends z.ZodRawShape>(def: RecordKind<K, F>): RecordKind<K, F> {
  return def
}
