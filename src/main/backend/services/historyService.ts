import { ApiError } from '../../../core/api/apiError'
import { kindNames, recordKinds, type KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { CREATE_COL, DELETED_COL, type Change } from '../mutate'
import { recordCodec } from '../repo/recordCodec'
import { recordRepo } from '../repo/recordRepo'
import { calendarValidate } from './calendarValidate'
import { whileReplaying } from './calendarRules'
import { checkRecordDelete } from '../people/recordAccess'
import { withSteadyRoles } from '../people/currentMember'
import { BULK_COL, expandBulk } from '../bulkCreations'

export type HistoryStep = { tx: string; label: string }
export type HistoryState = { undo: HistoryStep[]; redo: HistoryStep[] }

const LIMIT = 100
// Per open workspace and per app run: a reload of the window keeps its history, a restart does not.
const stacks = new WeakMap<Backend, HistoryState>()

function stackOf(b: Backend): HistoryState {
  let s = stacks.get(b)
  if (!s) stacks.set(b, (s = { undo: [], redo: [] }))
  return s
}

const kindOfTable = new Map<string, KindName>(kindNames.map((k) => [recordKinds[k].table, k]))
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

type ChangeRow = { tbl: string; row_id: string; col: string; old_value: string | null; new_value: string | null }

/**
 * Build the inverse of one transaction from its change records: updates put back the old values,
 * creations become tombstones, tombstones are lifted. A field someone changed since is a conflict:
 * undo refuses rather than overwrite newer work.
 */
function inverse(b: Backend, tx: string): { changes: Change[]; touched: { kind: KindName; id: string }[]; current: Map<string, Record<string, unknown>> } {
  const [dev, seqText] = tx.split(':')
  // A bulk record (an import's chunk) stands for the creations of its rows: each is taken back.
  const rows = b.db
    .all<ChangeRow>(sql`SELECT tbl, row_id, col, old_value, new_value FROM change_record WHERE dev = ${dev ?? ''} AND seq = ${Number(seqText)} ORDER BY id`)
    .flatMap((r) => (r.col === BULK_COL ? expandBulk(r.new_value).map((c): ChangeRow => ({ tbl: r.tbl, row_id: c.id, col: CREATE_COL, old_value: null, new_value: null })) : [r]))
  if (rows.length === 0) throw new ApiError('not_found', `Nothing to undo: change ${tx} is not in this workspace`)
  const updates = new Map<string, { kind: KindName; id: string; set: Record<string, unknown> }>()
  const changes: Change[] = []
  const touched: { kind: KindName; id: string }[] = []
  // Each record as it is now, read once: apply checks the same records (an import's undo reads 100k).
  const currents = new Map<string, Record<string, unknown>>()
  for (const r of rows) {
    const kind = kindOfTable.get(r.tbl)
    if (!kind) continue
    const key = `${kind}:${r.row_id}`
    const current = currents.get(key) ?? recordRepo.get(b.db, kind, r.row_id)
    if (!current) throw new ApiError('conflict', `Cannot undo: a ${recordKinds[kind].label.toLowerCase()} it changed no longer exists`)
    currents.set(key, current)
    const title = String(current[recordKinds[kind].title] ?? r.row_id)
    if (r.col === CREATE_COL) {
      if (current.deletedAt === null) changes.push({ op: 'delete', kind, id: r.row_id })
      continue
    }
    if (r.col === DELETED_COL) {
      const deletedNow = current.deletedAt !== null
      const wasDeleted = r.new_value === 'true'
      if (deletedNow !== wasDeleted) throw new ApiError('conflict', `Cannot undo: "${title}" was deleted or restored since`)
      changes.push({ op: wasDeleted ? 'restore' : 'delete', kind, id: r.row_id })
      continue
    }
    const col = recordCodec(kind).byColumn.get(r.col)
    if (!col) continue
    const newV: unknown = r.new_value === null ? null : JSON.parse(r.new_value)
    if (!same(current[col.field], newV))
      throw new ApiError('conflict', `Cannot undo: "${title}" was changed again since (${col.field})`, [{ path: [col.field], message: 'Changed since' }])
    const u = updates.get(key) ?? { kind, id: r.row_id, set: {} }
    u.set[col.field] = r.old_value === null ? null : JSON.parse(r.old_value)
    updates.set(key, u)
  }
  for (const u of updates.values()) {
    changes.push({ op: 'update', kind: u.kind, id: u.id, set: u.set })
    touched.push({ kind: u.kind, id: u.id })
  }
  return { changes, touched, current: currents }
}

function apply(b: Backend, tx: string, label: string): string {
  return whileReplaying(() => {
    const { changes, current } = inverse(b, tx)
    // Replayed values still pass the schema and the rules (references may have gone since). Who acts
    // is read once for the whole check (withSteadyRoles), not once per record.
    withSteadyRoles(b, () => {
      for (const ch of changes) {
        const before = current.get(`${ch.kind}:${ch.id}`)
        if (!before) continue
        // Undo acts as whoever presses it: taking back a creation is a delete they must be allowed.
        if (ch.op !== 'update') {
          checkRecordDelete(b, ch.kind, before)
          continue
        }
        const { issues } = calendarValidate(b, ch.kind, before, { ...before, ...ch.set })
        if (issues.length) throw new ApiError('rule_violation', `Cannot undo "${label}": ${issues.map((i) => i.message).join('; ')}`, issues)
      }
    })
    const r = b.mutate(label, changes)
    if (!r.tx) throw new ApiError('conflict', `Nothing left to undo for "${label}"`)
    return r.tx
  })
}

/** Undo and redo of calendar and board changes, built on the change log (one step = one transaction). */
export const historyService = {
  /** Remember a transaction the person made, as the newest undo step. */
  record(b: Backend, tx: string | null, label: string): void {
    if (!tx) return
    const s = stackOf(b)
    s.undo.push({ tx, label })
    if (s.undo.length > LIMIT) s.undo.shift()
    s.redo = []
  },

  state(b: Backend): HistoryState {
    const s = stackOf(b)
    return { undo: [...s.undo].reverse(), redo: [...s.redo].reverse() }
  },

  /** The newest step; given `only`, refused unless that is the newest step (a later edit would be undone instead). */
  undo(b: Backend, only?: string): { tx: string; label: string; state: HistoryState } {
    const s = stackOf(b)
    const newest = s.undo.at(-1)
    if (only !== undefined && newest?.tx !== only) {
      if (newest !== undefined && s.undo.some((u) => u.tx === only)) throw new ApiError('conflict', `Undo ${newest.label} first (Undo on the calendar or board): it was done after this change`)
      throw new ApiError('not_found', 'This change is no longer on the undo list: it was undone already, or the app was restarted since')
    }
    const step = s.undo.pop()
    if (!step) throw new ApiError('not_found', 'Nothing to undo')
    // A step that can no longer be undone is dropped (already popped), so the next Ctrl+Z reaches older steps.
    const tx = apply(b, step.tx, `Undo ${step.label}`)
    s.redo.push({ tx, label: step.label })
    return { tx, label: step.label, state: historyService.state(b) }
  },

  redo(b: Backend): { tx: string; label: string; state: HistoryState } {
    const s = stackOf(b)
    const step = s.redo.pop()
    if (!step) throw new ApiError('not_found', 'Nothing to redo')
    const tx = apply(b, step.tx, `Redo ${step.label}`)
    s.undo.push({ tx, label: step.label })
    return { tx, label: step.label, state: historyService.state(b) }
  }
}
