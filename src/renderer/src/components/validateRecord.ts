import type { z } from 'zod'
import type { FieldIssue } from '../../../core/domain/recordKind'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'

type KindSchema = {
  fields: z.ZodType<Record<string, unknown>>
  check?: (rec: Record<string, unknown>) => FieldIssue[]
  defaults: Record<string, unknown>
}

/**
 * The backend's schema for a kind, seen through one widened type. `recordKinds[kind]` is a union
 * whose `check` parameters differ per kind; each `check` is only ever called with that kind's own
 * parsed fields below, so widening is sound.
 */
export function kindSchema(kind: KindName): KindSchema {
  return recordKinds[kind] as unknown as KindSchema
}

export function isNullable(kind: KindName, field: string): boolean {
  const shape = (recordKinds[kind].fields as unknown as z.ZodObject<Record<string, z.ZodType>>).shape
  return shape[field]?.safeParse(null).success ?? false
}

const cleanPath = (path: readonly PropertyKey[]): (string | number)[] => path.map((p) => (typeof p === 'symbol' ? String(p) : p))

/** The same checks the backend runs before a write: the field schema, then the cross-field rules. */
export function validateRecord(kind: KindName, candidate: Record<string, unknown>): FieldIssue[] {
  const ks = kindSchema(kind)
  const parsed = ks.fields.safeParse(candidate)
  if (!parsed.success) return parsed.error.issues.map((i) => ({ path: cleanPath(i.path), message: i.message }))
  return ks.check?.(parsed.data) ?? []
}

/** Issues by field name (first message wins); issues on no field of the form go to `rest`. */
export function issuesByField(issues: readonly FieldIssue[], fieldNames: readonly string[]): { byField: Record<string, string>; rest: FieldIssue[] } {
  const byField: Record<string, string> = {}
  const rest: FieldIssue[] = []
  for (const issue of issues) {
    const head = String(issue.path[0] ?? '')
    if (fieldNames.includes(head)) byField[head] ??= issue.message
    else rest.push(issue)
  }
  return { byField, rest }
}

/**
 * What a screen reader says after a save is refused: how many problems, then each one with its field's
 * label (the first five; the fields themselves carry every message through aria-describedby).
 */
export function describeIssues(issues: readonly FieldIssue[], labelOf: (path: FieldIssue['path']) => string): string {
  if (issues.length === 0) return ''
  const shown = issues.slice(0, 5).map((i) => `${labelOf(i.path)}: ${i.message}`)
  const more = issues.length > 5 ? ` And ${issues.length - 5} more.` : ''
  return `Not saved, ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}. ${shown.join('. ')}.${more}`
}
