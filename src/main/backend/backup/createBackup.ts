import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import type { BackupEntry } from '../../../core/api/methods/transferMethods'
import { isoToStamp } from './listBackups'

/**
 * Copy a live database with SQLite's online backup API (consistent even while the app writes) to a
 * temp name, then rename: a backup that was cut short never looks like a good one.
 */
export async function createBackup(
  db: Database.Database,
  folder: string,
  reason: 'daily' | 'manual' | 'before-restore',
  now: number,
  out?: string
): Promise<BackupEntry> {
  const createdAt = new Date(now).toISOString()
  const file = out ?? join(folder, `workspace-${reason}-${isoToStamp(createdAt)}.sqlite`)
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.partial`
  try {
    await db.backup(tmp)
    renameSync(tmp, file)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
  return { name: basename(file), path: file, size: statSync(file).size, createdAt, reason }
}
