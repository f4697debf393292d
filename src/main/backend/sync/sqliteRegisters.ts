/**
 * The merge half of SqliteSyncStore: the field registers (heads and refs) of the fields a transaction
 * touches, loaded once, merged in memory and written back to field_head and sync_ref at commit in key
 * order. That is what makes a cold replay of a million ops affordable (the bulk path of SYNC.md §2.6).
 * The store owns receipts and the transaction; it lends this class what the merge needs to ask it.
 */
import type Database from 'better-sqlite3'
import { applyFieldWrite } from '../../../core/sync/fieldRegister'
import type { FieldHead, FieldRef, FieldWrite } from '../../../core/sync/fieldTypes'
import type { Json, Op } from '../../../core/sync/op'
import { parseOpId } from '../../../core/sync/op'
import type { SyncStore } from '../../../core/sync/syncStore'
import { emptyFieldState, FieldCache, PackedHead } from './fieldCache'
import type { FieldState } from './fieldCache'
import { loadFieldStates } from './loadFieldStates'
import type { SqliteSyncStatements } from './sqliteSyncStatements'

/** Fields asked for at once above which prefetch scans the stored row keys instead of probing each. */
const STORED_ROWS_AFTER = 5000
/** Head rows per INSERT when writing registers back (7 values each, far below SQLite's limit). */
const HEAD_BATCH = 64

/** What the registers ask of the store that owns them. */
export type RegisterHost = {
  readonly device: string
  /** Inside a transaction: registers are cached and written back at its end. */
  inTransaction(): boolean
  /** Runs `fn` in a transaction even when the caller did not open one. */
  inTx(fn: () => void): void
  isReceived(id: string): boolean
  /** A bulk batch: no per-field history rows, heads may be packed and rewritten in place. */
  isBulk(): boolean
  /** A teammate's write became a head: the store keeps it for the batch's history rows. */
  rememberRemoteHead(dev: string, seq: number, f: FieldRef, head: FieldHead): void
  /** The port itself, for the plain applyFieldWrite path outside a transaction. */
  readonly port: SyncStore
}

function parseJson(text: string | null): Json {
  return text === null ? null : (JSON.parse(text) as Json)
}

export class SqliteRegisters {
  private fields = new FieldCache()
  /** The field state asked for last (see field); valid only inside the transaction that loaded it. */
  private last: FieldState | null = null
  /** Rows with stored heads or refs (table → row ids) when first needed by prefetch; null until then. */
  private storedRows: Map<string, Set<string>> | null = null
  /** Fields prefetched in this transaction: past STORED_ROWS_AFTER it is a bulk pull. */
  private prefetched = 0
  private insHeadsStmt: Database.Statement | null = null

  constructor(
    private readonly db: Database.Database,
    private readonly st: SqliteSyncStatements,
    private readonly host: RegisterHost
  ) {}

  /** Caches live for one transaction: a rollback must not leave them ahead of the database. */
  reset(): void {
    this.fields = new FieldCache()
    this.last = null
    this.storedRows = null
    this.prefetched = 0
  }

  /** The registers of this transaction in key order (their winners go to the app rows). */
  rowsInOrder(): ReturnType<FieldCache['rowsInOrder']> {
    return this.fields.rowsInOrder()
  }

  private field(f: FieldRef): FieldState {
    // The merge asks about one field several times in a row (heads, refs, put, remove) with the same
    // ref: answering from the last state saves the lookups.
    const last = this.last
    if (last !== null && last.col === f.col && last.row === f.row && last.tbl === f.tbl) return last
    const inTx = this.host.inTransaction()
    let s = this.fields.get(f.tbl, f.row, f.col)
    if (!s && inTx && this.storedRows !== null && this.storedRows.get(f.tbl)?.has(f.row) !== true) {
      // A bulk pull knows which rows have anything stored: a register of any other row starts empty.
      s = this.fields.add(f)
    } else if (!s) {
      s = inTx ? this.fields.add(f) : emptyFieldState(f.tbl, f.row, f.col)
      for (const r of this.st.heads.all(f.tbl, f.row, f.col) as { op: string; hlc: string; value: string | null; base: string }[]) {
        s.heads.push({ id: r.op, h: r.hlc, v: parseJson(r.value), b: JSON.parse(r.base) as string[] })
      }
      const refs = (this.st.refs.all(f.tbl, f.row, f.col) as { op: string }[]).map((r) => r.op)
      s.refs = refs.length > 0 ? refs : null
      s.storedHeads = s.heads.length
      s.storedRefs = refs.length
    }
    if (inTx) this.last = s
    return s
  }

  /**
   * Loads the registers of a batch's fields with a few set queries instead of two point queries per
   * field from JS. A bulk pull (a join, a long absence) mostly touches rows this database has never
   * stored: past the first few thousand fields, one scan of the stored row ids spares a lookup per
   * field. A small pull looks them all up and never pays for the scan.
   */
  prefetch(ops: readonly Op[]): void {
    if (!this.host.inTransaction()) return
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
    const run = (): void => {
      const s = this.field(f)
      fn(s)
      s.dirty = true
    }
    if (this.host.inTransaction()) run()
    else this.host.inTx(run)
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
    if (!this.host.inTransaction()) {
      applyFieldWrite(this.host.port, f, w)
      return
    }
    const s = this.field(f)
    // The commonest write of a bulk pull: it supersedes the field's one head. Rewriting that head in
    // place gives the same register without a new head and array per write, which (once promoted)
    // were most of the garbage a cold join left for the old generation. Only in bulk batches: a
    // small batch keeps each head object for its history row.
    const bulk = this.host.isBulk() && w.dev !== undefined && w.seq !== undefined
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
        } else if (!this.host.isReceived(id)) {
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
    if (parsed && parsed.dev !== this.host.device && !this.host.isBulk()) this.host.rememberRemoteHead(parsed.dev, parsed.seq, { tbl: f.tbl, row: f.row, col: f.col }, head)
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
    const added = theirs.heads.filter((h) => !myIds.has(h.id) && !this.host.isReceived(h.id) && !myRefs.has(h.id))
    const refs = [...new Set([...myRefs, ...theirRefs])].filter((id) => !this.host.isReceived(id) && !theyReceived(id)).sort()
    const sameRefs = refs.length === myRefs.size && refs.every((id) => myRefs.has(id))
    if (mine.length === s.heads.length && added.length === 0 && sameRefs) return
    s.heads = [...mine, ...added]
    s.refs = refs.length > 0 ? refs : null
    s.refsDirty = true
    s.dirty = true
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
    // written at the end of the batch; see the store's flushBatch for why a bulk batch skips it.
    if (parsed && parsed.dev !== this.host.device && !this.host.isBulk()) this.host.rememberRemoteHead(parsed.dev, parsed.seq, { ...f }, head)
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

  /** Writes the registers changed in memory back to field_head and sync_ref, in key order. */
  writeBack(): void {
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

  private insHeads(): Database.Statement {
    this.insHeadsStmt ??= this.db.prepare(`INSERT INTO field_head (tbl, row_id, col, op, hlc, value, base) VALUES ${Array.from({ length: HEAD_BATCH }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`)
    return this.insHeadsStmt
  }
}
