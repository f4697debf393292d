import type { z } from 'zod'
import { labelOf } from '../domain/enums'
import { primitives } from '../domain/primitives'
import { recordKinds, type KindName } from '../domain/recordKinds'

/** How a spreadsheet cell becomes a field value (see parseCell). */
export type TransferType = 'id' | 'text' | 'number' | 'bool' | 'date' | 'instant' | 'enum' | 'ref' | 'refs' | 'tags' | 'json'

export type TransferField = {
  name: string
  label: string
  type: TransferType
  /** A blank cell clears the field to null (else to '' for text, else it is "not given"). */
  nullable: boolean
  required: boolean
  /** Enum values, in schema order. */
  options?: readonly string[]
  optionLabels?: readonly string[]
  /** The kind a ref/refs field points to. */
  refKind?: KindName
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, string> }
const defOf = (s: z.ZodType): Def => s._zod.def as unknown as Def

/** `audienceSize` → "Audience size", `ownerId` → "Owner", `goalIds` → "Goals": what a person would write as a header. */
export function fieldLabel(name: string): string {
  const bare = name.replace(/Ids$/, 's').replace(/Id$/, '')
  const words = bare.replace(/([A-Z])/g, ' $1').toLowerCase().trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function typeOf(schema: z.ZodType, isRef: boolean): { type: TransferType; nullable: boolean; options?: readonly string[] } {
  let s = schema
  let nullable = false
  let def = defOf(s)
  while ((def.type === 'nullable' || def.type === 'optional' || def.type === 'default') && def.innerType) {
    if (def.type === 'nullable') nullable = true
    s = def.innerType
    def = defOf(s)
  }
  // The shared validators are single instances, so identity tells a date from any other string.
  if (s === primitives.date) return { type: 'date', nullable }
  if (s === primitives.instant) return { type: 'instant', nullable }
  switch (def.type) {
    case 'number':
      return { type: 'number', nullable }
    case 'boolean':
      return { type: 'bool', nullable }
    case 'enum':
      return { type: 'enum', nullable, options: Object.values(def.entries ?? {}) }
    case 'array': {
      const el = def.element ? defOf(def.element).type : ''
      if (isRef) return { type: 'refs', nullable }
      return { type: el === 'string' ? 'tags' : 'json', nullable }
    }
    case 'record':
    case 'object':
      return { type: 'json', nullable }
    default:
      return { type: isRef ? 'ref' : 'text', nullable }
  }
}

const cache = new Map<KindName, TransferField[]>()

/**
 * The importable fields of a kind, derived from its zod schema (the single source), with the id as a
 * pseudo-field so a file can name which records it updates or keep ids stable across workspaces.
 */
export function transferFields(kind: KindName): TransferField[] {
  const hit = cache.get(kind)
  if (hit) return hit
  const rk = recordKinds[kind]
  const refs = rk.refs as Partial<Record<string, string>>
  const required = rk.required as readonly string[]
  const fields: TransferField[] = [{ name: 'id', label: 'Id', type: 'id', nullable: false, required: false }]
  for (const [name, schema] of Object.entries(rk.fields.shape as Record<string, z.ZodType>)) {
    const refKind = refs[name] as KindName | undefined
    const t = typeOf(schema, refKind !== undefined)
    fields.push({
      name,
      label: fieldLabel(name),
      type: t.type,
      nullable: t.nullable,
      required: required.includes(name),
      ...(t.options ? { options: t.options, optionLabels: t.options.map(labelOf) } : {}),
      ...(refKind ? { refKind } : {})
    })
  }
  cache.set(kind, fields)
  return fields
}
