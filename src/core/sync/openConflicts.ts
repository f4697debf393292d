/**
 * The "Needs review" inbox derived from field heads (SYNC.md §2.8). It depends only on the heads,
 * so every replica that received the same ops shows the same items.
 */
import { isConflict, valueKey, winnerOf } from './fieldRegister'
import { DELETED_COLUMN } from './op'
import type { FieldHead, FieldRef, SyncStore } from './syncStore'

export type ConflictItem =
  | (FieldRef & { kind: 'field'; heads: FieldHead[]; shown: string })
  /** A row deleted while another field was edited concurrently: offer Restore or Keep deleted. */
  | { kind: 'deleted-while-edited'; tbl: string; row: string; deletedBy: string[]; editedBy: string[] }

function sortHeads(heads: readonly FieldHead[]): FieldHead[] {
  return [...heads].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function deletedWhileEdited(store: SyncStore, tbl: string, row: string): ConflictItem | null {
  const delHeads = store.heads({ tbl, row, col: DELETED_COLUMN })
  if (winnerOf(delHeads)?.v !== true) return null
  const deletes = delHeads.filter((h) => h.v === true)
  const seen = new Set<string>()
  for (const d of deletes) for (const id of d.b) seen.add(id)
  const edited = new Set<string>()
  for (const col of store.rowColumns(tbl, row)) {
    if (col === DELETED_COLUMN) continue
    for (const head of store.heads({ tbl, row, col })) if (!seen.has(head.id)) edited.add(head.id)
  }
  if (edited.size === 0) return null
  return { kind: 'deleted-while-edited', tbl, row, deletedBy: deletes.map((d) => d.id).sort(), editedBy: [...edited].sort() }
}

export function openConflicts(store: SyncStore): ConflictItem[] {
  const items: ConflictItem[] = []
  for (const f of store.multiHeadFields()) {
    const heads = store.heads(f)
    if (!isConflict(heads)) continue
    items.push({ kind: 'field', ...f, heads: sortHeads(heads), shown: winnerOf(heads)?.id ?? '' })
  }
  for (const f of store.allFields()) {
    if (f.col !== DELETED_COLUMN) continue
    const item = deletedWhileEdited(store, f.tbl, f.row)
    if (item) items.push(item)
  }
  const key = (c: ConflictItem): string => `${c.kind}\u0000${c.tbl}\u0000${c.row}\u0000${c.kind === 'field' ? c.col : ''}`
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

/** Stable text of an inbox, for comparing replicas. */
export function conflictsKey(items: readonly ConflictItem[]): string {
  return items
    .map((c) =>
      c.kind === 'field'
        ? `F ${c.tbl}/${c.row}/${c.col} ${c.heads.map((h) => `${h.id}=${valueKey(h.v)}`).join(',')}`
        : `D ${c.tbl}/${c.row} ${c.deletedBy.join(',')} ${c.editedBy.join(',')}`
    )
    .join('\n')
}
