/**
 * The SyncStore port on the workspace database (SYNC.md §2.6). `field_head` is the register of every
 * replicated field, `change_tx` is the received set (local ops from mutate.ts, remote ops with origin
 * 'remote'), and the outbox is simply the local change_tx rows above the published mark, re-encoded
 * from their change records. Remote writes reach the app tables here: at the end of each batch the
 * winner of every touched field is written to its row, in the same transaction as heads and receipts.
 *
 * Heads and refs of the fields a batch touches are loaded once, merged in memory and written back at
 * commit, which is what makes a cold replay of a million ops affordable (the bulk path of §2.6).
 * Statements are prepared once with constant text and bound values; nothing is ever interpolated.
 */
import { hash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { HlcState } from '../../../core/sync/hlc'
import type { SchemaCatalog } from '../../../core/sync/memorySyncStore'
import { DELETED_COLUMN, parseOpId, parseOpRecord } from '../../../core/sync/op'
import type { Json, Op } from '../../../core/sync/op'
import type { FieldHead, FieldRef, FileCacheEntry, ForkRecord, GapRecord, OutboxEntry, ParkedWrite, SyncStore } from '../../../core/sync/syncStore'
import { appTables } from './appTables'
import type { AppTable } from './appTables'
import { encodeLocalOp } from './encodeLocalOp'
import { loadFieldStates } from './loadFieldStates'
import { FieldCache } from './fieldCache'
import type { FieldState } from './fieldCache'
import { emptyFieldState, PackedHead } from './fieldCache'
import { applyFieldWrite } from '../../../core/sync/fieldRegister'
import type { FieldWrite } from '../../../core/sync/fieldRegister'
import { ReceivedRuns } from './receivedRuns'
import { writeWinners } from './writeWinners'
import type { AppliedChange } from './writeWinners'
import { sqliteSyncStatements } from './sqliteSyncStatements'
import type { SqliteSyncStatements } from './sqliteSyncStatements'

/** `stored*`: rows on disk when loaded, so a new field costs no DELETE and an untouched ref set no write. */
/** `above`: received seqs beyond the contiguous mark. */
type DevCache = { hwm: number; above: Map<number, string> }

/** Above this many remote ops in one batch, per-field change records are not kept (see writeBack). */
const BULK_OPS = 1000
/** Fields asked for at once above which prefetch scans the stored row keys instead of probing each. */
const STORED_ROWS_AFTER = 5000
/** Head rows per INSERT when writing registers back (7 values each, far below SQLite's limit). */
const HEAD_BATCH = 64

export type { AppliedChange } from './writeWinners'

export type SqliteSyncStoreOptions = {
  /** Tables → columns this app version knows; default: every record kind's columns. */
  schema?: SchemaCatalog
  /** Called after a commit that changed app rows (the service turns it into `data-changed`). */
  onApplied?: (change: AppliedChange) => void
  now?: () => number
}

function parseJson(text: string | null): Json {
  return text === null ? null : (JSON.parse(text) as Json)
}



export class SqliteSyncStore implements SyncStore {
  device: string
  schema: SchemaCatalog
  private readonly db: Database.Database
  private readonly opts: SqliteSyncStoreOptions
  private readonly tables: Map<string, AppTable>
  private depth = 0
  private fields = new FieldCache()
  private devs = new Map<string, DevCache>()
  private dirtyDevs = new Set<string>()
  private remoteRecords: { dev: string; seq: number; f: FieldRef; head: FieldHead }[] = []
  private remoteOps = 0
  /** Remote ops received in the current batch (seq → fingerprint per device), written at its end. */
  private receipts = new Map<string, Map<number, string>>()
  /** Their stamps, kept only while the batch is small enough to get history rows. */
  private receiptStamps: { dev: string; seq: number; hlc: string }[] = []
  private readonly runs: ReceivedRuns
  /** The field state asked for last (see field); valid only inside the transaction that loaded it. */
  private last: FieldState | null = null
  /** Rows with stored heads or refs (table → row ids) when first needed by prefetch; null until then. */
  private storedRows: Map<string, Set<string>> | null = null
  /** Fields prefetched in this transaction: past STORED_ROWS_AFTER it is a bulk pull. */
  private prefetched = 0
  /** Fields whose registers changed in this transaction: their winners go to the app rows. */
  private readonly st: SqliteSyncStatements

  constructor(db: Database.Database, device: string, opts: SqliteSyncStoreOptions = {}) {
    this.db = db
    this.device = device
    this.opts = opts
    this.tables = appTables(db)
    this.schema = opts.schema ?? new Map([...this.tables.values()].map((t) => [t.table, new Set([...t.columns.keys(), DELETED_COLUMN])]))
    this.st = sqliteSyncStatements(db)
    this.runs = new ReceivedRuns(db)
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
      this.fields = new FieldCache()
      this.devs = new Map()
      this.dirtyDevs = new Set()
      this.remoteRecords = []
      this.remoteOps = 0
      this.receipts = new Map()
      this.receiptStamps = []
      this.runs.reset()
      this.last = null
      this.storedRows = null
      this.prefetched = 0
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
    const entry = this.localEntry(seq)
    return entry?.hash
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

  private field(f: FieldRef): FieldState {
    // The merge asks about one field several times in a row (heads, refs, put, remove) with the same
    // ref: answering from the last state saves the lookups.
    const last = this.last
    if (last !== null && last.col === f.col && last.row === f.row && last.tbl === f.tbl) return last
    let s = this.fields.get(f.tbl, f.row, f.col)
    if (!s && this.depth > 0 && this.storedRows !== null && this.storedRows.get(f.tbl)?.has(f.row) !== true) {
      // A bulk pull knows which rows have anything stored: a register of any other row starts empty.
      s = this.fields.add(f)
    } else if (!s) {
      s = this.depth > 0 ? this.fields.add(f) : emptyFieldState(f.tbl, f.row, f.col)
      for (const r of this.st.heads.all(f.tbl, f.row, f.col) as { op: string; hlc: string; value: string | null; base: string }[]) {
        s.heads.push({ id: r.op, h: r.hlc, v: parseJson(r.value), b: JSON.parse(r.base) as string[] })
      }
      const refs = (this.st.refs.all(f.tbl, f.row, f.col) as { op: string }[]).map((r) => r.op)
      s.refs = refs.length > 0 ? refs : null
      s.storedHeads = s.heads.length
      s.storedRefs = refs.length
    }
    if (this.depth > 0) this.last = s
    return s
  }

  /**
   * Loads the registers of a batch's fields with a few set queries instead of two point queries per
   * field from JS. A bulk pull (a join, a long absence) mostly touches rows this database has never
   * stored: past the first few thousand fields, one scan of the stored row ids spares a lookup per
   * field. A small pull looks them all up and never pays for the scan.
   */
  prefetch(ops: readonly Op[]): void {
    if (this.depth === 0) return
    // Nothing stored at all (a cold join): field() starts every register empty, nothing to load.
    if (this.storedRows !== null && this.storedRows.size === 0) return
    const load: FieldRef[] = []
    const added: FieldRef[] = []
    for (const op of ops) {
      for (const w of op.tx) {
        for (const col in w.set) {
          if (this.fields.get(w.t, w.r, col) === undefined) added.push(this.fields.add({ tbl: w.t, row: w.r, col }))
        }
      }
    }
    this.prefetched += added.length
    if (this.prefetched > STORED_ROWS_AFTER && this.storedRows === null) {
      this.storedRows = new Map()
      for (const r of this.st.storedRows.iterate() as Iterable<{ tbl: string; row_id: string }>) {
        let rows = this.storedRows.get(r.tbl)
        if (!rows) this.storedRows.set(r.tbl, (rows = new Set()))
        rows.add(r.row_id)
      }
    }
    const stored = this.storedRows
    for (const f of added) if (stored === null || stored.get(f.tbl)?.has(f.row)) load.push(f)
    loadFieldStates(this.st, this.fields, load)
  }

  private edit(f: FieldRef, fn: (s: FieldState) => void): void {
    if (this.depth > 0) {
      const s = this.field(f)
      fn(s)
      s.dirty = true
      return
    }
    this.inTx(() => {
      const s = this.field(f)
      fn(s)
      s.dirty = true
    })
  }

  heads(f: FieldRef): readonly FieldHead[] {
    // The register's own array: every change replaces it, so a caller's copy never shifts under it.
    return this.field(f).heads
  }

  /**
   * applyFieldWrite on the register itself: one lookup instead of one per step (heads, remove, ref
   * checks, put), the same steps in the same order. Outside a transaction it takes the port path.
   */
  applyWrite(f: FieldRef, w: FieldWrite): void {
    if (this.depth === 0) {
      applyFieldWrite(this, f, w)
      return
    }
    const s = this.field(f)
    // The commonest write of a bulk pull: it supersedes the field's one head. Rewriting that head in
    // place gives the same register without a new head and array per write, which (once promoted)
    // were most of the garbage a cold join left for the old generation. Only in bulk batches: a
    // small batch keeps each head object for its history row.
    const bulk = this.remoteOps > BULK_OPS && w.dev !== undefined && w.seq !== undefined
    const only = s.heads.length === 1 ? s.heads[0] : undefined
    if (bulk && only !== undefined && s.refs === null && w.b.length === 1 && w.b[0] !== w.id) {
      const base = w.b[0] as string
      if (only instanceof PackedHead ? only.is(base) : only.id === base) {
        if (only instanceof PackedHead) only.advance(w.dev as string, w.seq as number, w.h, w.v)
        else s.heads = [new PackedHead(w.dev as string, w.seq as number, w.h, w.v, w.b)]
        s.dirty = true
        return
      }
    }
    if (w.b.length > 0) {
      const current = s.heads
      for (const id of w.b) {
        if (current.some((head) => head.id === id)) {
          s.heads = s.heads.filter((head) => head.id !== id)
          s.dirty = true
        } else if (!this.isReceived(id)) {
          if (!s.refs?.includes(id)) s.refs = s.refs === null ? [id] : [...s.refs, id]
          s.refsDirty = true
          s.dirty = true
        }
      }
    }
    if (s.refs !== null && s.refs.includes(w.id)) {
      const left = s.refs.filter((r) => r !== w.id)
      s.refs = left.length > 0 ? left : null
      s.refsDirty = true
      s.dirty = true
      return
    }
    // The op's own base array, not a copy: nothing mutates a received op, and a cold join keeps
    // 240 k of these heads in memory at once.
    const head: FieldHead = bulk ? new PackedHead(w.dev as string, w.seq as number, w.h, w.v, w.b) : { id: w.id, h: w.h, v: w.v, b: w.b as string[] }
    const at = s.heads.findIndex((x) => x.id === w.id)
    if (at >= 0) s.heads[at] = head
    else s.heads = s.heads.length === 0 ? [head] : [...s.heads, head]
    s.dirty = true
    const parsed = parseOpId(w.id)
    if (parsed && parsed.dev !== this.device && this.remoteOps <= BULK_OPS) this.remoteRecords.push({ dev: parsed.dev, seq: parsed.seq, f: { tbl: f.tbl, row: f.row, col: f.col }, head })
  }

  /**
   * Merges another replica's register of one field into ours (a snapshot loaded into a workspace
   * that already has state): the heads of the union of both received sets. A head of one side stays
   * unless the other side received it without keeping it as a head, or holds it as a ref; refs are
   * kept only for ids neither side has received. Call before merging the received sets.
   */
  mergeRegister(f: FieldRef, theirs: { heads: readonly FieldHead[]; refs: readonly string[] }, theyReceived: (id: string) => boolean): void {
    const s = this.field(f)
    const theirIds = new Set(theirs.heads.map((h) => h.id))
    const theirRefs = new Set(theirs.refs)
    const myIds = new Set(s.heads.map((h) => h.id))
    const myRefs = new Set(s.refs ?? [])
    const mine = s.heads.filter((h) => !(theyReceived(h.id) && !theirIds.has(h.id)) && !theirRefs.has(h.id))
    const added = theirs.heads.filter((h) => !myIds.has(h.id) && !this.isReceived(h.id) && !myRefs.has(h.id))
    const refs = [...new Set([...myRefs, ...theirRefs])].filter((id) => !this.isReceived(id) && !theyReceived(id)).sort()
    const sameRefs = refs.length === myRefs.size && refs.every((id) => myRefs.has(id))
    if (mine.length === s.heads.length && added.length === 0 && sameRefs) return
    s.heads = [...mine, ...added]
    s.refs = refs.length > 0 ? refs : null
    s.refsDirty = true
    s.dirty = true
  }

  /** A teammate's op known through a snapshot: received (fingerprint kept), without a history row. */
  markReceivedViaSnapshot(dev: string, seq: number, hash: string): void {
    if (this.depth > 0 && dev !== this.device) this.receive(dev, seq, hash)
  }

  private isReceived(id: string): boolean {
    const parsed = parseOpId(id)
    return parsed !== null && this.receivedHash(parsed.dev, parsed.seq) !== undefined
  }

  putHead(f: FieldRef, head: FieldHead): void {
    this.edit(f, (s) => {
      const at = s.heads.findIndex((h) => h.id === head.id)
      if (at >= 0) s.heads[at] = head
      // A literal, not push: push on an empty array reserves room for 16 (a cold join has 240 k fields).
      else s.heads = s.heads.length === 0 ? [head] : [...s.heads, head]
    })
    const parsed = parseOpId(head.id)
    // A remote write that becomes a head goes into the change log with origin 'remote' (history),
    // written at the end of the batch; see writeBack for why a bulk batch skips it.
    if (parsed && parsed.dev !== this.device && this.remoteOps <= BULK_OPS) this.remoteRecords.push({ dev: parsed.dev, seq: parsed.seq, f: { ...f }, head })
  }
  removeHead(f: FieldRef, id: string): void {
    this.edit(f, (s) => {
      s.heads = s.heads.filter((h) => h.id !== id)
    })
  }
  hasRef(f: FieldRef, id: string): boolean {
    return this.field(f).refs?.includes(id) ?? false
  }
  addRef(f: FieldRef, id: string): void {
    this.edit(f, (s) => {
      if (!s.refs?.includes(id)) s.refs = [...(s.refs ?? []), id]
      s.refsDirty = true
    })
  }
  deleteRef(f: FieldRef, id: string): void {
    this.edit(f, (s) => {
      const before = s.refs?.length ?? 0
      s.refs = s.refs?.filter((r) => r !== id) ?? null
      if (s.refs?.length === 0) s.refs = null
      s.refsDirty = (s.refs?.length ?? 0) !== before || s.refsDirty
    })
  }

  rowColumns(tbl: string, row: string): string[] {
    const cols = new Set((this.st.rowCols.all(tbl, row) as { col: string }[]).map((r) => r.col))
    for (const s of this.fields.row(tbl, row)?.fields ?? []) {
      if (s.heads.length > 0) cols.add(s.col)
      else if (s.dirty) cols.delete(s.col)
    }
    return [...cols].sort()
  }
  tableRowCount(tbl: string): number {
    this.writeBackFields()
    return (this.st.rowCount.get(tbl) as { n: number }).n
  }
  multiHeadFields(): FieldRef[] {
    this.writeBackFields()
    return (this.st.multi.all() as { tbl: string; row_id: string; col: string }[]).map((r) => ({ tbl: r.tbl, row: r.row_id, col: r.col }))
  }
  allFields(): FieldRef[] {
    this.writeBackFields()
    return (this.st.all.all() as { tbl: string; row_id: string; col: string }[]).map((r) => ({ tbl: r.tbl, row: r.row_id, col: r.col }))
  }

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

  lastLocalSeq(): number {
    return (this.st.lastLocal.get(this.device) as { n: number | null }).n ?? 0
  }

  /**
   * The model drives localWrite directly: its op arrives here as text, so its change records are
   * written from it (in the app, mutate.ts has written them already).
   */
  appendLocal(entry: OutboxEntry): void {
    this.inTx(() => {
      if (this.st.hasRecords.get(this.device, entry.seq)) return
      const op = parseOpRecord(this.device, JSON.parse(entry.text))
      if (!op) throw new Error(`sync: unreadable local op ${entry.seq}`)
      for (const w of op.tx) {
        for (const col of Object.keys(w.set)) {
          this.st.insRecord.run(this.device, op.s, op.h, w.t, w.r, col, null, JSON.stringify(w.set[col] ?? null), JSON.stringify(w.b[col] ?? []))
        }
      }
      this.st.setHash.run(entry.hash, this.device, entry.seq)
    })
  }

  /** Re-encodes one local op from its change records; a creation (`*`) becomes one write per column. */
  private localEntry(seq: number): OutboxEntry | undefined {
    const tx = this.st.tx.get(this.device, seq) as { hash: string | null; hlc: string; schema: number } | undefined
    if (!tx) return undefined
    return this.entryFrom(seq, tx.hlc, tx.hash, tx.schema)
  }

  private entryFrom(seq: number, hlc: string, hash: string | null, schema: number): OutboxEntry {
    const text = encodeLocalOp(this.st, this.tables, this.device, seq, hlc, schema)
    const fp = this.fingerprint(text)
    // mutate.ts leaves the hash empty; fill it the first time the op is encoded.
    if (hash === null) this.st.setHash.run(fp, this.device, seq)
    return { seq, hlc, text, hash: hash ?? fp }
  }

  /** Waiting edits, for the status line (without re-encoding them). */
  unpublishedCount(): number {
    return (this.st.countAbove.get(this.device, this.lastPublished()) as { n: number }).n
  }

  unpublished(): OutboxEntry[] {
    return this.localOps(this.lastPublished() + 1, Number.MAX_SAFE_INTEGER)
  }
  localOps(from: number, to: number): OutboxEntry[] {
    type R = { seq: number; hlc: string; hash: string | null; schema: number }
    return (this.st.localRange.all(this.device, from, to) as R[]).map((r) => this.entryFrom(r.seq, r.hlc, r.hash, r.schema))
  }
  lastPublished(): number {
    return Number((this.st.state.get('sync_published') as { value: string } | undefined)?.value ?? '0')
  }
  markPublished(lastSeq: number, file: string): void {
    if (lastSeq <= this.lastPublished()) return
    this.st.setState.run('sync_published', String(lastSeq))
    this.st.setState.run('sync_published_in', file)
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

  /** Writes the registers changed in memory back to field_head and sync_ref, in key order. */
  private writeBackFields(): void {
    // Heads go in HEAD_BATCH rows per statement: one call into SQLite instead of 64 on a cold join
    // writing 240 k of them. Deletes run at once; they only ever concern the field at hand.
    const batch: (string | null)[] = []
    const flush = (): void => {
      if (batch.length === HEAD_BATCH * 7) this.insHeads().run(batch)
      else for (let i = 0; i < batch.length; i += 7) this.st.insHead.run(batch.slice(i, i + 7))
      batch.length = 0
    }
    for (const r of this.fields.rowsInOrder()) {
      for (const s of r.fields) {
        if (!s.dirty) continue
        const { tbl, row, col } = s
        if (s.storedHeads > 0) this.st.delHeads.run(tbl, row, col)
        for (const h of s.heads) {
          batch.push(tbl, row, col, h.id, h.h, JSON.stringify(h.v), JSON.stringify(h.b))
          if (batch.length === HEAD_BATCH * 7) flush()
        }
        if (s.refsDirty) {
          if (s.storedRefs > 0) this.st.delRefs.run(tbl, row, col)
          for (const id of s.refs ?? []) this.st.insRef.run(tbl, row, col, id)
        }
        s.dirty = false
        s.refsDirty = false
        s.storedHeads = s.heads.length
        s.storedRefs = s.refs?.length ?? 0
        s.touched = true
      }
    }
    flush()
  }

  private insHeadsStmt: Database.Statement | null = null
  private insHeads(): Database.Statement {
    this.insHeadsStmt ??= this.db.prepare(`INSERT INTO field_head (tbl, row_id, col, op, hlc, value, base) VALUES ${Array.from({ length: HEAD_BATCH }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`)
    return this.insHeadsStmt
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
    this.writeBackFields()
    for (const dev of this.dirtyDevs) this.st.insDevice.run(dev, this.devs.get(dev)?.hwm ?? 0)
    this.dirtyDevs = new Set()
    this.flushBatch()
    return writeWinners(this.db, this.tables, this.fields.rowsInOrder(), new Date(this.now()).toISOString())
  }
}
