import { rmSync } from 'node:fs'
import type { BackupEntry } from '../../../core/api/methods/transferMethods'
import type { Backend } from '../backend'
import { createBackup } from './createBackup'
import { listBackups } from './listBackups'
import { pruneBackups } from './pruneBackups'

/**
 * The automatic local backup, run by the desktop and browser hosts when they open a workspace: one
 * per (UTC) day, then the old daily ones are pruned. Returns the new backup, or null if today's exists.
 */
export async function dailyBackup(b: Backend): Promise<BackupEntry | null> {
  const folder = b.ws.paths.backups
  const now = b.now()
  const today = new Date(now).toISOString().slice(0, 10)
  const existing = listBackups(folder)
  let made: BackupEntry | null = null
  if (!existing.some((e) => e.reason === 'daily' && e.createdAt.startsWith(today))) {
    made = await createBackup(b.db.raw, folder, 'daily', now)
    existing.unshift(made)
  }
  for (const old of pruneBackups(existing, now)) rmSync(old.path, { force: true })
  return made
}

/** For the hosts: never let a failed backup stop the app from opening; say so on stderr instead. */
export function startDailyBackup(b: Backend): void {
  dailyBackup(b).catch((e: unknown) => console.error(`[smo] daily backup failed: ${e instanceof Error ? e.message : String(e)}`))
}
