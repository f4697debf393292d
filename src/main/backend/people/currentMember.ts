import type { Access, Acting } from '../../../core/people/access'
import type { Db } from '../db/db'
import { sql } from '../db/sql'
import type { SettingsPort } from '../settings/settingsPort'

/**
 * What "me" needs of a backend. Structural, so backend.ts (which stamps each change with
 * `currentMember`) and this file do not import each other.
 */
type Backend = { ws: { deviceId: string }; db: Db; settings: SettingsPort }

type MemberRow = { id: string; name: string; access: Access; active: number; deleted_at: string | null }

// Who a call acts as when it is not this computer's "me": `smo … --as NAME`, or the backend itself
// writing on someone's behalf (the demo is written as its owner). Per backend, so hosts never mix.
const override = new WeakMap<object, string>()

/** The settings key of this workspace: its database's own id, which a moved or restored folder keeps. */
export function workspaceKey(b: Backend): string {
  return b.ws.deviceId
}

/** The member id "me" is set to on this computer for this workspace (the record may be gone since). */
export function savedMeId(b: Backend): string | null {
  return b.settings.get().me[workspaceKey(b)] ?? null
}

export function memberRow(b: Backend, id: string): MemberRow | undefined {
  return b.db.get<MemberRow>(sql`SELECT id, name, access, active, deleted_at FROM member WHERE id = ${id}`)
}

/**
 * The member every call acts as: `--as` (or the backend's own override) first, else this computer's
 * "me" for the workspace. Null when nobody is chosen, or "me" was deleted or made inactive: a removed
 * member's computer no longer acts as anyone. The one accessor every service uses (SHARING and SIGN too).
 */
export function currentMember(b: Backend): Acting | null {
  const memo = steady.get(b)
  if (memo) return memo.me === undefined ? (memo.me = readCurrentMember(b)) : memo.me
  return readCurrentMember(b)
}

function readCurrentMember(b: Backend): Acting | null {
  const id = override.get(b) ?? savedMeId(b)
  if (id === null) return null
  const m = memberRow(b, id)
  if (!m || m.deleted_at !== null || m.active !== 1) return null
  return { id: m.id, name: m.name, access: m.access }
}

/** Make every call on this backend act as `memberId` (the CLI's `--as`), or stop (`null`). */
export function actAs(b: Backend, memberId: string | null): void {
  forgetMe(b)
  if (memberId === null) override.delete(b)
  else override.set(b, memberId)
}

/** Run `fn` acting as `memberId`, then put back whoever acted before. */
export function withActing<T>(b: Backend, memberId: string, fn: () => T): T {
  const before = override.get(b)
  override.set(b, memberId)
  forgetMe(b)
  try {
    return fn()
  } finally {
    if (before === undefined) override.delete(b)
    else override.set(b, before)
    forgetMe(b)
  }
}

/**
 * A bulk check (an import's rows, a few thousand at a time) asks who acts and whether roles hold once
 * per row — two queries and a settings read each, a second and a half of a 100k-row import. Within one
 * synchronous stretch neither can change except through `actAs`/`withActing` (which forget the
 * answer), so `withSteadyRoles` keeps them for the stretch. Nested calls share the outer stretch.
 */
const steady = new WeakMap<object, { enforced?: boolean; me?: Acting | null }>()

export function withSteadyRoles<T>(b: Backend, fn: () => T): T {
  if (steady.has(b)) return fn()
  steady.set(b, {})
  try {
    return fn()
  } finally {
    steady.delete(b)
  }
}

function forgetMe(b: Backend): void {
  const memo = steady.get(b)
  if (memo) delete memo.me
}

/**
 * Roles hold once the workspace has an active owner. A new, empty workspace has none: whoever
 * creates it may do everything until they create themselves as "me" (who then becomes the owner), so
 * a fresh `smo import --all` or a first member works without a chicken-and-egg role.
 */
export function rolesEnforced(b: Backend): boolean {
  const memo = steady.get(b)
  if (memo) return memo.enforced ?? (memo.enforced = readRolesEnforced(b))
  return readRolesEnforced(b)
}

function readRolesEnforced(b: Backend): boolean {
  return b.db.get(sql`SELECT 1 AS x FROM member WHERE access = 'owner' AND active = 1 AND deleted_at IS NULL LIMIT 1`) !== undefined
}
