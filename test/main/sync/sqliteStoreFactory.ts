/**
 * SqliteSyncStore instances for the model and mutant suites: each device gets its own real SQLite
 * database (in memory, deserialised from one migrated template so a run does not pay for migrations).
 */
import Database from 'better-sqlite3'
import { fieldValue } from '../../../src/core/sync/replicaDigest'
import type { SchemaCatalog } from '../../../src/core/sync/memorySyncStore'
import { DELETED_COLUMN } from '../../../src/core/sync/op'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import { SqliteSyncStore } from '../../../src/main/backend/sync/sqliteSyncStore'
import type { ModelStore } from './syncModel'
import { COLS, TABLE } from './syncModel'

let template: Buffer | null = null

export function migratedDb(): Database.Database {
  if (!template) {
    const db = new Database(':memory:')
    for (const m of migrations) db.transaction(() => m.up(db))()
    template = db.serialize()
    db.close()
  }
  return new Database(template)
}

export type SqliteModelStore = SqliteSyncStore & ModelStore & { db: Database.Database }

export function makeSqliteStore(dev: string, schema: SchemaCatalog, Store: typeof SqliteSyncStore = SqliteSyncStore): ModelStore {
  const db = migratedDb()
  const store = new Store(db, dev, { schema, now: () => 0 })
  return Object.assign(store, { close: () => db.close(), db })
}

/** The app table shows exactly the displayed winner of every field (materialisation is part of I1). */
export function checkRows(store: ModelStore): void {
  const db = (store as { db?: Database.Database }).db
  if (!db) return
  const rows = db.prepare(`SELECT id, ${COLS.map((c) => `"${c}"`).join(', ')}, deleted_at FROM "${TABLE}"`).all() as Record<string, string | null>[]
  for (const row of rows) {
    const id = String(row.id)
    for (const col of COLS) {
      const want = fieldValue(store, { tbl: TABLE, row: id, col })
      if (want !== undefined && row[col] !== want) throw new Error(`rows: ${TABLE}.${col} of ${id} is ${String(row[col])}, winner ${String(want)}`)
    }
    const del = fieldValue(store, { tbl: TABLE, row: id, col: DELETED_COLUMN })
    if (del !== undefined && (row.deleted_at !== null) !== (del === true)) throw new Error(`rows: ${id} deleted_at ${String(row.deleted_at)} but _deleted winner ${String(del)}`)
  }
}
