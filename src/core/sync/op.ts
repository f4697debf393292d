/**
 * The replicated unit of change (SYNC.md §2.3): one op is one user transaction, identified by
 * `dev:seq`, stamped with one HLC, touching one or more fields of one or more rows. Each touched
 * field names the op ids it supersedes (`b`), which is what makes the merge causal.
 * Pure: no Node, no DOM.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** The writes of one op to one row: new values per column, and per column the superseded op ids. */
export type RowWrite = {
  t: string
  r: string
  set: Record<string, Json>
  b: Record<string, string[]>
}

export type Op = {
  /** device id, 16 hex; carried by the file header on the wire, not by each line */
  d: string
  /** contiguous per device, from 1 */
  s: number
  /** HLC stamp of the transaction */
  h: string
  tx: RowWrite[]
  /** data schema version the writer had */
  x: number
  /** author (display only) */
  u?: string
}

/** An op as read from somewhere, with the hash of its canonical record text (fork detection). */
export type ReceivedOp = { op: Op; hash: string }

/** Column name of the tombstone register; `true` deletes the row, `false` restores it. */
export const DELETED_COLUMN = '_deleted'

export function opId(dev: string, seq: number): string {
  return `${dev}:${seq}`
}

export function parseOpId(id: string): { dev: string; seq: number } | null {
  // Hot path (every base pointer of every op): no regex, just the fixed shape.
  if (id.length < 18 || id.charCodeAt(16) !== 58) return null
  const seq = Number(id.slice(17))
  return Number.isSafeInteger(seq) && seq > 0 ? { dev: id.slice(0, 16), seq } : null
}

function sortedRecord<T>(obj: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const key of Object.keys(obj).sort()) out[key] = obj[key] as T
  return out
}

/**
 * Canonical record text (without `d`, which the file header carries). Key order is fixed so that
 * the same op re-encoded into a sealed segment hashes identically to its original chunk line.
 */
export function encodeOpRecord(op: Op): string {
  const rec: { s: number; h: string; tx: RowWrite[]; x: number; u?: string } = {
    s: op.s,
    h: op.h,
    tx: op.tx.map((w) => ({ t: w.t, r: w.r, set: sortedRecord(w.set), b: sortedRecord(w.b) })),
    x: op.x
  }
  if (op.u !== undefined) rec.u = op.u
  return JSON.stringify(rec)
}

/**
 * 53-bit string hash (cyrb53) as 14 hex chars. Used only to tell two different ops that claim the
 * same `dev:seq` apart (a cloned profile), so speed matters more than cryptographic strength;
 * file integrity is the job of CRC-32, SHA-256 and GCM in the backend.
 */
export function opHash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0)
  return n.toString(16).padStart(14, '0')
}

/** Validates the shape of a parsed record; the wire is untrusted input. */
export function parseOpRecord(dev: string, value: unknown): Op | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const rec = value as Record<string, unknown>
  const { s, h, tx, x, u } = rec
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 1) return null
  if (typeof h !== 'string' || !/^[0-9a-f]{32}$/.test(h)) return null
  if (typeof x !== 'number' || !Array.isArray(tx)) return null
  if (u !== undefined && typeof u !== 'string') return null
  for (const w of tx as unknown[]) {
    if (typeof w !== 'object' || w === null) return null
    const rw = w as Record<string, unknown>
    if (typeof rw.t !== 'string' || typeof rw.r !== 'string') return null
    if (typeof rw.set !== 'object' || rw.set === null || typeof rw.b !== 'object' || rw.b === null) return null
    for (const ids of Object.values(rw.b as Record<string, unknown>)) {
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return null
    }
  }
  const op: Op = { d: dev, s, h, tx: tx as RowWrite[], x }
  if (typeof u === 'string') op.u = u
  return op
}
