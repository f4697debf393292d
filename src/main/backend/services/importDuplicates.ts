import type { KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { sql } from '../db/sql'

type Rec = Record<string, unknown>
export type DuplicateHit = { id: string | null; reason: string }

/** A URL as a key: the same page whether written with a trailing slash, another case of host, or a #fragment. */
const urlKey = (u: string): string => {
  const t = u.trim().replace(/#.*$/, '').replace(/\/+$/, '')
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?]+)(.*)$/i.exec(t)
  return m ? `${(m[1] ?? '').toLowerCase()}${m[2] ?? ''}` : t
}
/** Trimmed, lower case, each run of white space one space; the replace only where there is such a run (most titles have none). */
const norm = (s: unknown): string => {
  const t = String(s ?? '').trim().toLowerCase()
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t
}
/**
 * A key of one flat string. A template literal leaves a tree of string pieces (V8's cons strings), and
 * the map keeps every row's key for the whole import: 100k rows held ~1.2 million pieces (~40 MB).
 */
const keyOf = (...parts: string[]): string => parts.join('\u0000')

/**
 * Finds a row that repeats a record: for content the same channel, title and planned date, or the
 * same tracking link; for conversations the same URL; for influencers the same handle (email, X, LinkedIn…). Records already in the
 * workspace are loaded once; rows are remembered as they pass, so the second of two equal rows is a
 * duplicate of the first (id null: it has none yet).
 */
export function importDuplicates(b: Backend, kind: KindName): ((values: Rec, row: number, selfId: string | null) => DuplicateHit | null) | null {
  const seen = new Map<string, { id: string | null; row: number | null }>()
  const keysOf = (v: Rec): { key: string; reason: string }[] => {
    if (kind === 'content') {
      const out: { key: string; reason: string }[] = []
      if (v.title && v.plannedDate) out.push({ key: keyOf('t', String(v.channelId ?? ''), norm(v.title), String(v.plannedDate)), reason: 'same channel, title and date' })
      if (typeof v.trackingUrl === 'string' && v.trackingUrl.trim() !== '') out.push({ key: keyOf('u', v.trackingUrl.trim()), reason: `same link ${v.trackingUrl.trim()}` })
      return out
    }
    if (kind === 'conversation') return typeof v.url === 'string' && v.url.trim() !== '' ? [{ key: keyOf('u', urlKey(v.url)), reason: `same URL ${v.url.trim()}` }] : []
    const handles = v.handles !== null && typeof v.handles === 'object' ? Object.values(v.handles as Record<string, unknown>) : []
    return handles.filter((h) => norm(h) !== '').map((h) => ({ key: keyOf('h', norm(h)), reason: `same handle ${String(h)}` }))
  }
  if (kind === 'content') {
    for (const r of b.db.all<{ id: string; channel_id: string | null; title: string; planned_date: string | null; tracking_url: string }>(
      sql`SELECT id, channel_id, title, planned_date, tracking_url FROM content_item WHERE deleted_at IS NULL`
    ))
      for (const k of keysOf({ channelId: r.channel_id, title: r.title, plannedDate: r.planned_date, trackingUrl: r.tracking_url })) seen.set(k.key, { id: r.id, row: null })
  } else if (kind === 'influencer') {
    for (const r of b.db.all<{ id: string; handles: string }>(sql`SELECT id, handles FROM influencer WHERE deleted_at IS NULL`))
      for (const k of keysOf({ handles: JSON.parse(r.handles) as unknown })) seen.set(k.key, { id: r.id, row: null })
  } else if (kind === 'conversation') {
    for (const r of b.db.all<{ id: string; url: string }>(sql`SELECT id, url FROM conversation WHERE deleted_at IS NULL AND url <> ''`))
      for (const k of keysOf({ url: r.url })) seen.set(k.key, { id: r.id, row: null })
  } else return null
  return (values, row, selfId) => {
    const keys = keysOf(values)
    for (const k of keys) {
      const hit = seen.get(k.key)
      if (hit && (selfId === null || hit.id !== selfId)) return { id: hit.id, reason: `${hit.row === null ? 'already in the workspace' : `repeats row ${hit.row}`}: ${k.reason}` }
    }
    for (const k of keys) seen.set(k.key, { id: selfId, row })
    return null
  }
}
