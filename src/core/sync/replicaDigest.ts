/**
 * Canonical dump of a replica's replicated state (SYNC.md I1): per field, the displayed value and
 * every head. Two replicas with equal digests show the same tables and the same review inbox.
 */
import { valueKey, winnerOf } from './fieldRegister'
import type { Json } from './op'
import type { FieldRef, SyncStore } from './syncStore'

export function fieldValue(store: SyncStore, f: FieldRef): Json | undefined {
  return winnerOf(store.heads(f))?.v
}

export function replicaDigest(store: SyncStore): string {
  const lines: string[] = []
  for (const f of store.allFields()) {
    const heads = [...store.heads(f)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    if (heads.length === 0) continue
    const shown = winnerOf(heads)
    lines.push(
      `${f.tbl}/${f.row}/${f.col} = ${valueKey(shown?.v ?? null)} [${heads.map((h) => `${h.id}@${h.h}:${valueKey(h.v)}`).join(' ')}]`
    )
  }
  for (const p of store.parked()) lines.push(`parked ${p.tbl}/${p.row}/${p.col} ${p.id}`)
  return lines.sort().join('\n')
}
