import type { KindName } from '../domain/recordKinds'
import { headerAliases } from './headerAliases'
import { transferFields, type TransferField } from './transferFields'

const virtualLabels: Record<string, string> = {
  _time: 'Time of day',
  _summary: 'Text',
  _sentiment: 'Sentiment',
  _channel: 'Network or site',
  'handles.email': 'Email',
  'handles.x': 'X (Twitter)',
  'handles.linkedin': 'LinkedIn',
  'handles.youtube': 'YouTube',
  'handles.website': 'Website'
}

const cache = new Map<KindName, TransferField[]>()

/**
 * The fields a file's columns can fill: the kind's own (transferFields) plus the virtual ones other
 * tools' files need — a separate time-of-day column, an influencer's email or Twitter handle — that
 * finishImportRow folds into real fields.
 */
export function importFields(kind: KindName): TransferField[] {
  const hit = cache.get(kind)
  if (hit) return hit
  const virtual = Object.keys(headerAliases[kind] ?? {})
    .filter((name) => name in virtualLabels)
    .map((name): TransferField => ({ name, label: virtualLabels[name] ?? name, type: 'text', nullable: false, required: false }))
  const fields = [...transferFields(kind), ...virtual]
  cache.set(kind, fields)
  return fields
}

/** header → field for every alias of a kind, the shape matchColumns takes. */
export function aliasesOf(kind: KindName): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, headers] of Object.entries(headerAliases[kind] ?? {})) for (const h of headers) out[h] ??= field
  return out
}
