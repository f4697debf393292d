import type { FieldIssue } from '../../../core/domain/recordKind'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { recordRepo } from '../repo/recordRepo'
import { kindRules } from './kindRules'

type Rec = Record<string, unknown>

/**
 * The record service's checks (schema, cross-field, references, kind rules) for a candidate record,
 * without writing. Bulk calendar edits validate every item first and then write them all in one
 * mutation, so a bulk move is one transaction and one undo step, and a refusal writes nothing.
 * Kept in step with recordService.validate (same order, same issue shapes).
 */
export function calendarValidate(b: Backend, kind: KindName, before: Rec | null, candidate: Rec): { value: Rec; issues: FieldIssue[] } {
  const rk = recordKinds[kind]
  const parsed = rk.fields.safeParse(candidate)
  if (!parsed.success)
    return { value: candidate, issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) }
  let value: Rec = parsed.data
  const check = rk.check as ((r: Rec) => FieldIssue[]) | undefined
  const issues: FieldIssue[] = check ? [...check(value)] : []
  for (const [field, target] of Object.entries(rk.refs) as [string, KindName][]) {
    const v = value[field]
    const ids = Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []
    if (before && JSON.stringify(before[field]) === JSON.stringify(v)) continue
    ids.forEach((id, i) => {
      if (!recordRepo.exists(b.db, target, id))
        issues.push({ path: Array.isArray(v) ? [field, i] : [field], message: `No ${recordKinds[target].label.toLowerCase()} with id ${id}` })
    })
  }
  if (issues.length) return { value, issues }
  for (const rule of kindRules[kind] ?? []) {
    const r = rule(b, before, value)
    issues.push(...r.issues)
    if (r.extra) value = { ...value, ...r.extra }
  }
  return { value, issues }
}

export function fieldsOf(kind: KindName, rec: Rec): Rec {
  return Object.fromEntries(Object.keys(recordKinds[kind].fields.shape).map((k) => [k, rec[k]]))
}
