/**
 * Bulk-delete guard (SYNC.md §2.5.7). Deletions are always applied, because skipping them would
 * break convergence, but a device batch that tombstones many rows raises a review item with a
 * one-click restore (restore = undelete ops).
 */
export type Tombstone = { dev: string; tbl: string; row: string }

export type BulkDeleteReview = { dev: string; tbl: string; rows: string[]; tableRows: number }

export const BULK_DELETE_ROWS = 50
export const BULK_DELETE_SHARE = 0.2
/** Below this table size the share rule is noise: deleting 1 of 3 rows is not a bulk deletion. */
export const BULK_DELETE_MIN_TABLE = 10

export function detectBulkDeletes(
  tombstones: readonly Tombstone[],
  tableRowCount: (tbl: string) => number
): BulkDeleteReview[] {
  const groups = new Map<string, { dev: string; tbl: string; rows: Set<string> }>()
  for (const t of tombstones) {
    const key = `${t.dev}\u0000${t.tbl}`
    let g = groups.get(key)
    if (!g) {
      g = { dev: t.dev, tbl: t.tbl, rows: new Set() }
      groups.set(key, g)
    }
    g.rows.add(t.row)
  }
  const out: BulkDeleteReview[] = []
  for (const g of groups.values()) {
    const tableRows = tableRowCount(g.tbl)
    const share = tableRows >= BULK_DELETE_MIN_TABLE && g.rows.size > BULK_DELETE_SHARE * tableRows
    if (g.rows.size > BULK_DELETE_ROWS || share) {
      out.push({ dev: g.dev, tbl: g.tbl, rows: [...g.rows].sort(), tableRows })
    }
  }
  return out.sort((a, b) => (a.dev + a.tbl < b.dev + b.tbl ? -1 : 1))
}
