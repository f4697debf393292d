/**
 * Applies remote ops (SYNC.md §2.5.5–7): dedupe by dev:seq, fork detection by hash, parking of
 * writes for unknown tables or columns, the field merge, clock adoption within the drift bound, and
 * the bulk-delete guard. Incoming ops are never rejected.
 *
 * `opReceiver` takes ops in chunks inside one store transaction, so a file of thousands of ops is
 * applied while it is parsed and the parsed ops die young instead of piling up (a cold join of a
 * million ops spent a quarter of its time in the garbage collector when whole files were batched).
 */
import { detectBulkDeletes } from './bulkDelete'
import type { BulkDeleteReview, Tombstone } from './bulkDelete'
import { applyFieldWrite } from './fieldRegister'
import { formatHlc, hlcReceive, MAX_ADOPTED_DRIFT_MS } from './hlc'
import { DELETED_COLUMN, opId } from './op'
import type { ReceivedOp } from './op'
import type { FieldRef, ForkRecord, SyncStore } from './syncStore'

export type ReceiveReport = {
  applied: number
  duplicates: number
  parkedWrites: number
  forks: ForkRecord[]
  /** Devices whose clocks ran more than the drift bound ahead: applied, not adopted, flagged. */
  skewedDevices: string[]
  bulkDeletes: BulkDeleteReview[]
}

export type OpReceiver = {
  /** Applies one chunk; call inside the store transaction the receiver was made for. */
  add: (chunk: readonly ReceivedOp[]) => void
  /** Adopts the clock and runs the bulk-delete guard over everything added; returns the report. */
  finish: () => ReceiveReport
}

export function opReceiver(store: SyncStore, wallMs: number): OpReceiver {
  const report: ReceiveReport = { applied: 0, duplicates: 0, parkedWrites: 0, forks: [], skewedDevices: [], bulkDeletes: [] }
  const skewed = new Set<string>()
  const tombstones: Tombstone[] = []
  // Clock adoption happens once with the newest acceptable stamp: the resulting clock is the same
  // upper bound as receiving one by one, without parsing a million stamps.
  const bound = formatHlc({ millis: Math.max(0, Math.floor(wallMs + MAX_ADOPTED_DRIFT_MS)), counter: 0xffff, device: 'ffffffffffffffff' })
  let newest = ''
  const add = (chunk: readonly ReceivedOp[]): void => {
    if (store.prefetch) store.prefetch(chunk.map((r) => r.op))
    for (const { op, hash } of chunk) {
      const seen = store.receivedHash(op.d, op.s)
      if (seen !== undefined) {
        if (seen === hash) report.duplicates++
        else {
          // Two machines write as one device. Keep both (the first stays applied, the other is
          // stored whole) and tell the owner to re-key; never guess which one is "right".
          const fork: ForkRecord = { dev: op.d, seq: op.s, keptHash: seen, otherHash: hash, other: op }
          if (!store.forks().some((f) => f.dev === op.d && f.seq === op.s && f.otherHash === hash)) {
            store.recordFork(fork)
            report.forks.push(fork)
          }
        }
        continue
      }
      store.markReceived(op.d, op.s, hash, op.h)
      if (op.d !== store.device) {
        if (op.h > bound) skewed.add(op.d)
        else if (op.h > newest) newest = op.h
      }
      const id = opId(op.d, op.s)
      for (const w of op.tx) {
        for (const col of Object.keys(w.set)) {
          const v = w.set[col] ?? null
          const b = w.b[col] ?? []
          if (!store.knowsColumn(w.t, col)) {
            store.park({ tbl: w.t, row: w.r, col, id, h: op.h, v, b: [...b], x: op.x })
            report.parkedWrites++
            continue
          }
          const f: FieldRef = { tbl: w.t, row: w.r, col }
          if (store.applyWrite) store.applyWrite(f, { id, h: op.h, v, b, dev: op.d, seq: op.s })
          else applyFieldWrite(store, f, { id, h: op.h, v, b })
          if (col === DELETED_COLUMN && v === true) tombstones.push({ dev: op.d, tbl: w.t, row: w.r })
        }
      }
      report.applied++
    }
  }
  const finish = (): ReceiveReport => {
    if (newest !== '') store.setClock(hlcReceive(store.clock(), newest, wallMs).state)
    report.skewedDevices = [...skewed].sort()
    report.bulkDeletes = detectBulkDeletes(tombstones, (tbl) => store.tableRowCount(tbl))
    return report
  }
  return { add, finish }
}

/** Applies one batch of remote ops in one transaction. */
export function receiveOps(store: SyncStore, batch: readonly ReceivedOp[], wallMs: number): ReceiveReport {
  return store.transaction(() => {
    const r = opReceiver(store, wallMs)
    r.add(batch)
    return r.finish()
  })
}
