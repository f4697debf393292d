import { ApiError } from '../../../core/api/apiError'
import type { Method } from '../../../core/api/contract'
import { methodRoles } from '../../../core/api/methodRoles'
import { atLeast, needsRole, type Access, type Acting } from '../../../core/people/access'
import type { Backend } from '../backend'
import { currentMember, rolesEnforced } from './currentMember'

/**
 * Refuse unless the acting member has at least `need`: code 'forbidden' (HTTP 403, CLI exit 1) with
 * one sentence naming the role. Reading needs nobody chosen yet; anything else needs a "me".
 * Returns who acts (null only while roles are not yet enforced, see `rolesEnforced`).
 */
export function requireRole(b: Backend, need: Access, doing: string): Acting | null {
  if (!rolesEnforced(b)) return currentMember(b)
  const me = currentMember(b)
  if (need === 'viewer') return me
  if (me === null || !atLeast(me.access, need)) throw new ApiError('forbidden', needsRole(doing, need, me))
  return me
}

/** The method-level check of the central table (core/api/methodRoles.ts), run by `dispatch` and the CLI. */
export function authorize(b: Backend, method: Method): Acting | null {
  const rule = methodRoles[method]
  return requireRole(b, rule.role, rule.doing)
}
