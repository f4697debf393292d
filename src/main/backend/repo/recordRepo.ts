import { ApiError } from '../../../core/api/apiError'
import type { ListQuery, WhereClause } from '../../../core/api/listQuery'
import type { KindName } from '../../../core/domain/recordKinds'
import { recordKinds } from '../../../core/domain/recordKinds'
import type { Db, Row } from '../db/db'
import { sql, type Sql } from '../db/sql'
import { encodeValue, recordCodec, type ColumnCodec } from './recordCodec'

const systemColumns: Record<string, ColumnCodec> = {
  id: { field: 'id', column: 'id', type: 'text' },
  createdAt: { field: 'createdAt', column: 'created_at', type: 'text' },
  updatedAt: { field: 'updatedAt', column: 'updated_at', type: 'text' },
  deletedAt: { field: 'deletedAt', column: 'deleted_at', type: 'text' }
}

function column(kind: KindName, field: string, at: (string | number)[]): ColumnCodec {
  const c = recordCodec(kind).byField.get(field) ?? systemColumns[field]
  if (!c) throw new ApiError('invalid_input', `Unknown field "${field}" for ${kind}`, [{ path: at, message: `Unknown field "${field}"` }])
  return c
}

function likePattern(v: string): string {
  return `%${v.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
}

function condition(kind: KindName, w: WhereClause, i: number): Sql {
  const c = column(kind, w.field, ['where', i, 'field'])
  const col = sql.id(c.column)
  const v = w.value
  const scalar = (x: unknown) => encodeValue(c, x)
  switch (w.op) {
    case 'isNull':
      return sql`${col} IS NULL`
    case 'notNull':
      return sql`${col} IS NOT NULL`
    case 'contains':
      return sql`${col} LIKE ${likePattern(String(v ?? ''))} ESCAPE '\\'`
    case 'in': {
      const list = Array.isArray(v) ? v : [v]
      if (list.length === 0) return sql`0`
      return sql`${col} IN (${sql.join(list.map((x) => sql`${scalar(x)}`))})`
    }
    default: {
      if (Array.isArray(v)) throw new ApiError('invalid_input', 'A list value needs the "in" operator', [{ path: ['where', i, 'value'], message: 'Use op "in" for a list' }])
      if (v === null || v === undefined) return w.op === 'ne' ? sql`${col} IS NOT NULL` : sql`${col} IS NULL`
      const ops: Record<string, Sql> = {
        eq: sql`${col} = ${scalar(v)}`,
        ne: sql`(${col} IS NULL OR ${col} <> ${scalar(v)})`,
        lt: sql`${col} < ${scalar(v)}`,
        lte: sql`${col} <= ${scalar(v)}`,
        gt: sql`${col} > ${scalar(v)}`,
        gte: sql`${col} >= ${scalar(v)}`
      }
      return ops[w.op] ?? sql`1`
    }
  }
}

function whereSql(kind: KindName, q: ListQuery): Sql {
  const parts: Sql[] = []
  if (!q.includeDeleted) parts.push(sql`deleted_at IS NULL`)
  q.where?.forEach((w, i) => parts.push(condition(kind, w, i)))
  const text = q.q?.trim()
  if (text) {
    const pattern = likePattern(text)
    const cols = recordKinds[kind].search.map((f) => sql`${sql.id(recordCodec(kind).byField.get(f)?.column ?? 'id')} LIKE ${pattern} ESCAPE '\\'`)
    parts.push(sql`(${sql.join(cols, ' OR ')})`)
  }
  return parts.length ? sql`WHERE ${sql.join(parts, ' AND ')}` : sql``
}

/** Read side of every record kind: one row by id, and filtered, sorted, paged lists. */
export const recordRepo = {
  get(db: Db, kind: KindName, id: string): Record<string, unknown> | null {
    const codec = recordCodec(kind)
    const row = db.get<Row>(sql`SELECT * FROM ${sql.id(codec.table)} WHERE id = ${id}`)
    return row ? codec.fromRow(row) : null
  },

  exists(db: Db, kind: KindName, id: string): boolean {
    const codec = recordCodec(kind)
    return db.get(sql`SELECT 1 AS x FROM ${sql.id(codec.table)} WHERE id = ${id} AND deleted_at IS NULL`) !== undefined
  },

  list(db: Db, kind: KindName, q: ListQuery): { items: Record<string, unknown>[]; total: number } {
    const codec = recordCodec(kind)
    const table = sql.id(codec.table)
    const where = whereSql(kind, q)
    const order = (q.sort ?? []).map((s, i) => sql`${sql.id(column(kind, s.field, ['sort', i, 'field']).column)} ${sql.raw(s.dir === 'desc' ? 'DESC' : 'ASC')}`)
    order.push(sql`id ASC`)
    const limit = q.limit ?? 1000
    const offset = q.offset ?? 0
    const rows = db.all<Row>(sql`SELECT * FROM ${table} ${where} ORDER BY ${sql.join(order)} LIMIT ${limit} OFFSET ${offset}`)
    const total =
      offset === 0 && rows.length < limit
        ? rows.length
        : (db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${table} ${where}`)?.n ?? 0)
    return { items: rows.map(codec.fromRow), total }
  },

  count(db: Db, kind: KindName): number {
    return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(recordCodec(kind).table)} WHERE deleted_at IS NULL`)?.n ?? 0
  }
}
