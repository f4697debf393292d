/**
 * In-memory SyncStore for tests and benchmarks. Behaviourally the reference for the SQLite store of
 * phase 2: anything it does, the SQLite store must do too (the same property suite will run on both).
 */
import type { HlcState } from './hlc'
import { opHash } from './op'
import type {
  FieldHead,
  FieldRef,
  FileCacheEntry,
  ForkRecord,
  GapRecord,
  OutboxEntry,
  ParkedWrite,
  SyncStore
} from './syncStore'

/** `refs` is created on first use: most fields never see an ancestor arrive late. */
type FieldState = FieldRef & { key: string; heads: Map<string, FieldHead>; refs: Set<string> | undefined }

type DeviceReceipt = { hashes: (string | undefined)[]; hwm: number }

/** tables → columns this "app version" knows; null means "accept every table and column". */
export type SchemaCatalog = Map<string, Set<string>> | null

const SEP = '\u0000'

export class MemorySyncStore implements SyncStore {
  readonly device: string
  schema: SchemaCatalog
  private hlc: HlcState
  private readonly fields = new Map<string, FieldState>()
  private readonly rows = new Map<string, Map<string, Set<string>>>()
  private readonly multi = new Set<string>()
  private readonly receipts = new Map<string, DeviceReceipt>()
  private parkedWrites: ParkedWrite[] = []
  private readonly forkList: ForkRecord[] = []
  private readonly outbox: OutboxEntry[] = []
  private published = 0
  private readonly files = new Map<string, FileCacheEntry>()
  private readonly gapList = new Map<string, GapRecord>()
  /** Where each published range went; tests read it to check the outbox drains. */
  readonly publishedIn: { lastSeq: number; file: string }[] = []

  private readonly hashText: (text: string) => string
  private memoState: FieldState | undefined

  constructor(device: string, schema: SchemaCatalog = null, hashText: (text: string) => string = opHash) {
    this.device = device
    this.schema = schema
    this.hashText = hashText
    this.hlc = { millis: 0, counter: 0, device }
  }

  transaction<T>(fn: () => T): T {
    return fn()
  }

  clock(): HlcState {
    return this.hlc
  }
  setClock(state: HlcState): void {
    this.hlc = state
  }

  fingerprint(text: string): string {
    return this.hashText(text)
  }

  knowsColumn(tbl: string, col: string): boolean {
    if (this.schema === null) return true
    return this.schema.get(tbl)?.has(col) ?? false
  }

  private receipt(dev: string): DeviceReceipt {
    let r = this.receipts.get(dev)
    if (!r) {
      r = { hashes: [], hwm: 0 }
      this.receipts.set(dev, r)
    }
    return r
  }
  receivedHash(dev: string, seq: number): string | undefined {
    return this.receipts.get(dev)?.hashes[seq]
  }
  markReceived(dev: string, seq: number, hash: string): void {
    const r = this.receipt(dev)
    r.hashes[seq] = hash
    while (r.hashes[r.hwm + 1] !== undefined) r.hwm++
  }
  highWaterMark(dev: string): number {
    return this.receipts.get(dev)?.hwm ?? 0
  }
  knownDevices(): string[] {
    return [...this.receipts.keys()].sort()
  }

  private field(f: FieldRef, create: boolean): FieldState | undefined {
    // The merge calls heads/removeHead/hasRef/putHead for the same field in a row; remembering
    // the last lookup saves building and hashing the key four times per write.
    const m = this.memoState
    if (m && f.tbl === m.tbl && f.row === m.row && f.col === m.col) return m
    const key = f.tbl + SEP + f.row + SEP + f.col
    let s = this.fields.get(key)
    if (!s && create) {
      s = { key, tbl: f.tbl, row: f.row, col: f.col, heads: new Map(), refs: undefined }
      this.fields.set(key, s)
    }
    this.memoState = s
    return s
  }
  private touchMulti(s: FieldState): void {
    if (s.heads.size > 1) this.multi.add(s.key)
    else if (this.multi.size > 0) this.multi.delete(s.key)
  }
  heads(f: FieldRef): FieldHead[] {
    const s = this.field(f, false)
    return s ? [...s.heads.values()] : []
  }
  putHead(f: FieldRef, head: FieldHead): void {
    const s = this.field(f, true)
    if (!s) return
    s.heads.set(head.id, head)
    this.touchMulti(s)
    let table = this.rows.get(f.tbl)
    if (!table) {
      table = new Map()
      this.rows.set(f.tbl, table)
    }
    let cols = table.get(f.row)
    if (!cols) {
      cols = new Set()
      table.set(f.row, cols)
    }
    cols.add(f.col)
  }
  removeHead(f: FieldRef, id: string): void {
    const s = this.field(f, false)
    if (!s) return
    s.heads.delete(id)
    this.touchMulti(s)
  }
  hasRef(f: FieldRef, id: string): boolean {
    return this.field(f, false)?.refs?.has(id) ?? false
  }
  addRef(f: FieldRef, id: string): void {
    const s = this.field(f, true)
    if (!s) return
    s.refs ??= new Set()
    s.refs.add(id)
  }
  deleteRef(f: FieldRef, id: string): void {
    this.field(f, false)?.refs?.delete(id)
  }
  rowColumns(tbl: string, row: string): string[] {
    return [...(this.rows.get(tbl)?.get(row) ?? [])].sort()
  }
  tableRowCount(tbl: string): number {
    return this.rows.get(tbl)?.size ?? 0
  }
  multiHeadFields(): FieldRef[] {
    const out: FieldRef[] = []
    for (const key of this.multi) {
      const s = this.fields.get(key)
      if (s) out.push({ tbl: s.tbl, row: s.row, col: s.col })
    }
    return out
  }
  allFields(): FieldRef[] {
    const out: FieldRef[] = []
    for (const s of this.fields.values()) if (s.heads.size > 0) out.push({ tbl: s.tbl, row: s.row, col: s.col })
    return out
  }
  /** Count of remembered refs, to check that pruning keeps memory bounded. */
  refCount(): number {
    let n = 0
    for (const s of this.fields.values()) n += s.refs?.size ?? 0
    return n
  }

  park(write: ParkedWrite): void {
    this.parkedWrites.push(write)
  }
  parked(): ParkedWrite[] {
    return [...this.parkedWrites]
  }
  unpark(writes: readonly ParkedWrite[]): void {
    const gone = new Set(writes)
    this.parkedWrites = this.parkedWrites.filter((w) => !gone.has(w))
  }

  recordFork(fork: ForkRecord): void {
    this.forkList.push(fork)
  }
  forks(): ForkRecord[] {
    return [...this.forkList]
  }

  lastLocalSeq(): number {
    return this.outbox.length === 0 ? 0 : (this.outbox[this.outbox.length - 1]?.seq ?? 0)
  }
  appendLocal(entry: OutboxEntry): void {
    this.outbox.push(entry)
  }
  unpublished(): OutboxEntry[] {
    return this.outbox.filter((e) => e.seq > this.published)
  }
  /** Every local op, published or not (sealing re-encodes the published range). */
  localOps(from: number, to: number): OutboxEntry[] {
    return this.outbox.filter((e) => e.seq >= from && e.seq <= to)
  }
  lastPublished(): number {
    return this.published
  }
  markPublished(lastSeq: number, file: string): void {
    if (lastSeq > this.published) this.published = lastSeq
    this.publishedIn.push({ lastSeq, file })
  }

  fileState(path: string): FileCacheEntry | undefined {
    return this.files.get(path)
  }
  setFileState(entry: FileCacheEntry): void {
    this.files.set(entry.path, entry)
  }
  clearFileCache(): void {
    this.files.clear()
  }
  gaps(): GapRecord[] {
    return [...this.gapList.values()]
  }
  setGap(gap: GapRecord): void {
    this.gapList.set(`${gap.dev}:${gap.from}`, gap)
  }
  clearGap(dev: string, from: number): void {
    this.gapList.delete(`${dev}:${from}`)
  }
}
