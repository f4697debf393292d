import type Database from 'better-sqlite3'

/** One schema step. `up` runs inside a transaction; the runner sets `PRAGMA user_version = version`. */
export type Migration = { version: number; name: string; up: (db: Database.Database) => void }

export function migration(m: Migration): Migration {
  return m
}
