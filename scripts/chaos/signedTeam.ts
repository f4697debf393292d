/**
 * A signed team as a real user builds one (docs/SYNC-SECURITY.md), through the same service calls the
 * Members screen and `smo sync` use: the founder adds every member with a role, is *me*, and creates
 * the team signed; each other computer joins, picks *me* by name and asks to be admitted on its
 * first round; an owner's computer admits what waits, with the role the roster gives. The chaos
 * workers and the admit e2e set their teams up with these, so there is one way to do it.
 */
import type { AccessRole } from '../../src/core/sync/access/memberRoles'
import type { Backend } from '../../src/main/backend/backend'
import { sql } from '../../src/main/backend/db/sql'
import { actAs } from '../../src/main/backend/people/currentMember'
import { recordService } from '../../src/main/backend/services/recordService'
import { syncJoinRequests } from '../../src/main/backend/services/syncJoinRequests'
import { syncAdmit, syncNow, syncSetup } from '../../src/main/backend/services/syncService'
import { signingFor } from '../../src/main/backend/services/syncSigning'

/** Member name → role; the first owner in it founds the team (its root owner). */
export type Roster = Record<string, AccessRole>

export function memberIdByName(b: Backend, name: string): string | null {
  return b.db.get<{ id: string }>(sql`SELECT id FROM member WHERE name = ${name} AND deleted_at IS NULL ORDER BY id LIMIT 1`)?.id ?? null
}

/** Acts as the member called `name` on this computer (what picking *me* does); false if unknown here. */
export function actAsNamed(b: Backend, name: string): boolean {
  const id = memberIdByName(b, name)
  if (id === null) return false
  actAs(b, id)
  return true
}

/** The founder: every member of the roster, *me* = `me`, a signed team in `folder`. */
export function foundSignedTeam(b: Backend, input: { folder: string; roster: Roster; me: string; passphrase?: string | undefined }): void {
  const me = input.roster[input.me]
  if (me !== 'owner') throw new Error(`the founder ${input.me} must be an owner in the roster, not ${me ?? 'missing'}`)
  // The founder first, as owner: once a workspace has an owner, only an owner may add members.
  recordService.create(b, 'member', { name: input.me, access: 'owner' })
  if (!actAsNamed(b, input.me)) throw new Error('the founder was not created')
  for (const [name, access] of Object.entries(input.roster)) if (name !== input.me) recordService.create(b, 'member', { name, access })
  syncSetup(b, { mode: 'create', folder: input.folder, signed: true, passphrase: input.passphrase })
}

/**
 * Another computer joins as `me` and asks to be admitted (its first signed round writes the request).
 * Returns the key id an owner admits it by.
 */
export function joinSignedTeam(b: Backend, input: { folder: string; me: string; passphrase?: string | undefined }): string {
  syncSetup(b, { mode: 'join', folder: input.folder, passphrase: input.passphrase })
  if (!actAsNamed(b, input.me)) throw new Error(`${input.me} is not in the team's member list`)
  syncNow(b)
  const teamId = b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'sync_team'`)?.value ?? ''
  const key = signingFor(b, teamId)?.key.keyId
  if (!key) throw new Error(`${input.me}'s computer has no signing key`)
  return key
}

/**
 * An owner's computer admits every computer that asks to join and whose member is in `roles`, giving
 * it that role (null: keep the role its member holds now). Returns how many it admitted.
 */
export function admitWaiting(b: Backend, roles: Record<string, AccessRole | null>): number {
  let n = 0
  for (const r of syncJoinRequests(b)) {
    if (!(r.name in roles)) continue
    const role = roles[r.name] ?? undefined
    syncAdmit(b, r.key, role)
    n++
  }
  return n
}
