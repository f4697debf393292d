import type { z } from 'zod'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import type { Row, } from '../db/db'
import type { SqlValue } from '../db/sql'

export type ColumnCodec = { field: string; column: string; type: 'text' | 'number' | 'bool' | 'json' }
export type KindCodec = {
  kind: KindName
  table: string
  columns: ColumnCodec[]
  byField: Map<string, ColumnCodec>
  byColumn: Map<string, ColumnCodec>
  toRow: (rec: Record<string, unknown>) => Record<string, SqlValue>
  fromRow: (row: Row) => Record<string, unknown>
}

export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

/** Storage type from the zod schema, so the zod object stays the single source of a kind's fields. */
function storageOf(schema: z.ZodType): ColumnCodec['type'] {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType }
  while ((def.type === 'nullable' || def.type === 'optional' || def.type === 'default') && def.innerType) {
    def = def.innerType._zod.def as { type: string; innerType?: z.ZodType }
  }
  switch (def.type) {
    case 'number':
      return 'number'
    case 'boolean':
      return 'bool'
    case 'array':
    case 'record':
    case 'object':
      return 'json'
    default:
      return 'text'
  }
}

function encode(c: ColumnCodec, v: unknown): SqlValue {
  if (v === null || v === undefined) return null
  if (c.type === 'json') return JSON.stringify(v)
  if (c.type === 'bool') return v ? 1 : 0
  if (c.type === 'number') return typeof v === 'number' ? v : Number(v)
  return String(v)
}

function decode(c: ColumnCodec, v: SqlValue | undefined): unknown {
  if (v === null || v === undefined) return null
  if (c.type === 'json') return JSON.parse(String(v)) as unknown
  if (c.type === 'bool') return v === 1 || v === 1n
  if (c.type === 'number') return Number(v)
  return v
}

const cache = new Map<KindName, KindCodec>()

/** The row mapper between SQLite rows (snake_case, JSON text) and domain records (camelCase, values). */
export function recordCodec(kind: KindName): KindCodec {
  const hit = cache.get(kind)
  if (hit) return hit
  const rk = recordKinds[kind]
  const shape = rk.fields.shape as Record<string, z.ZodType>
  const columns: ColumnCodec[] = Object.entries(shape).map(([field, schema]) => ({
    field,
    column: snakeCase(field),
    type: storageOf(schema)
  }))
  const codec: KindCodec = {
    kind,
    table: rk.table,
    columns,
    byField: new Map(columns.map((c) => [c.field, c])),
    byColumn: new Map(columns.map((c) => [c.column, c])),
    toRow: (rec) => Object.fromEntries(columns.map((c) => [c.column, encode(c, rec[c.field])])),
    fromRow: (row) => {
      const out: Record<string, unknown> = { id: row.id }
      for (const c of columns) out[c.field] = decode(c, row[c.column])
      out.createdAt = row.created_at
      out.updatedAt = row.updated_at
      out.deletedAt = row.deleted_at ?? null
      return out
    }
  }
  cache.set(kind, codec)
  return codec
}

export function encodeValue(c: ColumnCodec, v: unknown): SqlValue {
  return encode(c, v)
}
