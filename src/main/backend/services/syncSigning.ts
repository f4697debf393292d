/**
 * Signing for one workspace's team sync (docs/SYNC-SECURITY.md): this computer's key for *me*, kept
 * in the host's SecretPort like the team key; starting signing in a team (at creation, or later by
 * an owner for an existing team, whose history up to then stays "legacy, unsigned"); and admitting a
 * computer that asked to join.
 */
import { ApiError } from '../../../core/api/apiError'
import { isAccessRole } from '../../../core/sync/access/memberRoles'
import type { AccessRole } from '../../../core/sync/access/memberRoles'
import type { Backend } from '../backend'
import { currentMember } from '../people/currentMember'
import { recordService } from './recordService'
import { realFolderIo } from '../sync/folderIo'
import { loadOrCreateMemberKey, memberKeySecretName } from '../sync/signing/memberKey'
import type { MemberKey } from '../sync/signing/memberKey'
import { boxKeySecretName, loadOrCreateBoxKey } from '../sync/signing/boxKey'
import type { BoxKey } from '../sync/signing/boxKey'
import { admitKey, readTeamTrust, writeGenesis } from '../sync/signing/teamTrust'
import type { SqliteSyncStore } from '../sync/sqliteSyncStore'

export type RoundSigning = { key: MemberKey; member: string; name: string; box: BoxKey }

/** This computer's signing identity as *me* in `teamId`; null when the workspace has no members. */
export function signingFor(b: Backend, teamId: string): RoundSigning | null {
  const me = currentMember(b)
  if (!me) return null
  return {
    key: loadOrCreateMemberKey(b.secrets, memberKeySecretName(b.ws.deviceId, teamId, me.id)),
    member: me.id,
    name: me.name,
    // Receives renewed team keys (keyRing.ts); published next to the signing key on the next round.
    box: loadOrCreateBoxKey(b.secrets, boxKeySecretName(b.ws.deviceId, teamId, me.id))
  }
}

function stamp(store: SqliteSyncStore, now: number): string {
  return Math.max(store.clock().millis, now).toString(16).padStart(12, '0') + '0000' + store.device
}

/**
 * Makes the team a signed one with *me* as root owner. The roles are the member list as this
 * computer holds it now; every device's changes this computer has received (and its own published
 * ones) stay readable as legacy, unsigned.
 */
export function startSigning(b: Backend, store: SqliteSyncStore, dir: string, teamId: string): boolean {
  const signing = signingFor(b, teamId)
  if (!signing) throw new ApiError('rule_violation', 'Signing needs a member to sign as: add yourself under Members first.')
  const rows = b.db.raw.prepare(`SELECT id, name, access FROM member WHERE deleted_at IS NULL`).all() as { id: string; name: string; access: string }[]
  const me = rows.find((r) => r.id === signing.member)
  if (me?.access !== 'owner') throw new ApiError('rule_violation', `Only an owner can start signing the team's changes; ${signing.name} is ${me?.access ?? 'not a member'}.`)
  const roles: Record<string, AccessRole> = {}
  const names: Record<string, string> = {}
  for (const r of rows) {
    if (isAccessRole(r.access)) roles[r.id] = r.access
    names[r.id] = r.name
  }
  const legacy: Record<string, number> = { [store.device]: store.lastPublished() }
  for (const d of store.knownDevices()) if (d !== store.device) legacy[d] = store.highWaterMark(d)
  return writeGenesis(realFolderIo, dir, { teamId, root: { member: signing.member, name: signing.name, dev: store.device, key: signing.key }, roles, names, legacy, h: stamp(store, b.now()) })
}

/** An owner's computer admits a computer that asked to join (its request's key id). */
export function admitComputer(b: Backend, store: SqliteSyncStore, dir: string, teamId: string, keyId: string, role?: AccessRole): void {
  const trust = readTeamTrust(realFolderIo, dir, teamId)
  if (!trust) throw new ApiError('rule_violation', 'This team does not sign its changes, so there is nobody to admit.')
  const request = trust.requests.find((r) => r.key === keyId)
  if (!request) throw new ApiError('not_found', `No computer is waiting to join with key ${keyId}.`)
  const signing = signingFor(b, teamId)
  if (!signing || !trust.keys.has(signing.key.keyId)) throw new ApiError('rule_violation', 'This computer is not admitted to the team itself, so it cannot admit others.')
  const access = (b.db.raw.prepare(`SELECT access FROM member WHERE id = ?`).get(signing.member) as { access: string } | undefined)?.access
  // Readers would ignore an admission by a non-owner anyway; saying so here is kinder.
  if (signing.member !== trust.genesis.root.member && access !== 'owner') throw new ApiError('rule_violation', `Only an owner can admit a computer to the team; ${signing.name} is ${access ?? 'not a member'}.`)
  if (role !== undefined) {
    const member = b.db.raw.prepare(`SELECT access FROM member WHERE id = ? AND deleted_at IS NULL`).get(request.member) as { access: string } | undefined
    if (!member) throw new ApiError('not_found', `${request.name} is not in this workspace's member list yet, so no role can be given; sync once more, or admit without a role.`)
    // Before the admission, so the computer's first files already meet the role it was given.
    if (member.access !== role) recordService.update(b, 'member', { id: request.member, access: role })
  }
  admitKey(realFolderIo, dir, request, signing.key, stamp(store, b.now()))
}
