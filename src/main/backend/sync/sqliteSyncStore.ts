/**
 * The SyncStore port on the workspace database (SYNC.md §2.6). `field_head` is the register of every
 * replicated field, `change_tx` is the received set (local ops from mutate.ts, remote ops with origin
 * 'remote'), and the outbox is simply the local change_tx rows above the published mark, re-encoded
 * from their change records. Remote writes reach the app tables here: at the end of each batch the
 * winner of every touched field is written to its row, in the same transaction as heads and receipts.
 *
 * This file keeps the transaction and the received set; the rest is split by responsibility:
 * sqliteRegisters (the merge: heads and refs cached per transaction), sqliteOutbox (this device's
 * log), sqliteSyncHealth (parked writes, forks, file cache, gaps). Statements are prepared once with
 * constant text and bound values; nothing is ever interpolated.
 */
import { hash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { HlcState } from '../../../core/sync/hlc'
import type { SchemaCatalog } from '../../../core/sync/memorySyncStore'
import { DELETED_COLUMN, parseOpId } from '../../../core/sync/op'
import type { Op } from '../../../core/sync/op'
import type { FieldWrite } from '../../../core/sync/fieldTypes'
import type { FieldHead, FieldRef, FileCacheEntry, ForkRecord, GapRecord, OutboxEntry, ParkedWrite, SyncStore } from '../../../core/sync/syncStore'
import { appTables } from './appTables'
import type { AppTable } from './appTables'
import { ReceivedRuns } from './receivedRuns'
import { writeWinners } from './writeWinners'
import type { AppliedChange } from './writeWinners'
import { sqliteSyncStatements } from './sqliteSyncStatements'
import type { SqliteSyncStatements } from './sqliteSyncStatements'
import { SqliteRegisters } from './sqliteRegisters'
import { SqliteOutbox } from './sqliteOutbox'
import { SqliteSyncHealth } from './sqliteSyncHealth'

/** `above`: received seqs beyond the contiguous mark. */
type DevCache = { hwm: number; above: Map<number, string> }

/** Above this many remote ops in one batch, per-field change records are not kept (see flushBatch). */
const BULK_OPS = 1000

export type { AppliedChange } from './writeWinners'

export type SqliteSyncStoreOptions = {
  /** Tables → columns this app version knows; default: every record kind's columns. */
  schema?: SchemaCatalog
  /** Called after a commit that changed app rows (the service turns it into `data-changed`). */
  onApplied?: (change: AppliedChange) => void
  now?: () => number
}

export class SqliteSyncStore implements SyncStore {
  device: string
  schema: SchemaCatalog
  private readonly db: Database.Database
  private readonly opts: SqliteSyncStoreOptions
  private readonly tables: Map<string, AppTable>
  private depth = 0
  private devs = new Map<string, DevCache>()
  private dirtyDevs = new Set<string>()
  private remoteRecords: { dev: string; seq: number; f: FieldRef; head: FieldHead }[] = []
  private remoteOps = 0
  /** Remote ops received in the current batch (seq → fingerprint per device), written at its end. */
  private receipts = new Map<string, Map<number, string>>()
  /** Their stamps, kept only while the batch is small enough to get history rows. */
  private receiptStamps: { dev: string; seq: number; hlc: string }[] = []
  private readonly runs: ReceivedRuns
  private readonly st: SqliteSyncStatements
  private readonly registers: SqliteRegisters
  private readonly outbox: SqliteOutbox
  private readonly health: SqliteSyncHealth

  constructor(db: Database.Database, device: string, opts: SqliteSyncStoreOptions = {}) {
    this.db = db
    this.device = device
    this.opts = opts
    this.tables = appTables(db)
    this.schema = opts.schema ?? new Map([...this.tables.values()].map((t) => [t.table, new Set([...t.columns.keys(), DELETED_COLUMN])]))
    this.st = sqliteSyncStatements(db)
    this.runs = new ReceivedRuns(db)
    this.registers = new SqliteRegisters(db, this.st, {
      device,
      inTransaction: () => this.depth > 0,
      inTx: (fn) => this.inTx(fn),
      isReceived: (id) => this.isReceived(id),
      isBulk: () => this.remoteOps > BULK_OPS,
      rememberRemoteHead: (dev, seq, f, head) => this.remoteRecords.push({ dev, seq, f, head }),
      port: this
    })
    this.outbox = new SqliteOutbox(this.st, this.tables, device, (text) => this.fingerprint(text))
    this.health = new SqliteSyncHealth(this.st)
    // Registers are written back in key order at commit, so SQLite's page cache mostly sees sorted
    // inserts: 16 MB is as fast as 64 MB on the 1 M-op join and keeps 40 MB more out of its peak.
    if (Number(db.pragma('cache_size', { simple: true })) > -16384) db.pragma('cache_size = -16384')
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now()
  }

  transaction<T>(fn: () => T): T {
    if (this.depth > 0) {
      // A nested transaction is one batch inside a larger one (pullFolder groups files): its
      // receipts and history are written now, so the group never holds a million of them.
      const out = fn()
      this.flushBatch()
      return out
    }
    let applied: AppliedChange | null = null
    const run = this.db.transaction(() => {
      this.depth++
      try {
        const out = fn()
        applied = this.writeBack()
        return out
      } finally {
        this.depth--
      }
    })
    try {
      const out = run()
      const change = applied as AppliedChange | null
      if (change && change.rows.size > 0) this.opts.onApplied?.(change)
      return out
    } finally {
      // Caches live for one transaction: a rollback must not leave them ahead of the database.
      this.registers.reset()
      this.devs = new Map()
      this.dirtyDevs = new Set()
      this.remoteRecords = []
      this.remoteOps = 0
      this.receipts = new Map()
      this.receiptStamps = []
      this.runs.reset()
    }
  }

  /** Runs `fn` in a transaction even when the caller did not open one (single port calls). */
  private inTx<T>(fn: () => T): T {
    return this.depth > 0 ? fn() : this.transaction(fn)
  }

  /** The workspace database (snapshots copy it and load into it). */
  get database(): Database.Database {
    return this.db
  }

  /** The replicated record tables of this app version. */
  recordTables(): string[] {
    return [...this.tables.keys()]
  }

  /** Tells the host about rows changed by someone else's connection (a pull in a child process). */
  notifyApplied(change: AppliedChange): void {
    if (change.tables.size > 0) this.opts.onApplied?.(change)
  }

  /** Never synced and never edited: nothing received, no local op, no register. */
  isFresh(): boolean {
    return this.st.fresh.get() === undefined
  }

  clock(): HlcState {
    const saved = this.st.state.get('hlc') as { value: string } | undefined
    return saved ? (JSON.parse(saved.value) as HlcState) : { millis: 0, counter: 0, device: this.device }
  }
  setClock(state: HlcState): void {
    this.st.setState.run('hlc', JSON.stringify({ ...state, device: this.device }))
  }

  knowsColumn(tbl: string, col: string): boolean {
    return this.schema?.get(tbl)?.has(col) ?? this.schema === null
  }

  fingerprint(text: string): string {
    // Native MD5 is only a fingerprint to tell two ops under one dev:seq apart; integrity is CRC/SHA/GCM.
    // One-shot hash: no Hash object per op, which a million-op join would leave for the GC to finalise.
    return hash('md5', text, 'hex').slice(0, 16)
  }

  private devCache(dev: string): DevCache {
    let c = this.devs.get(dev)
    if (!c) {
      const row = this.st.device.get(dev) as { hwm: number } | undefined
      const hwm = dev === this.device ? this.lastLocalSeq() : (row?.hwm ?? 0)
      const above = new Map<number, string>()
      for (const r of this.st.txAbove.all(dev, hwm) as { seq: number; hash: string | null }[]) above.set(r.seq, r.hash ?? '')
      for (const [seq, hash] of this.runs.above(dev, hwm)) above.set(seq, hash)
      c = { hwm, above }
      this.devs.set(dev, c)
    }
    return c
  }

  receivedHash(dev: string, seq: number): string | undefined {
    if (dev !== this.device) {
      if (this.depth > 0) {
        const c = this.devCache(dev)
        if (seq > c.hwm) return c.above.get(seq)
        const fresh = this.receipts.get(dev)?.get(seq)
        if (fresh !== undefined) return fresh
      }
      const hash = this.runs.hashAt(dev, seq)
      if (this.depth === 0) this.runs.reset()
      if (hash !== undefined) return hash
    }
    // change_tx: local ops, and teammates' ops received before the runs table existed.
    const row = this.st.tx.get(dev, seq) as { hash: string | null } | undefined
    if (!row) return undefined
    if (row.hash !== null) return row.hash
    // A local op written by mutate.ts gets its fingerprint the first time anyone asks.
    return this.outbox.entry(seq)?.hash
  }

  markReceived(dev: string, seq: number, hash: string, hlc: string): void {
    this.inTx(() => {
      if (dev === this.device) {
        this.st.insTx.run(dev, seq, hlc, 'local', '', new Date(this.now()).toISOString(), hash, 1)
        return
      }
      if (++this.remoteOps > BULK_OPS) {
        this.remoteRecords = []
        this.receiptStamps = []
      } else this.receiptStamps.push({ dev, seq, hlc })
      this.receive(dev, seq, hash)
    })
  }

  /** Adds a teammate's op to the received set of this batch and advances its high-water mark. */
  private receive(dev: string, seq: number, hash: string): void {
    const c = this.devCache(dev)
    c.above.set(seq, hash)
    let batch = this.receipts.get(dev)
    if (!batch) {
      batch = new Map()
      this.receipts.set(dev, batch)
    }
    batch.set(seq, hash)
    if (seq === c.hwm + 1) while (c.above.has(c.hwm + 1)) c.above.delete(++c.hwm)
    // The high-water mark is written once per batch (writeBack), not once per op.
    this.dirtyDevs.add(dev)
  }

  highWaterMark(dev: string): number {
    if (dev === this.device) return this.lastLocalSeq()
    if (this.depth > 0) return this.devCache(dev).hwm
    return (this.st.device.get(dev) as { hwm: number } | undefined)?.hwm ?? 0
  }

  knownDevices(): string[] {
    return (this.st.devices.all(this.device) as { dev: string }[]).map((r) => r.dev)
  }

  /** A teammate's op known through a snapshot: received (fingerprint kept), without a history row. */
  markReceivedViaSnapshot(dev: string, seq: number, hash: string): void {
    if (this.depth > 0 && dev !== this.device) this.receive(dev, seq, hash)
  }

  private isReceived(id: string): boolean {
    const parsed = parseOpId(id)
    return parsed !== null && this.receivedHash(parsed.dev, parsed.seq) !== undefined
  }

  // The merge: see sqliteRegisters.
  prefetch(ops: readonly Op[]): void {
    this.registers.prefetch(ops)
  }
  heads(f: FieldRef): readonly FieldHead[] {
    return this.registers.heads(f)
  }
  applyWrite(f: FieldRef, w: FieldWrite): void {
    this.registers.applyWrite(f, w)
  }
  mergeRegister(f: FieldRef, theirs: { heads: readonly FieldHead[]; refs: readonly string[] }, theyReceived: (id: string) => boolean): void {
    this.registers.mergeRegister(f, theirs, theyReceived)
  }
  putHead(f: FieldRef, head: FieldHead): void {
    this.registers.putHead(f, head)
  }
  removeHead(f: FieldRef, id: string): void {
    this.registers.removeHead(f, id)
  }
  hasRef(f: FieldRef, id: string): boolean {
    return this.registers.hasRef(f, id)
  }
  addRef(f: FieldRef, id: string): void {
    this.registers.addRef(f, id)
  }
  deleteRef(f: FieldRef, id: string): void {
    this.registers.deleteRef(f, id)
  }
  rowColumns(tbl: string, row: string): string[] {
    return this.registers.rowColumns(tbl, row)
  }
  tableRowCount(tbl: string): number {
    this.registers.writeBack()
    return (this.st.rowCount.get(tbl) as { n: number }).n
  }
  multiHeadFields(): FieldRef[] {
    this.registers.writeBack()
    return (this.st.multi.all() as { tbl: string; row_id: string; col: string }[]).map((r) => ({ tbl: r.tbl, row: r.row_id, col: r.col }))
  }
  allFields(): FieldRef[] {
    this.registers.writeBack()
    return (this.st.all.all() as { tbl: string; row_id: string; col: string }[]).map((r) => ({ tbl: r.tbl, row: r.row_id, col: r.col }))
  }

  // Health: see sqliteSyncHealth.
  park(w: ParkedWrite): void {
    this.health.park(w)
  }
  parked(): ParkedWrite[] {
    return this.health.parked()
  }
  unpark(writes: readonly ParkedWrite[]): void {
    this.health.unpark(writes)
  }
  recordFork(fork: ForkRecord): void {
    this.health.recordFork(fork)
  }
  forks(): ForkRecord[] {
    return this.health.forks()
  }
  fileState(path: string): FileCacheEntry | undefined {
    return this.health.fileState(path)
  }
  setFileState(e: FileCacheEntry): void {
    this.health.setFileState(e)
  }
  clearFileCache(): void {
    this.health.clearFileCache()
  }
  gaps(): GapRecord[] {
    return this.health.gaps()
  }
  setGap(g: GapRecord): void {
    this.health.setGap(g)
  }
  clearGap(dev: string, from: number): void {
    this.health.clearGap(dev, from)
  }

  // This device's log: see sqliteOutbox.
  lastLocalSeq(): number {
    return this.outbox.lastLocalSeq()
  }
  appendLocal(entry: OutboxEntry): void {
    this.inTx(() => this.outbox.append(entry))
  }
  unpublishedCount(): number {
    return this.outbox.unpublishedCount()
  }
  unpublished(): OutboxEntry[] {
    return this.outbox.localOps(this.outbox.lastPublished() + 1, Number.MAX_SAFE_INTEGER)
  }
  localOps(from: number, to: number): OutboxEntry[] {
    return this.outbox.localOps(from, to)
  }
  lastPublished(): number {
    return this.outbox.lastPublished()
  }
  markPublished(lastSeq: number, file: string): void {
    this.outbox.markPublished(lastSeq, file)
  }

  /**
   * End of one batch (one file): its receipts become runs, and a small batch also gets the history
   * rows (change_tx origin 'remote' plus per-field change records) that the change list shows. A
   * bulk batch (joining a team, a long absence) keeps only its runs: a million change_tx rows and
   * per-field records would cost more than the merge itself, and nobody reads history at that grain.
   */
  private flushBatch(): void {
    const history = this.remoteOps <= BULK_OPS
    for (const [dev, batch] of [...this.receipts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      this.runs.add(dev, [...batch.entries()].sort((a, b) => a[0] - b[0]))
    }
    if (history) {
      const iso = new Date(this.now()).toISOString()
      for (const r of this.receiptStamps) this.st.insTx.run(r.dev, r.seq, r.hlc, 'remote', 'Team sync', iso, this.receipts.get(r.dev)?.get(r.seq) ?? null, 1)
      for (const r of this.remoteRecords) {
        this.st.insRecord.run(r.dev, r.seq, r.head.h, r.f.tbl, r.f.row, r.f.col, null, JSON.stringify(r.head.v), JSON.stringify(r.head.b))
      }
    }
    this.receipts = new Map()
    this.receiptStamps = []
    this.remoteRecords = []
    this.remoteOps = 0
  }

  /** End of the transaction: registers to disk, then each touched field's winner into its app row. */
  private writeBack(): AppliedChange {
    this.registers.writeBack()
    for (const dev of this.dirtyDevs) this.st.insDevice.run(dev, this.devs.get(dev)?.hwm ?? 0)
    this.dirtyDevs = new Set()
    this.flushBatch()
    return writeWinners(this.db, this.tables, this.registers.rowsInOrder(), new Date(this.now()).toISOString())
  }
}
