/**
 * Materialises the displayed value of every field touched in a transaction into its app row: one
 * statement per row with all its winning columns, rows in key order (B-tree locality).
 */
import type Database from 'better-sqlite3'
import { winnerOf } from '../../../core/sync/fieldRegister'
import type { AppTable, Winner } from './appTables'
import type { FieldState } from './loadFieldStates'

const SEP = '\u0000'

export type AppliedChange = { tables: Set<string>; rows: Set<string> }

export function writeWinners(db: Database.Database, tables: Map<string, AppTable>, states: Iterable<FieldState>, iso: string): AppliedChange {
  const change: AppliedChange = { tables: new Set(), rows: new Set() }
  const byRow = new Map<string, { table: AppTable; row: string; cols: Map<string, Winner | undefined> }>()
  for (const s of states) {
    if (!s.touched) continue
    const table = tables.get(s.f.tbl)
    if (!table) continue
    const k = s.f.tbl + SEP + s.f.row
    let entry = byRow.get(k)
    if (!entry) {
      entry = { table, row: s.f.row, cols: new Map() }
      byRow.set(k, entry)
    }
    const win = winnerOf(s.heads)
    entry.cols.set(s.f.col, win === undefined ? undefined : { v: win.v, h: win.h })
  }
  // One statement per row with all its winning columns, rows in key order (B-tree locality).
  for (const k of [...byRow.keys()].sort()) {
    const { table, row, cols } = byRow.get(k) as { table: AppTable; row: string; cols: Map<string, Winner | undefined> }
    if (table.writeRow(db, row, cols, iso)) {
      change.tables.add(table.table)
      change.rows.add(row)
    }
  }
  return change
}
