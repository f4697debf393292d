import type { BackupEntry } from '../../../core/api/methods/transferMethods'
import { listBackups } from './listBackups'
import { inspectBackupFile } from './restoreWorkspace'

/**
 * The newest backup in a workspace's backups folder that this app can restore: an SMO Desk database
 * of a schema it knows that passes SQLite's quick check. A damaged or foreign file is skipped, so the
 * offer made after a damaged workspace is one that will work. Null when there is none.
 */
export function newestGoodBackup(folder: string): BackupEntry | null {
  for (const entry of listBackups(folder)) {
    try {
      inspectBackupFile(entry.path)
      return entry
    } catch {
      // Not restorable; try the next older one.
    }
  }
  return null
}
