import type { RefResolver } from '../../../core/transfer/parseCell'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordCodec } from '../repo/recordCodec'

type Index = { ids: Set<string>; byName: Map<string, string[]>; names: Map<string, string> }

/**
 * References in a spreadsheet are written by id or by the record's name ("Priya Shah", "Company
 * blog"). Names are matched without regard to case; two records with the same name make the cell
 * ask for the id instead of guessing.
 */
export function transferRefs(b: Backend): { resolve: RefResolver; nameOf: (kind: KindName, id: string) => string } {
  const cache = new Map<KindName, Index>()
  const load = (kind: KindName): Index => {
    const hit = cache.get(kind)
    if (hit) return hit
    const codec = recordCodec(kind)
    const titleCol = codec.byField.get(recordKinds[kind].title)?.column ?? 'id'
    const rows = b.db.all<{ id: string; title: string | null }>(
      sql`SELECT id, ${sql.id(titleCol)} AS title FROM ${sql.id(codec.table)} WHERE deleted_at IS NULL`
    )
    const idx: Index = { ids: new Set(), byName: new Map(), names: new Map() }
    for (const r of rows) {
      idx.ids.add(r.id)
      const name = String(r.title ?? '')
      idx.names.set(r.id, name)
      const k = name.trim().toLowerCase()
      idx.byName.set(k, [...(idx.byName.get(k) ?? []), r.id])
    }
    cache.set(kind, idx)
    return idx
  }
  const resolve: RefResolver = (kind, text) => {
    const idx = load(kind)
    const label = recordKinds[kind].label.toLowerCase()
    if (idx.ids.has(text.toUpperCase())) return { id: text.toUpperCase() }
    const hits = idx.byName.get(text.trim().toLowerCase()) ?? []
    if (hits.length === 1 && hits[0] !== undefined) return { id: hits[0] }
    if (hits.length > 1) return { error: `${hits.length} ${recordKinds[kind].plural.toLowerCase()} are named "${text}"; use the id` }
    return { error: `No ${label} with the name or id "${text}"` }
  }
  return { resolve, nameOf: (kind, id) => load(kind).names.get(id) ?? id }
}
