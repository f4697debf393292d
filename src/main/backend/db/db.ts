import type Database from 'better-sqlite3'
import type { Sql, SqlValue } from './sql'

export type Row = Record<string, SqlValue>

/**
 * Thin helpers over better-sqlite3 that only take `Sql` from the tagged template. Prepared
 * statements are cached by text, since the screens run the same few queries over and over.
 */
export type Db = {
  raw: Database.Database
  all: <T = Row>(q: Sql) => T[]
  get: <T = Row>(q: Sql) => T | undefined
  run: (q: Sql) => Database.RunResult
  tx: <T>(fn: () => T) => T
}

export function wrapDb(raw: Database.Database): Db {
  const cache = new Map<string, Database.Statement>()
  const prep = (text: string): Database.Statement => {
    let st = cache.get(text)
    if (!st) {
      st = raw.prepare(text)
      if (cache.size > 500) cache.clear()
      cache.set(text, st)
    }
    return st
  }
  return {
    raw,
    all: <T>(q: Sql) => prep(q.text).all(...q.values) as T[],
    get: <T>(q: Sql) => prep(q.text).get(...q.values) as T | undefined,
    run: (q: Sql) => prep(q.text).run(...q.values),
    tx: <T>(fn: () => T): T => raw.transaction(fn)()
  }
}
