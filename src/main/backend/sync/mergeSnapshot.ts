/**
 * Brings a workspace that already has state up to a snapshot (SYNC.md §2.9, dormant devices): a
 * computer away for longer than the team keeps old files cannot read what was compacted, but a
 * snapshot holds it. Every register of the snapshot is merged into ours (heads of the union of both
 * received sets, see SqliteSyncStore.mergeRegister), then its received set is added to ours and its
 * parked writes are parked here too, all in one transaction; the winners of merged fields go to the
 * rows at commit like any pull. Our own unpublished edits are untouched and go out as usual.
 */
import Database from 'better-sqlite3'
import type { Json } from '../../../core/sync/op'
import { parseOpId } from '../../../core/sync/op'
import type { FieldHead, FieldRef } from '../../../core/sync/syncStore'
import { withSnapshot } from './loadSnapshot'
import type { LoadSnapshotInput, LoadSnapshotResult } from './loadSnapshot'
import { ReceivedRuns } from './receivedRuns'
import type { SqliteSyncStore } from './sqliteSyncStore'

const SEP = '\u0000'

export function mergeSnapshot(store: SqliteSyncStore, input: Omit<LoadSnapshotInput, 'db' | 'recordTables'>): LoadSnapshotResult {
  return withSnapshot({ ...input, db: store.database, recordTables: store.recordTables() }, (_m, file) => {
    const snap = new Database(file, { readonly: true })
    try {
      const runs = new ReceivedRuns(snap)
      const theyReceived = (id: string): boolean => {
        const p = parseOpId(id)
        return p !== null && runs.hashAt(p.dev, p.seq) !== undefined
      }
      const refs = new Map<string, string[]>()
      for (const r of snap.prepare(`SELECT tbl, row_id, col, op FROM sync_ref`).iterate() as Iterable<{ tbl: string; row_id: string; col: string; op: string }>) {
        const k = r.tbl + SEP + r.row_id + SEP + r.col
        refs.set(k, [...(refs.get(k) ?? []), r.op])
      }
      store.transaction(() => {
        // Registers first: the merge asks what each side had received before either learns more.
        let f: FieldRef | null = null
        let heads: FieldHead[] = []
        const done = new Set<string>()
        const flush = (): void => {
          if (f === null) return
          const k = f.tbl + SEP + f.row + SEP + f.col
          done.add(k)
          store.mergeRegister(f, { heads, refs: refs.get(k) ?? [] }, theyReceived)
        }
        type H = { tbl: string; row_id: string; col: string; op: string; hlc: string; value: string | null; base: string }
        for (const r of snap.prepare(`SELECT tbl, row_id, col, op, hlc, value, base FROM field_head ORDER BY tbl, row_id, col`).iterate() as Iterable<H>) {
          if (f === null || f.tbl !== r.tbl || f.row !== r.row_id || f.col !== r.col) {
            flush()
            f = { tbl: r.tbl, row: r.row_id, col: r.col }
            heads = []
          }
          heads.push({ id: r.op, h: r.hlc, v: r.value === null ? null : (JSON.parse(r.value) as Json), b: JSON.parse(r.base) as string[] })
        }
        flush()
        for (const [k, ids] of refs) {
          if (done.has(k)) continue
          const [tbl = '', row = '', col = ''] = k.split(SEP)
          store.mergeRegister({ tbl, row, col }, { heads: [], refs: ids }, theyReceived)
        }
        type R = { dev: string; from_seq: number; to_seq: number; width: number; hashes: string }
        for (const r of snap.prepare(`SELECT dev, from_seq, to_seq, width, hashes FROM sync_received ORDER BY dev, from_seq`).iterate() as Iterable<R>) {
          for (let seq = r.from_seq; seq <= r.to_seq; seq++) {
            if (store.receivedHash(r.dev, seq) !== undefined) continue
            const at = (seq - r.from_seq) * r.width
            store.markReceivedViaSnapshot(r.dev, seq, r.hashes.slice(at, at + r.width))
          }
        }
        // A signed team judges each change against the member list as of its causal past: the
        // snapshot's log of accepted member-list writes holds those whose files were compacted.
        const memberWrite = store.database.prepare(`INSERT OR IGNORE INTO sync_member_write (dev, seq, hlc, author, member_id, col, value) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        const hasLog = snap.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_member_write'`).get() !== undefined
        if (hasLog) for (const w of snap.prepare(`SELECT dev, seq, hlc, author, member_id, col, value FROM sync_member_write`).raw().iterate() as Iterable<unknown[]>) memberWrite.run(...w)
        type P = { op: string; tbl: string; row_id: string; col: string; hlc: string; value: string | null; base: string; schema: number }
        for (const p of snap.prepare(`SELECT op, tbl, row_id, col, hlc, value, base, schema FROM sync_pending`).iterate() as Iterable<P>) {
          store.park({ id: p.op, tbl: p.tbl, row: p.row_id, col: p.col, h: p.hlc, v: p.value === null ? null : (JSON.parse(p.value) as Json), b: JSON.parse(p.base) as string[], x: p.schema })
        }
      })
    } finally {
      snap.close()
    }
    return true
  })
}
