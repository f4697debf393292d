import { ApiError } from '../../../core/api/apiError'
import type { MeState } from '../../../core/api/methods/peopleMethods'
import { atLeast, rolesFrom, type Access } from '../../../core/people/access'
import { member } from '../../../core/domain/member'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { actAs, currentMember, memberRow, rolesEnforced, savedMeId, withActing, workspaceKey } from './currentMember'

type Person = MeState['members'][number]

function activeMembers(b: Backend): Person[] {
  return b.db
    .all<{ id: string; name: string; role: string; access: Access }>(sql`SELECT id, name, role, access FROM member WHERE deleted_at IS NULL AND active = 1 ORDER BY name, id`)
    .map((m) => ({ ...m, active: true }))
}

/**
 * Whom "me" may become. The first pick on a computer (nothing saved yet) is open: without a server
 * there is nobody to ask, and the team's signatures (sync) are what make a claim hold for others.
 * After that a member may switch only to someone whose role is not above their own — an owner to
 * anyone (to see the app as a teammate does), a contributor to another contributor or a viewer —
 * so switching never raises anyone's rights. A "me" that was removed or made inactive switches to no one.
 */
function switchable(b: Backend, members: Person[]): Person[] {
  if (savedMeId(b) === null) return members
  const me = currentMember(b)
  if (me === null) return []
  return members.filter((m) => m.id === me.id || atLeast(me.access, m.access))
}

function state(b: Backend): MeState {
  const members = activeMembers(b)
  const me = currentMember(b)
  const mine = me === null ? null : (members.find((m) => m.id === me.id) ?? null)
  return { me: mine, enforced: rolesEnforced(b), members, canSwitchTo: switchable(b, members).map((m) => m.id) }
}

function save(b: Backend, memberId: string): void {
  const all = b.settings.get().me
  b.settings.update({ me: { ...all, [workspaceKey(b)]: memberId } })
  // Every window shows "me" (title bar, My work): tell them, as a change of the member list would.
  b.events.emit('data-changed', { tx: 'me', kinds: ['member'], ids: [memberId] })
}

/** Who "me" is on this computer for this workspace: pick, create, switch (issue #14, item 1). */
export const meService = {
  get: state,

  /** Pick an existing member as "me", under the switching rules. */
  pick(b: Backend, memberId: string): MeState {
    const m = memberRow(b, memberId)
    if (!m || m.deleted_at !== null || m.active !== 1) throw new ApiError('not_found', `No active member with id ${memberId}`, [{ path: ['memberId'], message: 'Not an active member' }])
    if (!switchable(b, activeMembers(b)).some((p) => p.id === memberId)) {
      const me = currentMember(b)
      throw new ApiError(
        'forbidden',
        me === null
          ? `This computer acted as someone who is no longer an active member, so it cannot choose another; ask an owner to restore them.`
          : `Switching to ${m.name} (${m.access}) needs the ${rolesFrom(m.access === 'owner' ? 'owner' : m.access)} role; you are ${me.name} (${me.access}).`
      )
    }
    save(b, memberId)
    // A choice made in the app replaces a `--as` the host was started with.
    actAs(b, null)
    return state(b)
  },

  /**
   * Create "me" as a new member, at the first pick only (joining a team that does not list you yet).
   * In a workspace without an owner the new member is its owner; otherwise a viewer until an owner
   * gives them a role — nobody can make themselves owner.
   */
  create(b: Backend, input: { name: string; role?: string | undefined; email?: string | undefined }): MeState {
    if (savedMeId(b) !== null && currentMember(b) !== null)
      throw new ApiError('forbidden', `You are already ${currentMember(b)?.name ?? ''} on this computer; adding members needs the owner role.`)
    const taken = activeMembers(b).find((m) => m.name.toLowerCase() === input.name.trim().toLowerCase())
    if (taken) throw new ApiError('invalid_input', `${taken.name} is already a member: pick them instead`, [{ path: ['create', 'name'], message: 'Already a member' }])
    const access: Access = rolesEnforced(b) ? 'viewer' : 'owner'
    const id = b.newId()
    const parsed = member.fields.safeParse({ name: input.name, role: input.role ?? '', email: input.email ?? '', weeklyCapacityHours: 32, otherWorkHoursPerWeek: 0, active: true, access })
    if (!parsed.success)
      throw new ApiError('invalid_input', 'You were not added: check your name and email', parsed.error.issues.map((i) => ({ path: ['create', ...i.path.map(String)], message: i.message })))
    const values = parsed.data
    // The new member writes their own record: the change log names them from their first change.
    withActing(b, id, () => b.mutate('Add me', [{ op: 'create', kind: 'member', id, values }]))
    save(b, id)
    return state(b)
  }
}
