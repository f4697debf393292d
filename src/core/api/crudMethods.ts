import { z } from 'zod'
import { systemFields, type RecordKind } from '../domain/recordKind'
import { editBase } from './editBase'
import { kindMethod, type Kebab } from './kindMethod'
import { listQuery } from './listQuery'

type Entry<I extends z.ZodType, O extends z.ZodType> = { input: I; output: O; summary: string }

type RecordSchema<F extends z.ZodRawShape> = z.ZodObject<F & typeof systemFields>
type CreateSchema<F extends z.ZodRawShape> = z.ZodObject<{ [P in keyof F]: z.ZodOptional<F[P]> } & { creationId: z.ZodOptional<typeof creationId> }>
type UpdateSchema<F extends z.ZodRawShape> = z.ZodObject<{ [P in keyof F]: z.ZodOptional<F[P]> } & { id: z.ZodString; base: z.ZodOptional<typeof editBase> }>
const idInput = z.object({ id: z.string().min(1, 'Required') })

/**
 * A create gesture's own id, made by the client once per gesture (opening a "new" form, say) and
 * sent with every try of that create: the backend writes one record per creation id however often
 * the request arrives (double click, Enter twice, a retry on a slow network).
 */
export const creationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'A creation id is 8 to 64 letters, digits, - or _')

export type CrudMethods<K extends string, F extends z.ZodRawShape> = {
  [P in `${Kebab<K>}-list`]: Entry<typeof listQuery, z.ZodObject<{ items: z.ZodArray<RecordSchema<F>>; total: z.ZodNumber }>>
} & { [P in `${Kebab<K>}-get`]: Entry<typeof idInput, RecordSchema<F>> } & {
  [P in `${Kebab<K>}-create`]: Entry<CreateSchema<F>, RecordSchema<F>>
} & { [P in `${Kebab<K>}-update`]: Entry<UpdateSchema<F>, RecordSchema<F>> } & {
  [P in `${Kebab<K>}-delete`]: Entry<typeof idInput, z.ZodObject<{ id: z.ZodString }>>
}

/**
 * The five methods every record kind has. The create input is the kind's fields with every key
 * optional at the transport edge; the backend fills defaults, then checks required keys and the
 * full schema, so a missing field and a bad one produce the same field-level issue shape.
 */
export function crudMethods<K extends string, F extends z.ZodRawShape>(rk: RecordKind<K, F>): CrudMethods<K, F> {
  const record = rk.fields.extend(systemFields)
  const create = rk.fields.partial().extend({ creationId: creationId.optional() })
  // `base` is the version the edit was made against (optimistic concurrency, editBase.ts); optional,
  // so the CLI and older callers keep last-writer-wins.
  const update = rk.fields.partial().extend({ id: z.string().min(1, 'Required'), base: editBase.optional() })
  const entries = {
    [kindMethod(rk.kind, 'list')]: {
      input: listQuery,
      output: z.object({ items: z.array(record), total: z.number() }),
      summary: `List ${rk.plural.toLowerCase()} (filter, sort, page)`
    },
    [kindMethod(rk.kind, 'get')]: { input: idInput, output: record, summary: `Get one ${rk.label.toLowerCase()} by id` },
    [kindMethod(rk.kind, 'create')]: { input: create, output: record, summary: `Create a ${rk.label.toLowerCase()}` },
    [kindMethod(rk.kind, 'update')]: { input: update, output: record, summary: `Change fields of a ${rk.label.toLowerCase()}` },
    [kindMethod(rk.kind, 'delete')]: {
      input: idInput,
      output: z.object({ id: z.string() }),
      summary: `Delete a ${rk.label.toLowerCase()} (tombstone)`
    }
  }
  // The computed keys lose their literal types; the shape is exactly CrudMethods<K, F> by construction.
  return entries as unknown as CrudMethods<K, F>
}
