import { z } from 'zod'

/**
 * What an edit was made against (optimistic concurrency). A form sends the `updatedAt` of the record
 * it loaded and the values it loaded for the fields it changes; the backend refuses the update with
 * a `conflict` error when one of those fields has changed since. Absent: last writer wins, as the CLI
 * and older callers expect.
 */
export const editBase = z.object({
  updatedAt: z.string().min(1, 'Required'),
  /** The loaded values of the changed fields. Without them the change log decides what changed since. */
  values: z.record(z.string(), z.unknown()).optional()
})
export type EditBase = z.infer<typeof editBase>

/** One field changed elsewhere since the form loaded it. */
export type FieldConflict = {
  field: string
  /** The field's label as the UI shows it. */
  label: string
  /** What the form loaded (absent when the caller sent only a version). */
  base?: unknown
  /** What is stored now. */
  theirs: unknown
  /** What this update wanted to write. */
  mine: unknown
  /** Which computer made the other change ("this computer" for another window, tab or the CLI), when known. */
  by: string | null
  /** When the other change was made (ISO), when known. */
  at: string | null
}

/** The details of a `conflict` error: the record's version now (send it back to overwrite) and the fields. */
export type EditConflict = { version: string; fields: FieldConflict[] }

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The fields of `set` that were changed elsewhere since `base`: the stored value is no longer the
 * loaded one, and differs from what this edit writes (two people typing the same fix agree).
 * Fields the edit does not touch never conflict: a change elsewhere to them simply stays.
 * Returns the fields whose loaded value is unknown separately, for the caller to decide from history.
 */
export function editConflicts(current: Record<string, unknown>, set: Record<string, unknown>, base: EditBase): { changed: string[]; unknown: string[] } {
  if (current.updatedAt === base.updatedAt) return { changed: [], unknown: [] }
  const changed: string[] = []
  const unknown: string[] = []
  for (const [field, mine] of Object.entries(set)) {
    if (same(current[field], mine)) continue
    if (base.values === undefined || !Object.hasOwn(base.values, field)) unknown.push(field)
    else if (!same(current[field], base.values[field])) changed.push(field)
  }
  return { changed, unknown }
}
