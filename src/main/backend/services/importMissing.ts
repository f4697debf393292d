import { enums, labelOf } from '../../../core/domain/enums'
import { recordKinds } from '../../../core/domain/recordKinds'
import { enumSynonyms } from '../../../core/transfer/enumSynonyms'
import type { Backend } from '../backend'
import type { Change } from '../mutate'
import { fieldsOf, validateRecord } from './recordService'
import type { MissingRef } from './transferRefs'
import { localDay } from '../localDay'

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')

/** "Acme LinkedIn" → linkedin, "Company blog" → blog, "Acme Twitter" → x; anything else is Other (editable later). */
function platformOf(name: string): string {
  const words = name.toLowerCase().split(/[^a-z0-9]+/)
  return enums.platform.options.find((p) => words.includes(p) || words.includes(norm(labelOf(p))) || (enumSynonyms[p] ?? []).some((w) => words.includes(w))) ?? 'other'
}

/**
 * The records `--create-missing` adds for names a file used: a channel (platform read from its
 * name), a member, or a campaign running over the dates of the rows that name it (today if none).
 * They go in the same transaction as the rows, so one undo removes them too.
 */
export function missingChanges(b: Backend, missing: readonly MissingRef[], spans: ReadonlyMap<string, { from: string; to: string }>): { changes: Change[]; issues: string[] } {
  const today = localDay(b.now())
  const changes: Change[] = []
  const issues: string[] = []
  for (const m of missing) {
    const span = spans.get(m.id) ?? { from: today, to: today }
    const raw = m.kind === 'channel' ? { name: m.name, platform: platformOf(m.name) } : m.kind === 'campaign' ? { name: m.name, startDate: span.from, endDate: span.to } : { name: m.name }
    const { value, issues: bad } = validateRecord(b, m.kind, null, { ...recordKinds[m.kind].defaults, ...raw })
    if (bad.length > 0) issues.push(`the new ${m.kind} "${m.name}": ${bad.map((i) => i.message).join('; ')}`)
    else changes.push({ op: 'create', kind: m.kind, id: m.id, values: fieldsOf(m.kind, value) })
  }
  return { changes, issues }
}
