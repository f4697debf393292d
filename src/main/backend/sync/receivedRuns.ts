/**
 * The received set of teammates' ops as compact runs (table sync_received, migration 7): one row per
 * device and contiguous seq range received in one batch, holding the ops' fingerprints end to end.
 * A cold join of a million ops writes a few hundred rows instead of a million change_tx rows, yet
 * every received dev:seq keeps its fingerprint, so fork detection and idempotence are unchanged.
 *
 * Run boundaries of a device are loaded once and binary-searched; a run's fingerprint text is read
 * only when a seq inside it is asked for. Caches are dropped by `reset` at the end of every
 * transaction, so a rollback can never leave them ahead of the database.
 */
import type Database from 'better-sqlite3'

type Run = { from: number; to: number; width: number; hashes: string | null }

export class ReceivedRuns {
  private byDev = new Map<string, Run[]>()
  private readonly bounds: Database.Statement
  private readonly text: Database.Statement
  private readonly ins: Database.Statement

  constructor(db: Database.Database) {
    this.bounds = db.prepare(`SELECT from_seq, to_seq, width FROM sync_received WHERE dev = ? ORDER BY from_seq`)
    this.text = db.prepare(`SELECT hashes FROM sync_received WHERE dev = ? AND from_seq = ?`)
    this.ins = db.prepare(`INSERT INTO sync_received (dev, from_seq, to_seq, width, hashes) VALUES (?, ?, ?, ?, ?)`)
  }

  reset(): void {
    this.byDev = new Map()
  }

  private runs(dev: string): Run[] {
    let runs = this.byDev.get(dev)
    if (!runs) {
      type R = { from_seq: number; to_seq: number; width: number }
      runs = (this.bounds.all(dev) as R[]).map((r) => ({ from: r.from_seq, to: r.to_seq, width: r.width, hashes: null }))
      this.byDev.set(dev, runs)
    }
    return runs
  }

  private fill(dev: string, run: Run): string {
    if (run.hashes === null) run.hashes = (this.text.get(dev, run.from) as { hashes: string }).hashes
    return run.hashes
  }

  /** Fingerprint of dev:seq if a run holds it. */
  hashAt(dev: string, seq: number): string | undefined {
    const runs = this.runs(dev)
    let lo = 0
    let hi = runs.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const run = runs[mid] as Run
      if (seq < run.from) hi = mid - 1
      else if (seq > run.to) lo = mid + 1
      else {
        const at = (seq - run.from) * run.width
        return this.fill(dev, run).slice(at, at + run.width)
      }
    }
    return undefined
  }

  /** Every received seq above `hwm` (runs beyond a gap), with its fingerprint. */
  above(dev: string, hwm: number): [number, string][] {
    const out: [number, string][] = []
    for (const run of this.runs(dev)) {
      if (run.to <= hwm) continue
      const text = this.fill(dev, run)
      for (let seq = Math.max(run.from, hwm + 1); seq <= run.to; seq++) {
        const at = (seq - run.from) * run.width
        out.push([seq, text.slice(at, at + run.width)])
      }
    }
    return out
  }

  /**
   * Records newly received ops of one device, sorted by seq and not received before. A run breaks
   * at every seq gap and wherever the fingerprint width changes (fixed width keeps lookup O(1)).
   */
  add(dev: string, entries: readonly (readonly [number, string])[]): void {
    let i = 0
    while (i < entries.length) {
      const [from, first] = entries[i] as readonly [number, string]
      const parts = [first]
      let to = from
      while (i + parts.length < entries.length) {
        const [seq, hash] = entries[i + parts.length] as readonly [number, string]
        if (seq !== to + 1 || hash.length !== first.length) break
        parts.push(hash)
        to = seq
      }
      this.ins.run(dev, from, to, first.length, parts.join(''))
      i += parts.length
    }
    this.byDev.delete(dev)
  }
}
