import type Database from 'better-sqlite3'
import { WorkspaceError } from '../workspaceError'
import type { Migration } from './migrations/migration'
import { migrations as shipped } from './migrations/index'

/**
 * Bring the database to the latest schema. A database from a newer app is refused before anything
 * is written. Before the first migration step the file is copied with SQLite's backup API; each step
 * runs in its own transaction together with its `user_version` bump, so a failed step leaves the
 * database at the previous version.
 */
export async function migrate(
  db: Database.Database,
  file: string,
  backupFile: (from: number, to: number) => string,
  migrations: Migration[] = shipped
): Promise<{ from: number; to: number; backup: string | null }> {
  const latestVersion = Math.max(0, ...migrations.map((m) => m.version))
  const from = Number(db.pragma('user_version', { simple: true }))
  if (from > latestVersion) {
    throw new WorkspaceError(
      'newer_schema',
      `${file} was written by a newer SMO Desk (schema ${from}; this app knows up to ${latestVersion}). Update SMO Desk to open it; the file was not changed.`
    )
  }
  if (from === latestVersion) return { from, to: from, backup: null }
  let backup: string | null = null
  if (from > 0) {
    backup = backupFile(from, latestVersion)
    await db.backup(backup)
  }
  for (const m of migrations.filter((x) => x.version > from)) {
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return { from, to: latestVersion, backup }
}
