import type { FieldConflict } from '../../../core/api/editBase'
import type { FieldSpec } from '../components/fieldSpec'
import type { Draft } from '../components/formValues'

/**
 * The state of one edit: what the inputs hold, the record's values when the edit began (`origin`) and
 * its version then. Saving sends only what differs from `origin`, with the origin values as the base
 * the backend checks for changes made elsewhere meanwhile.
 */
export type EditState = { draft: Draft; origin: Record<string, unknown>; version: string | null }

export type ToDraft = (rec: Record<string, unknown>) => Draft

/** Inputs that hold one value together (a publish time and its zone): edited or rebased as one. */
export function keyGroups(fields: readonly FieldSpec[]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const f of fields) {
    if (f.input === 'datetime' && f.zoneField !== undefined) {
      groups.set(f.name, [f.name, f.zoneField])
      groups.set(f.zoneField, [f.name, f.zoneField])
    }
  }
  return groups
}

const withGroups = (keys: Iterable<string>, groups: Map<string, string[]>): Set<string> =>
  new Set([...keys].flatMap((k) => groups.get(k) ?? [k]))

/** The inputs the user changed from what the edit began with (with their group partners). */
export function dirtyKeys(state: EditState, toDraft: ToDraft, groups: Map<string, string[]>): Set<string> {
  const pristine = toDraft(state.origin)
  const keys = Object.keys(state.draft).filter((k) => JSON.stringify(state.draft[k]) !== JSON.stringify(pristine[k]))
  return withGroups(keys, groups)
}

export function pick<T>(rec: Record<string, T>, keys: Iterable<string>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const k of keys) if (Object.hasOwn(rec, k)) out[k] = rec[k] as T
  return out
}

/** A fresh edit of a record as loaded. */
export function startEdit(rec: Record<string, unknown>, toDraft: ToDraft): EditState {
  return { draft: toDraft(rec), origin: rec, version: typeof rec.updatedAt === 'string' ? rec.updatedAt : null }
}

/**
 * The record changed elsewhere while it is open. Inputs the user has not touched take the new
 * values (a change elsewhere to another field merges silently); touched ones keep what was typed and
 * the value and version they were typed against, so saving still asks about them.
 */
export function rebase(state: EditState, next: Record<string, unknown>, toDraft: ToDraft, groups: Map<string, string[]>): EditState {
  const dirty = dirtyKeys(state, toDraft, groups)
  if (dirty.size === 0) return startEdit(next, toDraft)
  return { draft: { ...toDraft(next), ...pick(state.draft, dirty) }, origin: { ...next, ...pick(state.origin, dirty) }, version: state.version }
}

/** Put a stored draft back over the record as it is now; its base stays the one it was typed against. */
export function restoreEdit(current: Record<string, unknown>, stored: { entries: Draft; origin: Record<string, unknown>; version: string | null }, toDraft: ToDraft, groups: Map<string, string[]>): EditState {
  const keys = withGroups(Object.keys(stored.entries), groups)
  return { draft: { ...toDraft(current), ...stored.entries }, origin: { ...current, ...pick(stored.origin, keys) }, version: stored.version ?? (typeof current.updatedAt === 'string' ? current.updatedAt : null) }
}

/**
 * Settle a conflict. Both choices move the edit onto the version the backend reported, with the
 * other side's values as the new origin of the conflicting fields; "theirs" also puts those values
 * into the inputs, so only the user's other changes are left to save.
 */
export function resolveConflict(state: EditState, conflict: { version: string; fields: readonly FieldConflict[] }, choice: 'mine' | 'theirs', toDraft: ToDraft, groups: Map<string, string[]>): EditState {
  const theirs = Object.fromEntries(conflict.fields.map((f) => [f.field, f.theirs]))
  const origin = { ...state.origin, ...theirs }
  if (choice === 'mine') return { ...state, origin, version: conflict.version }
  const keys = withGroups(Object.keys(theirs), groups)
  return { draft: { ...state.draft, ...pick(toDraft(origin), keys) }, origin, version: conflict.version }
}
