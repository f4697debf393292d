import type { BackupEntry } from '../../../core/api/methods/transferMethods'

const KEEP_NEWEST = 7
const KEEP_MONTHS = 6

/**
 * Which daily backups to delete: keep the newest 7, and the newest one of each of the last 6 calendar
 * months (this one included), so a mistake noticed weeks later can still be undone. Backups a person
 * made, or that a migration or restore made, are never pruned.
 */
export function pruneBackups(entries: readonly BackupEntry[], now: number): BackupEntry[] {
  const daily = entries.filter((e) => e.reason === 'daily').sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const keep = new Set(daily.slice(0, KEEP_NEWEST).map((e) => e.name))
  const d = new Date(now)
  const months = new Set<string>()
  for (let i = 0; i < KEEP_MONTHS; i++) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1))
    months.add(m.toISOString().slice(0, 7))
  }
  const monthTaken = new Set<string>()
  for (const e of daily) {
    const month = e.createdAt.slice(0, 7)
    if (months.has(month) && !monthTaken.has(month)) {
      monthTaken.add(month)
      keep.add(e.name)
    }
  }
  return daily.filter((e) => !keep.has(e.name))
}
