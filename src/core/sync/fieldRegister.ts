/**
 * Per-field multi-value register (SYNC.md §2.6). A field's state is its heads (received ops that
 * no received op supersedes) plus refs (superseded ids that have not arrived yet). Both depend only
 * on the set of ops received, so the result is the same in any order, with duplicates, and with
 * partial views. Ancestors can never win because they are never heads, whatever their clocks say.
 */
import type { Json } from './op'
import { parseOpId } from './op'
import type { FieldHead, FieldRef, FieldWrite } from './fieldTypes'
import type { SyncStore } from './syncStore'

export type { FieldWrite } from './fieldTypes'

function opReceived(store: SyncStore, id: string): boolean {
  const parsed = parseOpId(id)
  return parsed !== null && store.receivedHash(parsed.dev, parsed.seq) !== undefined
}

/**
 * Applies one write of one op to one field. Receipt (idempotence) is the caller's business.
 * `supersededInBatch` lists ids superseded by other writes applied in the same call batch; the
 * pending replay needs it because parked writes of one field arrive together and in any order.
 */
export function applyFieldWrite(
  store: SyncStore,
  f: FieldRef,
  w: FieldWrite,
  supersededInBatch?: ReadonlySet<string>
): void {
  const current = w.b.length > 0 ? store.heads(f) : []
  for (const id of w.b) {
    if (current.some((head) => head.id === id)) store.removeHead(f, id)
    // Only ids we have not received need remembering: a received op is either applied here
    // already (and so superseded now) or never writes this field.
    else if (!opReceived(store, id)) store.addRef(f, id)
  }
  if (store.hasRef(f, w.id)) {
    // A descendant arrived first: this op is an ancestor and must not become a head.
    store.deleteRef(f, w.id)
    return
  }
  if (supersededInBatch?.has(w.id)) return
  store.putHead(f, { id: w.id, h: w.h, v: w.v, b: [...w.b] })
}

/** The displayed head: highest HLC among heads only (ids break exact ties, e.g. forks). */
export function winnerOf(heads: readonly FieldHead[]): FieldHead | undefined {
  let best: FieldHead | undefined
  for (const head of heads) {
    if (!best || head.h > best.h || (head.h === best.h && head.id > best.id)) best = head
  }
  return best
}

export function valueKey(v: Json): string {
  return JSON.stringify(v)
}

/** A true conflict: the heads hold at least two distinct values (equal values auto-merge). */
export function isConflict(heads: readonly FieldHead[]): boolean {
  if (heads.length < 2) return false
  const first = valueKey(heads[0]?.v ?? null)
  return heads.some((head) => valueKey(head.v) !== first)
}
