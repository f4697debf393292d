/**
 * Materialises the displayed value of every field touched in a transaction into its app row: one
 * statement per row with all its winning columns, rows in key order (B-tree locality).
 */
import type Database from 'better-sqlite3'
import { winnerOf } from '../../../core/sync/fieldRegister'
import type { AppTable, Winner } from './appTables'
import type { RowStates } from './fieldCache'

export type AppliedChange = { tables: Set<string>; rows: Set<string> }

export function writeWinners(db: Database.Database, tables: Map<string, AppTable>, rows: Iterable<RowStates>, iso: string): AppliedChange {
  const change: AppliedChange = { tables: new Set(), rows: new Set() }
  for (const r of rows) {
    const table = tables.get(r.tbl)
    if (!table) continue
    let cols: Map<string, Winner | undefined> | null = null
    for (const s of r.fields) {
      if (!s.touched) continue
      cols ??= new Map()
      const win = winnerOf(s.heads)
      cols.set(s.col, win === undefined ? undefined : { v: win.v, h: win.h })
    }
    if (cols !== null && table.writeRow(db, r.row, cols, iso)) {
      change.tables.add(table.table)
      change.rows.add(r.row)
    }
  }
  return change
}
