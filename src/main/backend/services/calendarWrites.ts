import { ApiError } from '../../../core/api/apiError'
import type { ApiInput, ApiOutput } from '../../../core/api/contract'
import { calendarDates } from '../../../core/calendar/calendarDates'
import { expandRecurrence, type RecurrenceRule } from '../../../core/calendar/recurrence'
import { zonedTime } from '../../../core/calendar/zonedTime'
import type { FieldIssue } from '../../../core/domain/recordKind'
import { recordKinds } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import type { Change } from '../mutate'
import { recordRepo } from '../repo/recordRepo'
import { calendarPolicy } from './calendarPolicy'
import { calendarValidate, fieldsOf } from './calendarValidate'
import { checkEditBase } from './checkEditBase'
import { toItem } from './calendarQueries'
import { historyService } from './historyService'
import { createOnce } from './createOnce'
import { keptApprovalLabel } from './keptApprovalLabel'
import { checkRecordDelete } from '../people/recordAccess'

type Rec = Record<string, unknown>

function load(b: Backend, id: string): Rec {
  const rec = recordRepo.get(b.db, 'content', id)
  if (!rec || rec.deletedAt !== null) throw new ApiError('not_found', `No content item with id ${id}`, [{ path: ['ids'], message: `No content item with id ${id}` }])
  return rec
}

function refuse(items: { title: string; issues: FieldIssue[] }[], single: boolean): ApiError {
  const first = items[0]
  const all = items.flatMap((x) => x.issues.map((i) => (single ? i : { path: i.path, message: `"${x.title}": ${i.message}` })))
  const head = single && first ? `"${first.title}" was not changed` : `${items.length} of the chosen items cannot change, so nothing was changed`
  const rule = all.some((i) => ['checklist', 'approverId', 'status', 'approvedAt', 'keepApprovalAs'].includes(String(i.path[0])))
  return new ApiError(rule ? 'rule_violation' : 'invalid_input', `${head}: ${all.map((i) => i.message).join('; ')}`, all)
}

/** Shift every dated field by whole days; publish times keep their wall-clock time in their own zone. */
function shifted(rec: Rec, days: number): Rec {
  const out: Rec = {}
  if (typeof rec.plannedDate === 'string') out.plannedDate = calendarDates.addDays(rec.plannedDate, days)
  if (typeof rec.dueDate === 'string') out.dueDate = calendarDates.addDays(rec.dueDate, days)
  if (typeof rec.publishAt === 'string' && typeof rec.publishZone === 'string' && zonedTime.isZone(rec.publishZone)) {
    const r = zonedTime.shiftDays(rec.publishAt, rec.publishZone, days)
    // A publish time the target day does not have (a DST gap) is refused with the item, not moved an hour.
    if (!r.ok) throw new ApiError('invalid_input', `"${String(rec.title)}" was not moved: ${r.message}`, [{ path: ['publishAt'], message: r.message }])
    out.publishAt = r.instant
  }
  return out
}

function seriesMembers(b: Backend, seriesId: string): Rec[] {
  return b.db
    .all<{ id: string }>(sql`SELECT id FROM content_item WHERE series_id = ${seriesId} AND deleted_at IS NULL AND status NOT IN ('published', 'cancelled') ORDER BY planned_date`)
    .map((r) => load(b, r.id))
}

// Fields that make one occurrence what it is; "edit the series" never copies them across.
const PER_OCCURRENCE = new Set(['plannedDate', 'dueDate', 'publishAt', 'approvedAt', 'resultReach', 'resultEngagements', 'resultClicks', 'resultConversions'])

/** Undoable calendar writes: each call is one mutation (one transaction, one undo step). */
export const calendarWrites = {
  create(b: Backend, input: ApiInput<'calendar-create'>): ApiOutput<'calendar-create'> {
    const rk = recordKinds.content
    const values = input.values as Rec
    const missing = rk.required.filter((f) => values[f] === undefined).map((f): FieldIssue => ({ path: [f], message: 'Required' }))
    const { value, issues } = calendarValidate(b, 'content', null, { ...rk.defaults, ...values })
    const all = [...missing, ...issues.filter((i) => !missing.some((m) => m.path[0] === i.path[0]))]
    if (all.length) throw new ApiError('invalid_input', `The content item was not saved: check ${[...new Set(all.map((i) => String(i.path[0])))].join(', ')}`, all)
    let tx: string | null = null
    const { id } = createOnce(b, 'content', input.creationId, values, (newId) => {
      tx = b.mutate('Create item', [{ op: 'create', kind: 'content', id: newId, values: fieldsOf('content', value) }]).tx
      historyService.record(b, tx, `create "${String(value.title)}"`)
    })
    // A repeated request answers with the item the first one made and no new undo step (tx null).
    return { tx, item: toItem(rowOf(b, id)) }
  },

  update(b: Backend, input: ApiInput<'calendar-update'>): ApiOutput<'calendar-update'> {
    const ids = [...new Set(input.ids)]
    const set = Object.fromEntries(Object.entries((input.set ?? {}) as Rec).filter(([, v]) => v !== undefined))
    let targets = ids.map((id) => load(b, id))
    if (input.base !== undefined) {
      if (ids.length !== 1) throw new ApiError('invalid_input', 'A version (base) can only be checked when editing one item', [{ path: ['base'], message: 'Only with one id' }])
      const [only] = targets
      if (only) checkEditBase(b, 'content', only, set, input.base)
    }
    if (input.scope === 'series') {
      const seen = new Set(targets.map((t) => t.id))
      for (const t of [...targets]) {
        if (typeof t.seriesId !== 'string') continue
        for (const m of seriesMembers(b, t.seriesId)) {
          if (seen.has(m.id)) continue
          seen.add(m.id)
          targets.push(m)
        }
      }
    }
    const changes: Change[] = []
    const refused: { title: string; issues: FieldIssue[] }[] = []
    for (const before of targets) {
      const own = input.scope === 'series' && !ids.includes(String(before.id)) ? Object.fromEntries(Object.entries(set).filter(([k]) => !PER_OCCURRENCE.has(k))) : set
      const patch = { ...own, ...(input.shiftDays ? shifted({ ...before, ...own }, input.shiftDays) : {}) }
      const { value, issues } = calendarValidate(b, 'content', before, { ...fieldsOf('content', before), ...patch }, { keepApprovalAs: input.keepApprovalAs })
      if (issues.length) {
        refused.push({ title: String(before.title), issues })
        continue
      }
      const changed = Object.fromEntries(Object.entries(fieldsOf('content', value)).filter(([k, v]) => JSON.stringify(before[k]) !== JSON.stringify(v)))
      if (Object.keys(changed).length) changes.push({ op: 'update', kind: 'content', id: String(before.id), set: changed })
    }
    // All or nothing: a bulk move that breaks a rule for one item changes none of them.
    if (refused.length) throw refuse(refused, targets.length === 1)
    const sets = changes.flatMap((c) => (c.op === 'update' ? [c.set] : []))
    const r = b.mutate(keptApprovalLabel(b, input.label ?? 'Edit items', input.keepApprovalAs, sets), changes)
    historyService.record(b, r.tx, keptApprovalLabel(b, input.label ?? (targets.length === 1 ? `edit "${String(targets[0]?.title)}"` : `edit ${targets.length} items`), input.keepApprovalAs, sets))
    return { tx: r.tx, count: changes.length }
  },

  delete(b: Backend, input: ApiInput<'calendar-delete'>): ApiOutput<'calendar-delete'> {
    const targets = input.ids.map((id) => load(b, id))
    const ids = new Set(targets.map((t) => String(t.id)))
    const all = [...targets]
    if (input.scope === 'series') for (const t of targets) if (typeof t.seriesId === 'string') for (const m of seriesMembers(b, t.seriesId)) if (!ids.has(String(m.id))) {
      ids.add(String(m.id))
      all.push(m)
    }
    // All or nothing: one item the person may not delete keeps every item.
    for (const t of all) checkRecordDelete(b, 'content', t)
    const r = b.mutate('Delete items', [...ids].map((id): Change => ({ op: 'delete', kind: 'content', id })))
    historyService.record(b, r.tx, ids.size === 1 ? `delete "${String(targets[0]?.title)}"` : `delete ${ids.size} items`)
    return { tx: r.tx, count: ids.size }
  },

  repeat(b: Backend, input: { id: string; rule: RecurrenceRule }): ApiOutput<'calendar-repeat'> {
    const first = load(b, input.id)
    if (typeof first.plannedDate !== 'string') throw new ApiError('invalid_input', 'Plan the item on a day before repeating it', [{ path: ['plannedDate'], message: 'A recurring item needs a planned date' }])
    if (typeof first.seriesId === 'string') throw new ApiError('invalid_input', 'This item already belongs to a series', [{ path: ['id'], message: 'Already part of a series' }])
    const expanded = expandRecurrence(
      { plannedDate: first.plannedDate, publishAt: typeof first.publishAt === 'string' ? first.publishAt : null, publishZone: typeof first.publishZone === 'string' ? first.publishZone : null },
      input.rule
    )
    if (!expanded.ok) throw new ApiError('invalid_input', `The series was not created: ${expanded.message}`, [{ path: ['rule', expanded.field], message: expanded.message }])
    const seriesId = String(first.id)
    const changes: Change[] = [{ op: 'update', kind: 'content', id: seriesId, set: { seriesId, recurrence: input.rule } }]
    const offsetDue = typeof first.dueDate === 'string' ? calendarDates.daysBetween(first.plannedDate, first.dueDate) : null
    for (const occ of expanded.occurrences.slice(1)) {
      // Each occurrence starts its own review: it is a new piece of content, not a copy of an approval.
      const status = first.status === 'idea' ? 'idea' : 'draft'
      const values = {
        ...fieldsOf('content', first), status, plannedDate: occ.plannedDate, publishAt: occ.publishAt,
        dueDate: offsetDue === null ? null : calendarDates.addDays(occ.plannedDate, offsetDue), approverId: first.approverId ?? null,
        approvedAt: null, checklist: {}, resultReach: null, resultEngagements: null, resultClicks: null, resultConversions: null,
        seriesId, recurrence: input.rule
      }
      const { value, issues } = calendarValidate(b, 'content', null, values)
      if (issues.length) throw new ApiError('invalid_input', `The series was not created: ${issues[0]?.message ?? ''}`, issues)
      changes.push({ op: 'create', kind: 'content', id: b.newId(), values: fieldsOf('content', value) })
    }
    const r = b.mutate('Repeat item', changes)
    historyService.record(b, r.tx, `repeat "${String(first.title)}"`)
    return { tx: r.tx, count: expanded.occurrences.length }
  },

  setPolicy(b: Backend, input: ApiInput<'calendar-policy-set'>): ApiOutput<'calendar-policy-set'> {
    const current = calendarPolicy(b)
    const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) }
    const { id: _id, ...fields } = next
    const { value, issues } = calendarValidate(b, 'workspacePolicy', null, fields)
    if (issues.length) throw new ApiError('invalid_input', 'The policy was not saved', issues)
    if (current.id === null) b.mutate('Set policy', [{ op: 'create', kind: 'workspacePolicy', id: b.newId(), values: fieldsOf('workspacePolicy', value) }])
    else b.mutate('Set policy', [{ op: 'update', kind: 'workspacePolicy', id: current.id, set: fieldsOf('workspacePolicy', value) }])
    return calendarPolicy(b)
  }
}

function rowOf(b: Backend, id: string): Parameters<typeof toItem>[0] {
  const row = b.db.get<Parameters<typeof toItem>[0]>(sql`SELECT * FROM content_item WHERE id = ${id}`)
  if (!row) throw new ApiError('not_found', `No content item with id ${id}`)
  return row
}
