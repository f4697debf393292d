import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import type Database from 'better-sqlite3'

/**
 * "This file is exactly as this computer left it at its last clean close": then opening it may skip
 * SQLite's quick check, which reads every page (~140 ms of a cold start on the demo, issue #17).
 *
 * At a clean close a random stamp goes into the database (`local_state.clean_close`), the database is
 * closed (SQLite checkpoints and removes the WAL), and the file's size and modification time go, with
 * the stamp, into a note beside it (`workspace.sqlite.clean`). On open the check is skipped only when
 * the note's size and time still match the file, no WAL is left over, and the stamp inside the file is
 * the note's. Anything else — a crash, a copy over it, a sync tool, damage on disk, a restore — changes
 * the time or leaves no note, and the check runs as before. The note is removed as the file is opened,
 * so it only ever speaks of the close just before.
 *
 * What it cannot see: a change that keeps the file's size and lands within the same tick of the file
 * system's clock as the close (a few milliseconds), or one that deliberately restores the old time.
 */
type Note = { stamp: string; size: number; mtimeMs: number }

const notePath = (db: string) => `${db}.clean`
// Whole milliseconds: a time set back by a copy tool keeps no finer part than that on every system.
const timeOf = (db: string) => Math.trunc(statSync(db).mtimeMs)
const walLeft = (db: string) => existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 0

function readNote(db: string): Note | null {
  try {
    const n = JSON.parse(readFileSync(notePath(db), 'utf8')) as Partial<Note>
    return typeof n.stamp === 'string' && typeof n.size === 'number' && typeof n.mtimeMs === 'number' ? { stamp: n.stamp, size: n.size, mtimeMs: n.mtimeMs } : null
  } catch {
    return null
  }
}

export const cleanClose = {
  /** Close `raw` and leave the note, when the close leaves the file complete on its own (no WAL). */
  close(raw: Database.Database, db: string): void {
    const stamp = randomBytes(12).toString('hex')
    try {
      raw.prepare(`INSERT INTO local_state (key, value) VALUES ('clean_close', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(stamp)
    } catch {
      // Could not write the stamp (a read-only file, a full disk): close without a note.
      raw.close()
      return
    }
    raw.close()
    // Another connection still open (a sync pull) keeps the WAL: the file alone is not the whole truth.
    if (walLeft(db)) return
    try {
      writeFileSync(notePath(db), JSON.stringify({ stamp, size: statSync(db).size, mtimeMs: timeOf(db) } satisfies Note))
    } catch {
      // No note: the next open checks the file, as it would anyway.
    }
  },

  /** Is `db` (opened read-only as `probe`) as it was left at the last clean close? */
  unchangedSince(probe: Database.Database, db: string): boolean {
    const note = readNote(db)
    if (note === null || walLeft(db)) return false
    if (statSync(db).size !== note.size || timeOf(db) !== note.mtimeMs) return false
    try {
      const row = probe.prepare(`SELECT value FROM local_state WHERE key = 'clean_close'`).get() as { value?: unknown } | undefined
      return row?.value === note.stamp
    } catch {
      return false
    }
  },

  /** The file is about to be written: whatever the note said no longer holds after this open. */
  forget(db: string): void {
    rmSync(notePath(db), { force: true })
  }
}
