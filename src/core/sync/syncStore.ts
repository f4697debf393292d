/**
 * The port between the sync engine and local persistence. The engine (receiveOps, localWrite,
 * replayPending, the folder glue in the backend) only ever talks to this type, so the in-memory
 * implementation used by the tests and the SQLite implementation of phase 2 are interchangeable.
 *
 * Every method is synchronous on purpose: better-sqlite3 is synchronous, and a batch must run inside
 * one `transaction` so that a crash never leaves heads, refs and the high-water mark out of step.
 */
import type { HlcState } from './hlc'
import type { FieldHead, FieldRef, FieldWrite } from './fieldTypes'
import type { Json, Op } from './op'

export type { FieldHead, FieldRef } from './fieldTypes'

/** A field write parked because this app version does not know its table or column. */
export type ParkedWrite = FieldRef & { id: string; h: string; v: Json; b: string[]; x: number }

/** Two different ops seen under one `dev:seq`: a cloned profile or a restored backup. */
export type ForkRecord = { dev: string; seq: number; keptHash: string; otherHash: string; other: Op }

/** A local op not yet verified in the shared folder. `text` is the canonical record JSON. */
export type OutboxEntry = { seq: number; hlc: string; text: string; hash: string }

/** Folder cache: `done` files are sealed, complete and fully applied, so they are never re-read. */
export type FileCacheEntry = { path: string; size: number; mtimeMs: number; state: 'done' | 'partial' | 'foreign' | 'newer' }

/** A seq range a file claimed but that could not be read whole; retried with backoff. */
export type GapRecord = { dev: string; from: number; to: number; path: string; tries: number; nextTry: number }

export type SyncStore = {
  /** This device's id (16 hex). */
  readonly device: string
  transaction<T>(fn: () => T): T

  clock(): HlcState
  setClock(state: HlcState): void

  /** Schema catalogue of this app version; unknown table or column means "park, do not drop". */
  knowsColumn(tbl: string, col: string): boolean

  /**
   * Fingerprint of an op's canonical record text, for fork detection. Local and remote ops must use
   * the same function; a Node store can use a native hash, the core fallback is `opHash`.
   */
  fingerprint(text: string): string
  /** Hash of the op received as dev:seq, or undefined when not received. */
  receivedHash(dev: string, seq: number): string | undefined
  markReceived(dev: string, seq: number, hash: string, hlc: string): void
  /** Contiguous high-water mark: every seq ≤ it has been received. */
  highWaterMark(dev: string): number
  knownDevices(): string[]

  /**
   * Optional hint before a batch: the fields it is about to write. A database store loads their
   * registers in a few set queries; the result must be exactly what `heads`/`hasRef` would return.
   */
  prefetch?(ops: readonly Op[]): void
  /**
   * Optional: applyFieldWrite done by the store on its own register in one lookup (a cold join
   * makes a million of these calls). It must leave exactly the register applyFieldWrite would; the
   * model property tests compare the SQLite store, which has it, with the reference on every run.
   */
  applyWrite?(f: FieldRef, w: FieldWrite): void
  heads(f: FieldRef): readonly FieldHead[]
  putHead(f: FieldRef, head: FieldHead): void
  removeHead(f: FieldRef, id: string): void
  /** Refs are kept only for ids not yet applied to that field (SYNC.md sync_ref). */
  hasRef(f: FieldRef, id: string): boolean
  addRef(f: FieldRef, id: string): void
  deleteRef(f: FieldRef, id: string): void
  /** Columns of a row that have at least one head (the delete op's base spans all of them). */
  rowColumns(tbl: string, row: string): string[]
  tableRowCount(tbl: string): number
  /** Fields with two or more heads: the candidates for the review inbox. */
  multiHeadFields(): FieldRef[]
  allFields(): FieldRef[]

  park(write: ParkedWrite): void
  parked(): ParkedWrite[]
  unpark(writes: readonly ParkedWrite[]): void

  recordFork(fork: ForkRecord): void
  forks(): ForkRecord[]

  /** Seq of the last local op (0 when none). */
  lastLocalSeq(): number
  appendLocal(entry: OutboxEntry): void
  /** Local ops with seq above lastPublished, ascending. They survive any crash until published. */
  unpublished(): OutboxEntry[]
  /** Local ops in [from, to], published or not: sealing re-encodes an already published range. */
  localOps(from: number, to: number): OutboxEntry[]
  lastPublished(): number
  markPublished(lastSeq: number, file: string): void

  fileState(path: string): FileCacheEntry | undefined
  setFileState(entry: FileCacheEntry): void
  gaps(): GapRecord[]
  setGap(gap: GapRecord): void
  clearGap(dev: string, from: number): void
}
