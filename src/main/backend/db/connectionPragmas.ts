import type Database from 'better-sqlite3'

/**
 * The settings every connection to a workspace file runs with, the app's own and an import's writer
 * thread alike (services/importWriter.ts): the durability and waiting rules belong to the file, not
 * to whichever connection happens to write.
 */
export function connectionPragmas(raw: Database.Database, readonly: boolean): void {
  if (!readonly) {
    raw.pragma('journal_mode = WAL')
    // FULL: a commit is on disk before the UI says "saved" (SYNC.md §2.4).
    raw.pragma('synchronous = FULL')
  }
  raw.pragma('foreign_keys = ON')
  raw.pragma('busy_timeout = 5000')
  // A 64 MB page cache (SQLite's default is 2 MB): a 100k-row workspace is ~75 MB, and the desk's
  // dashboard and the inbox read whole tables; with the default every scan went back to the OS.
  raw.pragma('cache_size = -65536')
}
