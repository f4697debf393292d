import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupEntry } from '../../../core/api/methods/transferMethods'

const STAMP = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}(?:-\\d{3})?Z)'
const named = new RegExp(`^workspace-(daily|manual|before-restore)-${STAMP}\\.sqlite$`)
const migration = new RegExp(`^workspace-v\\d+-before-v\\d+-${STAMP}\\.sqlite$`)

/** `2026-05-01T09-30-00-000Z` (a file-name-safe ISO time) → `2026-05-01T09:30:00.000Z`. */
export function stampToIso(stamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z$/.exec(stamp)
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5] ?? '000'}Z` : stamp
}

export function isoToStamp(iso: string): string {
  return iso.replace(/[:.]/g, '-')
}

/**
 * The backups in a workspace's backups folder, newest first. The reason and time come from the file
 * name (the daily job, a person, a migration, a restore), falling back to the file's mtime for copies
 * someone dropped in by hand.
 */
export function listBackups(folder: string): BackupEntry[] {
  if (!existsSync(folder)) return []
  const out: BackupEntry[] = []
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.sqlite')) continue
    const path = join(folder, name)
    const st = statSync(path)
    if (!st.isFile()) continue
    const n = named.exec(name)
    const m = migration.exec(name)
    const reason: BackupEntry['reason'] = n ? (n[1] as BackupEntry['reason']) : m ? 'migration' : 'other'
    const stamp = n?.[2] ?? m?.[1]
    out.push({ name, path, size: st.size, createdAt: stamp ? stampToIso(stamp) : st.mtime.toISOString(), reason })
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
}
