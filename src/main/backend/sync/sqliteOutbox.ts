/**
 * The log-file half of SqliteSyncStore: this device's own ops as they go out to the folder. The
 * outbox is simply the local change_tx rows above the published mark, re-encoded from their change
 * records (mutate.ts wrote them); nothing is copied into a second table.
 */
import { parseOpRecord } from '../../../core/sync/op'
import type { OutboxEntry } from '../../../core/sync/syncStore'
import type { AppTable } from './appTables'
import { encodeLocalOp } from './encodeLocalOp'
import type { SqliteSyncStatements } from './sqliteSyncStatements'

export class SqliteOutbox {
  constructor(
    private readonly st: SqliteSyncStatements,
    private readonly tables: Map<string, AppTable>,
    private readonly device: string,
    private readonly fingerprint: (text: string) => string
  ) {}

  lastLocalSeq(): number {
    return (this.st.lastLocal.get(this.device) as { n: number | null }).n ?? 0
  }

  /**
   * The model drives localWrite directly: its op arrives here as text, so its change records are
   * written from it (in the app, mutate.ts has written them already). Call inside a transaction.
   */
  append(entry: OutboxEntry): void {
    if (this.st.hasRecords.get(this.device, entry.seq)) return
    const op = parseOpRecord(this.device, JSON.parse(entry.text))
    if (!op) throw new Error(`sync: unreadable local op ${entry.seq}`)
    for (const w of op.tx) {
      for (const col of Object.keys(w.set)) {
        this.st.insRecord.run(this.device, op.s, op.h, w.t, w.r, col, null, JSON.stringify(w.set[col] ?? null), JSON.stringify(w.b[col] ?? []))
      }
    }
    this.st.setHash.run(entry.hash, this.device, entry.seq)
  }

  /** Re-encodes one local op from its change records; a creation (`*`) becomes one write per column. */
  entry(seq: number): OutboxEntry | undefined {
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
}
