import type Database from 'better-sqlite3'

/** Per-machine state that stays when a workspace's records are replaced (see replaceTables). */
const KEEP = new Set(['local_state'])

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Replace every table of the open database with the same table of `sourceFile` (already at this
 * app's schema), in one transaction: all of it or, on any failure, none. The app keeps running on
 * the same connection, so no host has to close and reopen the workspace. `local_state` stays: it is
 * this computer's (device id, its change counters, the sync folder), and keeping the counters means
 * the next change never reuses a number this device already published to the team folder.
 * Foreign keys are checked once, at commit, so the order of the tables does not matter.
 */
export function replaceTables(db: Database.Database, sourceFile: string): void {
  db.prepare('ATTACH DATABASE ? AS restore_src').run(sourceFile)
  try {
    const tables = db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
    const inSource = new Set(db.prepare("SELECT name FROM restore_src.sqlite_schema WHERE type = 'table'").pluck().all() as string[])
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON')
      for (const t of tables) {
        if (KEEP.has(t)) continue
        db.prepare(`DELETE FROM main.${quote(t)}`).run()
        if (!inSource.has(t)) continue
        const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(t) as string[]).filter((c) =>
          (db.prepare(`SELECT name FROM pragma_table_info(?, 'restore_src')`).pluck().all(t) as string[]).includes(c)
        )
        const list = cols.map(quote).join(', ')
        db.prepare(`INSERT INTO main.${quote(t)} (${list}) SELECT ${list} FROM restore_src.${quote(t)}`).run()
      }
    })()
  } finally {
    db.prepare('DETACH DATABASE restore_src').run()
  }
}
