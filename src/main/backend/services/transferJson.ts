import { z } from 'zod'
import { ApiError } from '../../../core/api/apiError'
import type { FieldIssue } from '../../../core/domain/recordKind'
import { primitives } from '../../../core/domain/primitives'
import { kindNames, recordKinds, type KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import type { Change } from '../mutate'
import { recordRepo } from '../repo/recordRepo'
import { fieldsOf } from './recordService'
import { liveRecords } from './transferExport'
import { importLabel } from '../../../core/transfer/importLabel'

const FORMAT = 'smo-desk-export'

const envelope = z.object({
  format: z.literal(FORMAT, { error: `Not an SMO Desk JSON export (expected "format": "${FORMAT}")` }),
  version: z.literal(1, { error: 'This export was written by a newer SMO Desk; update to load it' }),
  schemaVersion: z.number(),
  exportedAt: z.string(),
  records: z.record(z.string(), z.array(z.record(z.string(), z.unknown())))
})

/** Everything in the workspace (live records of every kind) as one JSON document. */
export function exportJson(b: Backend): { fileName: string; json: string } {
  const records = Object.fromEntries(kindNames.map((k) => [k, liveRecords(b, k)]))
  const doc = { format: FORMAT, version: 1, schemaVersion: b.ws.schemaVersion, exportedAt: new Date(b.now()).toISOString(), records }
  return { fileName: `smo-desk-export-${doc.exportedAt.slice(0, 10)}.json`, json: JSON.stringify(doc, null, 1) }
}

/**
 * Load a JSON export into an empty workspace, all or nothing, in one transaction. Each record is
 * checked against its kind's schema and cross-field rules, and every reference must resolve within
 * the file. The workspace rules that guard a *change* (approval gate, estimate stamps) are not run
 * again: these records already passed them where they were made, and re-running them would restamp
 * approval times and review dates.
 */
export function importJson(b: Backend, text: string, fileName: string): { created: Record<string, number> } {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new ApiError('invalid_input', `${fileName} is not JSON (${e instanceof Error ? e.message : String(e)})`)
  }
  const doc = envelope.safeParse(raw)
  if (!doc.success) throw new ApiError('invalid_input', `${fileName}: ${doc.error.issues[0]?.message ?? 'not an SMO Desk export'}`)
  const nonEmpty = kindNames.filter((k) => recordRepo.count(b.db, k) > 0)
  if (nonEmpty.length > 0)
    throw new ApiError('conflict', `The workspace already holds ${nonEmpty.map((k) => recordKinds[k].plural.toLowerCase()).join(', ')}; load a JSON export into an empty workspace (a new folder) instead`)
  const unknown = Object.keys(doc.data.records).filter((k) => !(kindNames as string[]).includes(k))
  if (unknown.length > 0) throw new ApiError('invalid_input', `${fileName} has records of kinds this SMO Desk does not know: ${unknown.join(', ')}`)

  const ids = new Map<KindName, Set<string>>(kindNames.map((k) => [k, new Set((doc.data.records[k] ?? []).map((r) => String(r.id)))]))
  const issues: FieldIssue[] = []
  const changes: Change[] = []
  for (const kind of kindNames) {
    const rk = recordKinds[kind]
    ;(doc.data.records[kind] ?? []).forEach((rec, i) => {
      const at = (path: (string | number)[], message: string) => issues.push({ path: [kind, i, ...path], message })
      const id = String(rec.id ?? '')
      if (!primitives.id.safeParse(id).success) return at(['id'], 'Must be a record id (ULID)')
      const parsed = rk.fields.safeParse({ ...rk.defaults, ...fieldsOf(kind, rec) })
      if (!parsed.success) return parsed.error.issues.forEach((x) => at(x.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), x.message))
      const value = parsed.data as Record<string, unknown>
      const check = rk.check as ((r: Record<string, unknown>) => FieldIssue[]) | undefined
      for (const x of check?.(value) ?? []) at(x.path, x.message)
      for (const [field, target] of Object.entries(rk.refs) as [string, KindName][]) {
        const v = value[field]
        for (const ref of Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])
          if (!ids.get(target)?.has(String(ref))) at([field], `No ${recordKinds[target].label.toLowerCase()} with id ${String(ref)} in the file`)
      }
      if (kind === 'channel')
        for (const l of (value.goalLinks as { goalId: string }[]) ?? []) if (!ids.get('goal')?.has(l.goalId)) at(['goalLinks'], `No goal with id ${l.goalId} in the file`)
      changes.push({ op: 'create', kind, id, values: fieldsOf(kind, value) })
    })
  }
  if (issues.length > 0) {
    const first = issues.slice(0, 3).map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')
    throw new ApiError('invalid_input', `Nothing was loaded from ${fileName}: ${first}${issues.length > 3 ? ` and ${issues.length - 3} more` : ''}`, issues.slice(0, 1000))
  }
  b.mutate(importLabel(fileName), changes)
  const created: Record<string, number> = {}
  for (const c of changes) created[c.kind] = (created[c.kind] ?? 0) + 1
  return { created }
}
