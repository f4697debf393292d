/**
 * The Needs review inbox (SYNC.md §2.8): derived from the field heads, so it is the same on every
 * device that received the same ops, plus the bulk deletions noted while pulling. Every resolution
 * goes through the one write path as a local op whose base is all current heads, which is what
 * clears the item on every replica once it syncs.
 */
import { ApiError } from '../../../core/api/apiError'
import type { SyncReviewItem } from '../../../core/api/methods/syncMethods'
import { kindNames, recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { parseHlc } from '../../../core/sync/hlc'
import { fieldLabel } from '../../../core/transfer/transferFields'
import type { Json } from '../../../core/sync/op'
import { parseOpId } from '../../../core/sync/op'
import { openConflicts } from '../../../core/sync/openConflicts'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import type { Change } from '../mutate'
import { checkRecordDelete, checkRecordWrite } from '../people/recordAccess'
import { recordCodec } from '../repo/recordCodec'
import { recordRepo } from '../repo/recordRepo'
import { bulkCreationOf } from '../bulkCreations'
import { syncStateOf } from './syncService'
import { hostname } from 'node:os'

const kindOfTable = new Map<string, KindName>(kindNames.map((k) => [recordKinds[k].table, k]))

function kindOf(tbl: string): KindName {
  const kind = kindOfTable.get(tbl)
  if (!kind) throw new ApiError('not_found', `Records of ${tbl} cannot be reviewed in this version`)
  return kind
}

function deviceNames(b: Backend): Map<string, string> {
  const s = syncStateOf(b)
  const names = new Map(s.peers.map((p) => [p.dev, p.name || `Device ${p.dev.slice(0, 6)}`]))
  names.set(b.ws.deviceId, b.settings.get().deviceName || hostname())
  return names
}

const who = (names: Map<string, string>, id: string): string => {
  const dev = parseOpId(id)?.dev ?? ''
  return names.get(dev) ?? `Device ${dev.slice(0, 6)}`
}

function titleOf(b: Backend, kind: KindName, row: string): string {
  const rk = recordKinds[kind]
  const codec = recordCodec(kind)
  const col = codec.byField.get(rk.title)?.column
  if (!col) return row
  const r = b.db.get<{ t: string | null }>(sql`SELECT ${sql.id(col)} AS t FROM ${sql.id(codec.table)} WHERE id = ${row}`)
  return r?.t ? String(r.t) : `(untitled ${rk.label.toLowerCase()})`
}

/** The value a conflict started from: what the superseded op wrote (a creation holds every field). */
function baseValue(b: Backend, tbl: string, row: string, col: string, field: string, ids: readonly string[]): Json {
  for (const id of ids) {
    const p = parseOpId(id)
    if (!p) continue
    const r = b.db.get<{ col: string; new_value: string | null }>(
      sql`SELECT col, new_value FROM change_record WHERE dev = ${p.dev} AND seq = ${p.seq} AND tbl = ${tbl} AND row_id = ${row} AND col IN (${col}, '*') LIMIT 1`
    )
    // An imported record's creation is in its import's bulk record (bulkCreations.ts).
    const bulk = r ? undefined : bulkCreationOf(b.db, tbl, row, p)
    if (bulk) return (bulk.values[field] ?? null) as Json
    if (!r || r.new_value === null) continue
    const v = JSON.parse(r.new_value) as Json
    if (r.col === '*') return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v[field] ?? null) : null
    return v
  }
  return null
}

const isLong = (v: Json): boolean => typeof v === 'string' && (v.length > 80 || v.includes('\n'))

export function syncReviewList(b: Backend): SyncReviewItem[] {
  const s = syncStateOf(b)
  const names = deviceNames(b)
  const items: SyncReviewItem[] = []
  for (const c of openConflicts(s.store)) {
    const kind = kindOfTable.get(c.tbl)
    if (!kind) continue
    const rk = recordKinds[kind]
    const common = { recordKind: kind, recordLabel: rk.label, rowId: c.row, title: titleOf(b, kind, c.row), rows: 1 }
    if (c.kind === 'field') {
      const field = recordCodec(kind).byColumn.get(c.col)?.field ?? c.col
      const candidates = c.heads.map((h) => ({
        headId: h.id,
        value: h.v,
        author: who(names, h.id),
        at: new Date(parseHlc(h.h)?.millis ?? 0).toISOString(),
        shown: h.id === c.shown
      }))
      const base = baseValue(b, c.tbl, c.row, c.col, field, c.heads[0]?.b ?? [])
      // The inbox shows the field as the CSV headers name it ("Audience size"), not the column name.
      items.push({ id: `f|${c.tbl}|${c.row}|${c.col}`, kind: 'field', ...common, field: fieldLabel(field), candidates, base, long: c.heads.some((h) => isLong(h.v)), summary: `${candidates.length} different values` })
    } else {
      const deleters = [...new Set(c.deletedBy.map((id) => who(names, id)))].join(', ')
      const editors = [...new Set(c.editedBy.map((id) => who(names, id)))].join(', ')
      items.push({ id: `d|${c.tbl}|${c.row}`, kind: 'deleted-while-edited', ...common, field: '', candidates: [], base: null, long: false, summary: `${deleters} deleted it while ${editors} changed it` })
    }
  }
  type Bulk = { id: string; payload: string }
  for (const r of b.db.all<Bulk>(sql`SELECT id, payload FROM sync_review WHERE closed_at IS NULL ORDER BY created_at`)) {
    const d = JSON.parse(r.payload) as { dev: string; tbl: string; rows: string[] }
    const kind = kindOfTable.get(d.tbl)
    if (!kind) continue
    const rk = recordKinds[kind]
    const name = names.get(d.dev) ?? `Device ${d.dev.slice(0, 6)}`
    items.push({ id: `b|${r.id}`, kind: 'bulk-delete', recordKind: kind, recordLabel: rk.label, rowId: '', title: `${d.rows.length} ${rk.plural.toLowerCase()}`, field: '', candidates: [], base: null, long: false, summary: `${name} deleted ${d.rows.length} ${rk.plural.toLowerCase()} at once`, rows: d.rows.length })
  }
  return items
}

export type ResolveInput = { id: string; action: 'keep' | 'edit' | 'restore' | 'keep-deleted' | 'dismiss'; headId?: string | undefined; value?: Json | undefined }

/**
 * Resolving writes the record like any edit, so it needs the same role as one (issue #14): an
 * editor's computer that restored a member here would publish a change every signed teammate refuses,
 * and show a member list nobody else has.
 */
function mayChange(b: Backend, kind: KindName, id: string, set: Record<string, unknown> | null): void {
  const before = recordRepo.get(b.db, kind, id)
  if (!before) return
  if (set === null) checkRecordDelete(b, kind, before)
  else checkRecordWrite(b, kind, before, { ...before, ...set })
}

export function syncReviewResolve(b: Backend, input: ResolveInput): { tx: string | null } {
  const [type, ...rest] = input.id.split('|')
  if (type === 'b') {
    const id = rest.join('|')
    const row = b.db.get<{ payload: string }>(sql`SELECT payload FROM sync_review WHERE id = ${id} AND closed_at IS NULL`)
    if (!row) throw new ApiError('not_found', 'This review item was already handled')
    let tx: string | null = null
    if (input.action === 'restore') {
      const d = JSON.parse(row.payload) as { tbl: string; rows: string[] }
      const kind = kindOf(d.tbl)
      const table = sql.id(recordCodec(kind).table)
      const deleted = d.rows.filter((r) => b.db.get(sql`SELECT 1 FROM ${table} WHERE id = ${r} AND deleted_at IS NOT NULL`))
      for (const id2 of deleted) mayChange(b, kind, id2, null)
      // One op restores them all, so the undo is one click and one step in history.
      tx = b.mutate('Undo a teammate’s bulk deletion', deleted.map((id2): Change => ({ op: 'restore', kind, id: id2 }))).tx
    } else if (input.action !== 'dismiss') throw new ApiError('invalid_input', 'A bulk deletion can be restored or dismissed')
    b.db.run(sql`UPDATE sync_review SET closed_at = ${new Date(b.now()).toISOString()} WHERE id = ${id}`)
    b.events.emit('sync-changed', { at: b.now(), running: false })
    return { tx }
  }
  const [tbl = '', row = '', col = ''] = rest
  const kind = kindOf(tbl)
  const title = titleOf(b, kind, row)
  let change: Change
  if (type === 'd') {
    if (input.action !== 'restore' && input.action !== 'keep-deleted') throw new ApiError('invalid_input', 'Choose Restore or Keep deleted')
    change = { op: input.action === 'restore' ? 'restore' : 'delete', kind, id: row, force: true }
  } else if (type === 'f') {
    const field = recordCodec(kind).byColumn.get(col)?.field
    if (!field) throw new ApiError('not_found', 'This field is not known to this version')
    let value: Json
    if (input.action === 'keep') {
      const head = syncStateOf(b).store.heads({ tbl, row, col }).find((h) => h.id === input.headId)
      if (!head) throw new ApiError('conflict', 'That value is no longer one of the choices; the list was refreshed')
      value = head.v
    } else if (input.action === 'edit') {
      value = input.value ?? null
      const schema = (recordKinds[kind].fields.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>)[field]
      if (schema && !schema.safeParse(value).success) throw new ApiError('invalid_input', `That is not a valid value for ${field}`, [{ path: ['value'], message: 'Invalid value' }])
    } else throw new ApiError('invalid_input', 'Choose one of the values or edit it')
    change = { op: 'update', kind, id: row, set: { [field]: value }, force: true }
  } else throw new ApiError('not_found', 'Unknown review item')
  if (!b.db.get(sql`SELECT 1 FROM ${sql.id(recordCodec(kind).table)} WHERE id = ${row}`)) throw new ApiError('not_found', 'That record is not in this workspace')
  mayChange(b, kind, row, change.op === 'update' ? change.set : null)
  const r = b.mutate(`Resolve “${title}”`, [change])
  b.events.emit('sync-changed', { at: b.now(), running: false })
  return { tx: r.tx }
}
