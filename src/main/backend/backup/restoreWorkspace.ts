import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { BackupEntry } from '../../../core/api/methods/transferMethods'
import { latestVersion } from '../db/migrations/index'
import { acquireWorkspaceLock } from '../workspaceLock'
import { WorkspaceError } from '../workspaceError'
import { workspacePaths } from '../workspacePaths'
import { createBackup } from './createBackup'
import { isoToStamp } from './listBackups'

const MAGIC = 'SQLite format 3\u0000'
// Tables every SMO Desk schema since version 1 has; an SQLite file without them is someone else's.
const OWN_TABLES = ['local_state', 'change_record', 'member', 'channel']

/**
 * Is this file an SMO Desk database this app can open? Checked before anything is replaced: an
 * SQLite file, with our tables, of a schema version we know (older ones are migrated on next open),
 * that passes SQLite's quick check. Returns its schema version.
 */
export function inspectBackupFile(file: string): number {
  if (!existsSync(file) || !statSync(file).isFile()) throw new WorkspaceError('missing', `There is no file at ${file}.`)
  const head = Buffer.alloc(16)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, head, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  if (head.toString('latin1') !== MAGIC) throw new WorkspaceError('not_sqlite', `${file} is not an SQLite database, so it is not an SMO Desk backup. Nothing was changed.`)
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const version = Number(db.pragma('user_version', { simple: true }))
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[])
    if (version < 1 || OWN_TABLES.some((t) => !tables.has(t)))
      throw new WorkspaceError('not_sqlite', `${file} is an SQLite database but not an SMO Desk workspace. Nothing was changed.`)
    if (version > latestVersion)
      throw new WorkspaceError('newer_schema', `${file} was written by a newer SMO Desk (schema ${version}; this app knows up to ${latestVersion}). Update SMO Desk to restore it; nothing was changed.`)
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new WorkspaceError('corrupt', `${file} is damaged (${String(check)}). Choose another backup; nothing was changed.`)
    return version
  } catch (e) {
    if (e instanceof WorkspaceError) throw e
    throw new WorkspaceError('corrupt', `${file} could not be read as a database (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`)
  } finally {
    db?.close()
  }
}

function passesQuickCheck(file: string): boolean {
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    return db.pragma('quick_check(1)', { simple: true }) === 'ok'
  } catch {
    return false
  } finally {
    db?.close()
  }
}

/** Move a damaged database and its WAL files aside under one timestamped name; returns the new path. */
function setAside(db: string, dir: string, now: number): string {
  const aside = join(dir, `workspace.damaged-${isoToStamp(new Date(now).toISOString())}.sqlite`)
  for (const extra of ['-wal', '-shm', '-journal']) if (existsSync(`${db}${extra}`)) renameSync(`${db}${extra}`, `${aside}${extra}`)
  renameSync(db, aside)
  return aside
}

/**
 * Replace a workspace's database with a backup. Refused while an app or `smo serve` holds the
 * workspace (it would keep writing to the file we replace). The current database is first copied to
 * `backups/workspace-before-restore-….sqlite`, so a restore can itself be undone — or, when it is
 * damaged (a copy through SQLite would fail or spread the damage), renamed aside as it is to
 * `workspace.damaged-<time>.sqlite` with its WAL, never deleted; the backup is
 * copied beside the database and renamed over it, so a crash leaves one or the other, never half.
 */
export async function restoreWorkspace(dir: string, from: string, now: number = Date.now()): Promise<{ schemaVersion: number; keptCopy: BackupEntry | null; damagedCopy: string | null }> {
  const paths = workspacePaths(dir)
  if (!existsSync(dir)) throw new WorkspaceError('missing', `There is no workspace folder at ${dir}.`)
  const schemaVersion = inspectBackupFile(from)
  const release = acquireWorkspaceLock(paths.lock, 'smo restore')
  const tmp = join(dir, 'workspace.sqlite.restoring')
  try {
    let keptCopy: BackupEntry | null = null
    let damagedCopy: string | null = null
    if (existsSync(paths.db)) {
      if (passesQuickCheck(paths.db)) {
        const current = new Database(paths.db, { fileMustExist: true })
        try {
          keptCopy = await createBackup(current, paths.backups, 'before-restore', now)
        } finally {
          // Closing the last connection checkpoints the WAL into the file and removes it.
          current.close()
        }
      } else damagedCopy = setAside(paths.db, dir, now)
    }
    const source = new Database(from, { readonly: true, fileMustExist: true })
    try {
      await source.backup(tmp)
    } finally {
      source.close()
    }
    // A WAL or shared-memory file left beside the old database would be replayed into the new one.
    for (const extra of ['-wal', '-shm', '-journal']) rmSync(`${paths.db}${extra}`, { force: true })
    renameSync(tmp, paths.db)
    return { schemaVersion, keptCopy, damagedCopy }
  } finally {
    rmSync(tmp, { force: true })
    release()
  }
}
