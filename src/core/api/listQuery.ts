import { z } from 'zod'

/** One condition of a `<kind>-list` query. Field names are checked against the kind by the backend. */
export const whereClause = z.object({
  field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'Field names are letters and digits'),
  op: z.enum(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains', 'isNull', 'notNull']),
  value: z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()])).max(1000)]).optional()
})

export const listQuery = z.object({
  where: z.array(whereClause).max(20).optional(),
  /** Free-text search over the kind's searchable text fields. */
  q: z.string().max(200).optional(),
  sort: z
    .array(z.object({ field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), dir: z.enum(['asc', 'desc']) }))
    .max(5)
    .optional(),
  limit: z.number().int().min(1).max(50_000).optional(),
  offset: z.number().int().min(0).optional(),
  includeDeleted: z.boolean().optional()
})

export type WhereClause = z.infer<typeof whereClause>
export type ListQuery = z.infer<typeof listQuery>
