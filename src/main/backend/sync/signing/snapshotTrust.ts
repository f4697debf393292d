/**
 * Snapshots in a signed team (docs/SYNC-SECURITY.md). A snapshot is a whole state, not a list of
 * changes a reader can check one by one, so a reader can only trust its writer. The one writer every
 * computer can recognise without reading the logs first — which a new member joining from the
 * snapshot has not done — is the root owner: named in TEAM.signing.json and never demoted or
 * removed. Other owners' standing depends on member-list changes, and a demoted owner could leave
 * their demotion out of a snapshot they wrote; so only the root owner's computers write snapshots,
 * and readers accept only those.
 */
import type { SnapshotManifest } from '../snapshotManifest'
import { snapshotSignedText } from '../snapshotManifest'
import { verifySignature } from './memberKey'
import type { TeamTrust } from './teamTrust'

/** True when this key may sign snapshots: the root's own key, or a computer the root admitted for the root. */
export function mayWriteSnapshots(trust: TeamTrust, keyId: string): boolean {
  const { root } = trust.genesis
  if (keyId === root.key) return true
  const k = trust.keys.get(keyId)
  return k !== undefined && k.member === root.member && k.admittedBy === root.key
}

/** True, or the reason (a sentence for sync health) the snapshot must not be loaded. */
export function snapshotTrust(trust: TeamTrust, m: SnapshotManifest): true | string {
  if (!m.sign) return 'not signed, and this team signs everything'
  const key = m.sign.key === trust.genesis.root.key ? { publicKey: trust.genesis.root.publicKey, dev: trust.genesis.root.dev } : trust.keys.get(m.sign.key)
  if (!key || !mayWriteSnapshots(trust, m.sign.key)) return "not signed by the team's root owner"
  if (key.dev !== m.createdBy) return 'signed with a key of another computer than the one that wrote it'
  const { sign, ...rest } = m
  if (!verifySignature(key.publicKey, snapshotSignedText(rest), sign.sig)) return 'its signature does not match (changed after signing, or forged)'
  return true
}
