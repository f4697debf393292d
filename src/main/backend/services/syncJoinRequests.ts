/**
 * Computers asking to join a signed team, for the Members screen's Admit button (issue #14): who
 * asks, from which computer, the fingerprint of the key they will sign with (to compare with what
 * their screen shows before admitting), and the role their member holds here now.
 */
import type { JoinRequest } from '../../../core/api/methods/syncMethods'
import { isAccessRole } from '../../../core/sync/access/memberRoles'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { realFolderIo } from '../sync/folderIo'
import { keyFingerprint } from '../sync/signing/memberKey'
import { readTeamTrust } from '../sync/signing/teamTrust'
import { syncFolderOf } from './syncService'

export function syncJoinRequests(b: Backend): JoinRequest[] {
  const dir = syncFolderOf(b)
  const teamId = b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'sync_team'`)?.value
  if (!dir || !teamId) return []
  let trust
  try {
    trust = readTeamTrust(realFolderIo, dir, teamId)
  } catch {
    // A broken signing file is reported by sync health; there is nobody to admit meanwhile.
    return []
  }
  return (trust?.requests ?? []).map((r) => {
    const access = b.db.get<{ access: string }>(sql`SELECT access FROM member WHERE id = ${r.member} AND deleted_at IS NULL`)?.access
    return { key: r.key, fingerprint: keyFingerprint(r.key), memberId: r.member, name: r.name, device: r.dev.slice(0, 6), role: isAccessRole(access) ? access : null }
  })
}
