/**
 * The field registers SqliteSyncStore holds during one transaction, by table, then row, then column.
 * A cold join holds every field of the workspace at once (240 k on the 1 M-op bench), so the layout
 * is about memory and lookups: no composite key string per field (building and hashing one per write
 * was the largest single cost of a join), the state object is its own FieldRef, and a row's few
 * columns sit in a small array searched linearly.
 */
import type { Json } from '../../../core/sync/op'
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

const NO_BASE: string[] = []

/**
 * A head that keeps its op id as device + seq and, for the common case of one base, the base the
 * same way: a cold join rewrites a field's head in place for every op of a linear history, and
 * without this each rewrite left an id string, a base array and a base id string behind for the old
 * generation (about two thirds of the garbage per op). `id` and `b` are built when asked for.
 */
export class PackedHead implements FieldHead {
  dev: string
  seq: number
  h: string
  v: Json
  baseDev: string | null
  baseSeq: number
  baseList: string[]

  constructor(dev: string, seq: number, h: string, v: Json, base: readonly string[]) {
    this.dev = dev
    this.seq = seq
    this.h = h
    this.v = v
    this.baseDev = null
    this.baseSeq = 0
    this.baseList = base.length === 0 ? NO_BASE : (base as string[])
  }

  get id(): string {
    return `${this.dev}:${this.seq}`
  }

  get b(): string[] {
    return this.baseDev !== null ? [`${this.baseDev}:${this.baseSeq}`] : this.baseList
  }

  /** Is `id` this head's op id (without building the id string)? */
  is(id: string): boolean {
    // Exactly `${dev}:${seq}` as a string: digits only, no leading zero (a base "dev:012" is not this).
    if (id.length <= 17 || id.charCodeAt(16) !== 58 || id.charCodeAt(17) === 48 || !id.startsWith(this.dev)) return false
    for (let i = 17; i < id.length; i++) {
      const c = id.charCodeAt(i)
      if (c < 48 || c > 57) return false
    }
    return Number(id.slice(17)) === this.seq
  }

  /** The op `dev:seq` supersedes this head, which was its only base: become that op. */
  advance(dev: string, seq: number, h: string, v: Json): void {
    this.baseDev = this.dev
    this.baseSeq = this.seq
    this.baseList = NO_BASE
    this.dev = dev
    this.seq = seq
    this.h = h
    this.v = v
  }
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
