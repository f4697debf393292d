/**
 * A local user transaction as a sync op (SYNC.md §2.4 step 1). Each written field supersedes all
 * of its current heads, so an ordinary edit of a conflicted field is also its resolution. A delete
 * supersedes the heads of every field of the row, which is how "deleted while edited" is detected.
 * Phase 2 runs the same logic inside the app's mutation path; the tests drive it directly.
 */
import { applyFieldWrite } from './fieldRegister'
import { hlcSend } from './hlc'
import { DELETED_COLUMN, encodeOpRecord, opId } from './op'
import type { Json, Op, RowWrite } from './op'
import type { FieldRef, SyncStore } from './syncStore'

export type LocalChange = { t: string; r: string; set: Record<string, Json> }

export type LocalWriteOptions = { user?: string; schema?: number }

function rowBase(store: SyncStore, tbl: string, row: string, col: string): string[] {
  const ids = new Set(store.heads({ tbl, row, col }).map((h) => h.id))
  if (col === DELETED_COLUMN) {
    for (const other of store.rowColumns(tbl, row)) {
      for (const head of store.heads({ tbl, row, col: other })) ids.add(head.id)
    }
  }
  return [...ids].sort()
}

export function localWrite(store: SyncStore, wallMs: number, changes: readonly LocalChange[], opts: LocalWriteOptions = {}): Op {
  return store.transaction(() => {
    const { state, stamp } = hlcSend(store.clock(), wallMs)
    store.setClock(state)
    const seq = store.lastLocalSeq() + 1
    const tx: RowWrite[] = changes.map((c) => {
      const b: Record<string, string[]> = {}
      for (const col of Object.keys(c.set)) {
        // A local write to an unknown column is a bug, not a newer-schema op (SYNC.md §2.10).
        if (!store.knowsColumn(c.t, col)) throw new Error(`sync: local write to unknown column ${c.t}.${col}`)
        b[col] = rowBase(store, c.t, c.r, col)
      }
      return { t: c.t, r: c.r, set: { ...c.set }, b }
    })
    const op: Op = { d: store.device, s: seq, h: stamp, tx, x: opts.schema ?? 1 }
    if (opts.user !== undefined) op.u = opts.user
    const text = encodeOpRecord(op)
    const hash = store.fingerprint(text)
    store.markReceived(op.d, seq, hash, stamp)
    const id = opId(op.d, seq)
    for (const w of tx) {
      for (const col of Object.keys(w.set)) {
        applyFieldWrite(store, { tbl: w.t, row: w.r, col }, { id, h: stamp, v: w.set[col] ?? null, b: w.b[col] ?? [] })
      }
    }
    store.appendLocal({ seq, hlc: stamp, text, hash })
    return op
  })
}

export function deleteRow(store: SyncStore, wallMs: number, tbl: string, row: string, opts?: LocalWriteOptions): Op {
  return localWrite(store, wallMs, [{ t: tbl, r: row, set: { [DELETED_COLUMN]: true } }], opts)
}

/** Undelete (the "Restore" action of the bulk-delete and deleted-while-edited reviews). */
export function restoreRow(store: SyncStore, wallMs: number, tbl: string, row: string, opts?: LocalWriteOptions): Op {
  return localWrite(store, wallMs, [{ t: tbl, r: row, set: { [DELETED_COLUMN]: false } }], opts)
}

/** Resolution op: one write superseding all current heads, with the chosen or edited value. */
export function resolveField(store: SyncStore, wallMs: number, f: FieldRef, value: Json, opts?: LocalWriteOptions): Op {
  return localWrite(store, wallMs, [{ t: f.tbl, r: f.row, set: { [f.col]: value } }], opts)
}
