import type { Db } from './db'
import { sql } from './sql'

/** Creations of one table in one transaction from which rebuilding its indexes beats updating them row by row. */
export const BULK_ROWS = 10_000

/**
 * Drops the secondary indexes of `tables` and returns the step that builds them again. Call both
 * inside one transaction: a failure anywhere then rolls the drop back with everything else, and no
 * reader ever sees a table without its indexes. An import of 100k rows otherwise updates a content
 * table's ten indexes 100k times each; CREATE INDEX over the finished table sorts once.
 */
export function dropIndexes(db: Db, tables: readonly string[]): () => void {
  if (tables.length === 0) return () => {}
  // Only indexes the schema declares (sql IS NOT NULL): primary keys and UNIQUE constraints stay.
  const indexes = tables.flatMap((t) => db.all<{ name: string; sql: string }>(sql`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ${t} AND sql IS NOT NULL`))
  // DDL takes no bound parameters; the names and statements come from our own schema, never from input.
  for (const i of indexes) db.raw.exec(`DROP INDEX ${sql.id(i.name).text}`)
  return () => {
    for (const i of indexes) db.raw.exec(i.sql)
  }
}
