import { ApiError } from '../../../core/api/apiError'
import type { EditBase } from '../../../core/api/editBase'
import { kindMethod } from '../../../core/api/kindMethod'
import type { ListQuery } from '../../../core/api/listQuery'
import type { FieldIssue } from '../../../core/domain/recordKind'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { recordRepo } from '../repo/recordRepo'
import { checkEditBase } from './checkEditBase'
import { kindRules, type WriteOptions } from './kindRules'
import { createOnce } from './createOnce'
import { keptApprovalLabel } from './keptApprovalLabel'
import { checkRecordDelete, checkRecordWrite } from '../people/recordAccess'

type Rec = Record<string, unknown>

function invalid(kind: KindName, issues: FieldIssue[]): ApiError {
  const label = recordKinds[kind].label
  const fields = [...new Set(issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean)
  return new ApiError('invalid_input', `The ${label.toLowerCase()} was not saved: check ${fields.join(', ') || 'the input'}`, issues)
}

/**
 * Schema, cross-field checks, references and the kind's workspace rules, in that order, without
 * writing. Exported for writers that validate many records before one mutation (calendar bulk edits,
 * undo/redo), so every write path refuses the same things with the same issue shapes.
 */
export function validateRecord(b: Backend, kind: KindName, before: Rec | null, candidate: Rec, opts: WriteOptions = {}): { value: Rec; issues: FieldIssue[] } {
  const rk = recordKinds[kind]
  const parsed = rk.fields.safeParse(candidate)
  if (!parsed.success) {
    return { value: candidate, issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) }
  }
  // Who may write this record comes first: a refusal names the role, whatever else is wrong.
  // Usually nothing to add: then the parsed record itself (a new object already), not a copy of it per row of an import.
  const extra = checkRecordWrite(b, kind, before, parsed.data, opts.keepApprovalAs)
  let value: Rec = Object.keys(extra).length === 0 ? parsed.data : { ...parsed.data, ...extra }
  const check = rk.check as ((r: Rec) => FieldIssue[]) | undefined
  const issues: FieldIssue[] = check ? [...check(value)] : []
  for (const [field, target] of Object.entries(rk.refs) as [string, KindName][]) {
    const v = value[field]
    const ids = Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []
    const changed = !before || JSON.stringify(before[field]) !== JSON.stringify(v)
    if (!changed) continue
    ids.forEach((id, i) => {
      if (!recordRepo.exists(b.db, target, id))
        issues.push({ path: Array.isArray(v) ? [field, i] : [field], message: `No ${recordKinds[target].label.toLowerCase()} with id ${id}` })
    })
  }
  if (kind === 'channel') {
    const links = (value.goalLinks as { goalId: string }[]) ?? []
    links.forEach((l, i) => {
      if (!recordRepo.exists(b.db, 'goal', l.goalId)) issues.push({ path: ['goalLinks', i, 'goalId'], message: `No goal with id ${l.goalId}` })
    })
  }
  if (issues.length) return { value, issues }
  for (const rule of kindRules[kind] ?? []) {
    const r = rule(b, before, value, opts)
    issues.push(...r.issues)
    if (r.extra) value = { ...value, ...r.extra }
  }
  return { value, issues }
}

/** Only the kind's stored fields of a record (drops id, stamps and anything unknown). */
export function fieldsOf(kind: KindName, rec: Rec): Rec {
  const out: Rec = {}
  for (const k of fieldNames(kind)) out[k] = rec[k]
  return out
}

/**
 * The kind's stored fields that have a value: a new record's fields, where an absent one is stored
 * as null anyway. An import's new rows leave half their fields empty, and each row's values cross to
 * the writer thread (services/importWriter.ts): the empty ones were half of what was copied.
 */
export function presentFieldsOf(kind: KindName, rec: Rec): Rec {
  const out: Rec = {}
  for (const k of fieldNames(kind)) {
    const v = rec[k]
    if (v !== null && v !== undefined) out[k] = v
  }
  return out
}

/** A kind's field names, read from its schema once (an import asks for them twice per row). */
const fieldNameCache = new Map<KindName, string[]>()
function fieldNames(kind: KindName): string[] {
  let keys = fieldNameCache.get(kind)
  if (!keys) {
    keys = Object.keys(recordKinds[kind].fields.shape)
    fieldNameCache.set(kind, keys)
  }
  return keys
}

/** Create, read, update and delete for every record kind, all writes through the one mutation path. */
export const recordService = {
  list(b: Backend, kind: KindName, q: ListQuery) {
    return recordRepo.list(b.db, kind, q)
  },

  get(b: Backend, kind: KindName, id: string): Rec {
    const rec = recordRepo.get(b.db, kind, id)
    if (!rec || rec.deletedAt !== null) throw new ApiError('not_found', `No ${recordKinds[kind].label.toLowerCase()} with id ${id}`, [{ path: ['id'], message: 'Not found' }])
    return rec
  },

  create(b: Backend, kind: KindName, raw: Rec, newId: string = b.newId()): Rec {
    const { creationId, ...input } = raw as { creationId?: string } & Rec
    const rk = recordKinds[kind]
    const missing = rk.required.filter((f) => input[f] === undefined).map((f) => ({ path: [f], message: 'Required' }))
    const { value, issues } = validateRecord(b, kind, null, { ...rk.defaults, ...input })
    const all = [...missing, ...issues.filter((i) => !missing.some((m) => m.path[0] === i.path[0]))]
    if (all.length) throw invalid(kind, all)
    const { id } = createOnce(b, kind, creationId, input, (fresh) => {
      b.mutate(kindMethod(kind, 'create'), [{ op: 'create', kind, id: fresh, values: fieldsOf(kind, value) }])
    }, newId)
    return recordService.get(b, kind, id)
  },

  update(b: Backend, kind: KindName, input: Rec): Rec {
    const { id, base, keepApprovalAs, ...patch } = input as { id: string; base?: EditBase; keepApprovalAs?: string } & Rec
    const before = recordService.get(b, kind, id)
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    checkEditBase(b, kind, before, defined, base)
    const { value, issues } = validateRecord(b, kind, before, { ...fieldsOf(kind, before), ...defined }, { keepApprovalAs })
    if (issues.length) throw invalid(kind, issues)
    const set = Object.fromEntries(Object.entries(fieldsOf(kind, value)).filter(([k, v]) => JSON.stringify(before[k]) !== JSON.stringify(v)))
    b.mutate(keptApprovalLabel(b, kindMethod(kind, 'update'), keepApprovalAs, [set]), [{ op: 'update', kind, id, set }])
    return recordService.get(b, kind, id)
  },

  delete(b: Backend, kind: KindName, id: string): { id: string } {
    checkRecordDelete(b, kind, recordService.get(b, kind, id))
    b.mutate(kindMethod(kind, 'delete'), [{ op: 'delete', kind, id }])
    return { id }
  }
}
