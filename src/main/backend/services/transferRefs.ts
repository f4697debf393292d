import { labelOf } from '../../../core/domain/enums'
import type { RefResolver } from '../../../core/transfer/parseCell'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordCodec } from '../repo/recordCodec'

type Entry = { id: string; name: string; key: string; words: string[]; platform: string }
type Index = { ids: Set<string>; entries: Entry[]; exact: Map<string, string[]> }

/** The kinds `--create-missing` may create from a name alone (with their other fields defaulted). */
export const creatableKinds: readonly KindName[] = ['channel', 'member', 'campaign']

export type MissingRef = { kind: KindName; name: string; id: string }

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * References in a spreadsheet are written by id or by the record's name, and people shorten names:
 * "Priya Shah" is found as "Priya", the channel "Northwind blog" as "Blog" (a channel also by its
 * platform, "LinkedIn"). Order: id, then the whole name (any case), then a unique record whose name
 * starts with the text or has it as a whole word. Two or more candidates make the cell an error
 * naming them, never a guess. With `createMissing`, a name that matches nothing (for channels,
 * members and campaigns) gets a new record's id, created with the import (see `missing`).
 */
export function transferRefs(
  b: Backend,
  opts: { createMissing?: boolean } = {}
): { resolve: RefResolver; nameOf: (kind: KindName, id: string) => string; missing: MissingRef[] } {
  const cache = new Map<KindName, Index>()
  const missing: MissingRef[] = []
  const pending = new Map<string, MissingRef>()
  const load = (kind: KindName): Index => {
    const hit = cache.get(kind)
    if (hit) return hit
    const codec = recordCodec(kind)
    const titleCol = codec.byField.get(recordKinds[kind].title)?.column ?? 'id'
    const platform = kind === 'channel' ? sql`platform` : sql`''`
    const rows = b.db.all<{ id: string; title: string | null; platform: string }>(
      sql`SELECT id, ${sql.id(titleCol)} AS title, ${platform} AS platform FROM ${sql.id(codec.table)} WHERE deleted_at IS NULL`
    )
    const idx: Index = { ids: new Set(), entries: [], exact: new Map() }
    for (const r of rows) {
      idx.ids.add(r.id)
      const name = String(r.title ?? '')
      const key = norm(name)
      idx.entries.push({ id: r.id, name, key, words: key.split(/[^\p{L}\p{N}]+/u).filter(Boolean), platform: r.platform ? norm(labelOf(r.platform)) : '' })
      idx.exact.set(key, [...(idx.exact.get(key) ?? []), r.id])
    }
    cache.set(kind, idx)
    return idx
  }
  const nameOf = (kind: KindName, id: string) => load(kind).entries.find((e) => e.id === id)?.name ?? [...pending.values()].find((m) => m.id === id)?.name ?? id
  // A 100,000-row file names the same few channels and people over and over: answer each text once.
  // A map per kind, keyed by the cell's text as it is: a key joined from kind and text was a new
  // string per cell (three per row of a calendar), hashed again each time.
  const memo = new Map<KindName, Map<string, { id: string } | { error: string }>>()
  const resolve: RefResolver = (kind, text) => {
    let byText = memo.get(kind)
    if (byText === undefined) memo.set(kind, (byText = new Map()))
    let hit = byText.get(text)
    if (hit === undefined) byText.set(text, (hit = resolveOnce(kind, text)))
    return hit
  }
  const resolveOnce: RefResolver = (kind, text) => {
    const idx = load(kind)
    const label = recordKinds[kind].label.toLowerCase()
    const plural = recordKinds[kind].plural.toLowerCase()
    if (idx.ids.has(text.toUpperCase())) return { id: text.toUpperCase() }
    const key = norm(text)
    const exact = idx.exact.get(key) ?? []
    if (exact.length === 1 && exact[0] !== undefined) return { id: exact[0] }
    if (exact.length > 1) return { error: `${exact.length} ${plural} are named "${text}"; use the id` }
    const made = pending.get(`${kind}\u0000${key}`)
    if (made) return { id: made.id }
    const words = key.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
    const hits = words.length === 0 ? [] : idx.entries.filter((e) =>
      e.key.startsWith(key) || e.platform === key || words.every((w) => e.words.includes(w)))
    if (hits.length === 1 && hits[0] !== undefined) return { id: hits[0].id }
    if (hits.length > 1) {
      const names = hits.slice(0, 5).map((h) => `"${h.name}"`).join(', ')
      return { error: `"${text}" could be ${hits.length} ${plural} (${names}${hits.length > 5 ? ', …' : ''}); write the whole name` }
    }
    if (opts.createMissing && creatableKinds.includes(kind)) {
      const m: MissingRef = { kind, name: text.trim(), id: b.newId() }
      pending.set(`${kind}\u0000${key}`, m)
      missing.push(m)
      return { id: m.id }
    }
    const hint = creatableKinds.includes(kind) ? ' (--create-missing, or "Create missing" in the app, adds it)' : ''
    return { error: `No ${label} with the name or id "${text}"${hint}` }
  }
  return { resolve, nameOf, missing }
}
