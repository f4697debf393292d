/**
 * The health half of SqliteSyncStore: what sync health shows and retries. Parked writes of a newer
 * schema, forks (two ops under one dev:seq), the folder's file cache and the gaps to re-read.
 */
import type { Json, Op } from '../../../core/sync/op'
import type { FileCacheEntry, ForkRecord, GapRecord, ParkedWrite } from '../../../core/sync/syncStore'
import type { SqliteSyncStatements } from './sqliteSyncStatements'

function parseJson(text: string | null): Json {
  return text === null ? null : (JSON.parse(text) as Json)
}

export class SqliteSyncHealth {
  constructor(private readonly st: SqliteSyncStatements) {}

  park(w: ParkedWrite): void {
    this.st.park.run(w.id, w.tbl, w.row, w.col, w.h, JSON.stringify(w.v), JSON.stringify(w.b), w.x)
  }
  parked(): ParkedWrite[] {
    type R = { op: string; tbl: string; row_id: string; col: string; hlc: string; value: string | null; base: string; schema: number }
    return (this.st.parked.all() as R[]).map((r) => ({ tbl: r.tbl, row: r.row_id, col: r.col, id: r.op, h: r.hlc, v: parseJson(r.value), b: JSON.parse(r.base) as string[], x: r.schema }))
  }
  unpark(writes: readonly ParkedWrite[]): void {
    for (const w of writes) this.st.unpark.run(w.id, w.tbl, w.row, w.col)
  }

  recordFork(fork: ForkRecord): void {
    this.st.fork.run(fork.dev, fork.seq, fork.keptHash, fork.otherHash, JSON.stringify(fork.other))
  }
  forks(): ForkRecord[] {
    type R = { dev: string; seq: number; kept_hash: string; other_hash: string; other: string }
    return (this.st.forks.all() as R[]).map((r) => ({ dev: r.dev, seq: r.seq, keptHash: r.kept_hash, otherHash: r.other_hash, other: JSON.parse(r.other) as Op }))
  }

  fileState(path: string): FileCacheEntry | undefined {
    const r = this.st.file.get(path) as { path: string; size: number; mtime_ms: number; state: FileCacheEntry['state'] } | undefined
    return r ? { path: r.path, size: r.size, mtimeMs: r.mtime_ms, state: r.state } : undefined
  }
  setFileState(e: FileCacheEntry): void {
    this.st.setFile.run(e.path, e.size, e.mtimeMs, e.state)
  }
  clearFileCache(): void {
    this.st.clearFiles.run()
  }
  gaps(): GapRecord[] {
    type R = { dev: string; from_seq: number; to_seq: number; path: string; tries: number; next_try: number }
    return (this.st.gaps.all() as R[]).map((r) => ({ dev: r.dev, from: r.from_seq, to: r.to_seq, path: r.path, tries: r.tries, nextTry: r.next_try }))
  }
  setGap(g: GapRecord): void {
    this.st.setGap.run(g.dev, g.from, g.to, g.path, g.tries, g.nextTry)
  }
  clearGap(dev: string, from: number): void {
    this.st.clearGap.run(dev, from)
  }
}
