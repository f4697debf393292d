/**
 * The field registers SqliteSyncStore holds during one transaction, by table, then row, then column.
 * A cold join holds every field of the workspace at once (240 k on the 1 M-op bench), so the layout
 * is about memory and lookups: no composite key string per field (building and hashing one per write
 * was the largest single cost of a join), the state object is its own FieldRef, and a row's few
 * columns sit in a small array searched linearly.
 */
import type { FieldHead, FieldRef } from '../../../core/sync/syncStore'

/**
 * `heads`/`refs` are plain arrays (almost always 0–2 entries). `storedHeads`/`storedRefs`: rows on
 * disk when loaded, so a new field costs no DELETE and an untouched ref set no write. `touched`: the
 * register changed in this transaction, so its winner goes to the app row at commit.
 */
export type FieldState = FieldRef & {
  heads: FieldHead[]
  refs: string[] | null
  dirty: boolean
  storedHeads: number
  storedRefs: number
  refsDirty: boolean
  touched: boolean
}

export type RowStates = { tbl: string; row: string; fields: FieldState[] }

export function emptyFieldState(tbl: string, row: string, col: string): FieldState {
  return { tbl, row, col, heads: [], refs: null, dirty: false, storedHeads: 0, storedRefs: 0, refsDirty: false, touched: false }
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export class FieldCache {
  private byTable = new Map<string, Map<string, RowStates>>()

  get(tbl: string, row: string, col: string): FieldState | undefined {
    const fields = this.byTable.get(tbl)?.get(row)?.fields
    if (fields === undefined) return undefined
    for (const s of fields) if (s.col === col) return s
    return undefined
  }

  /** Adds an empty state for f and returns it; the caller knows f is not cached yet. */
  add(f: FieldRef): FieldState {
    let rows = this.byTable.get(f.tbl)
    if (!rows) {
      rows = new Map()
      this.byTable.set(f.tbl, rows)
    }
    let entry = rows.get(f.row)
    // The row's strings are shared by its columns' states.
    if (!entry) {
      entry = { tbl: f.tbl, row: f.row, fields: [] }
      rows.set(f.row, entry)
    }
    const s = emptyFieldState(entry.tbl, entry.row, f.col)
    entry.fields.push(s)
    return s
  }

  row(tbl: string, row: string): RowStates | undefined {
    return this.byTable.get(tbl)?.get(row)
  }

  *values(): Generator<FieldState> {
    for (const rows of this.byTable.values()) for (const r of rows.values()) yield* r.fields
  }

  /** Rows in (table, row) order, columns sorted: B-tree inserts next to each other on write-back. */
  *rowsInOrder(): Generator<RowStates> {
    for (const tbl of [...this.byTable.keys()].sort(byText)) {
      const rows = this.byTable.get(tbl) as Map<string, RowStates>
      for (const row of [...rows.keys()].sort(byText)) {
        const r = rows.get(row) as RowStates
        if (r.fields.length > 1) r.fields.sort((a, b) => byText(a.col, b.col))
        yield r
      }
    }
  }
}
