/**
 * A signed team's trust anchors for the sync bench, kept as a small JSON file in the bench folder so
 * the child process that joins can read the same public keys: every bench device is an editor,
 * admitted by a root key.
 */
import fs from 'node:fs'
import path from 'node:path'
import { newMemberKey } from '../src/main/backend/sync/signing/memberKey'
import type { MemberKey } from '../src/main/backend/sync/signing/memberKey'
import type { KeyEntry, TeamTrust } from '../src/main/backend/sync/signing/teamTrust'

const TEAM = '01JBENCHTEAM00000000000000'

type Stored = { root: { keyId: string; publicKey: string }; keys: { dev: string; keyId: string; publicKey: string }[] }

/** `rootKey`: the root owner's key (the bench signs its snapshot with it); a throwaway one by default. */
export function writeBenchTrust(root: string, keys: ReadonlyMap<string, MemberKey>, rootKey: MemberKey = newMemberKey().key): void {
  const r = rootKey
  const stored: Stored = { root: { keyId: r.keyId, publicKey: r.publicKey }, keys: [...keys].map(([dev, k]) => ({ dev, keyId: k.keyId, publicKey: k.publicKey })) }
  fs.writeFileSync(path.join(root, 'bench-trust.json'), JSON.stringify(stored))
}

export function readBenchTrust(root: string): TeamTrust {
  const s = JSON.parse(fs.readFileSync(path.join(root, 'bench-trust.json'), 'utf8')) as Stored
  const keys = new Map<string, KeyEntry>()
  for (const k of s.keys) {
    keys.set(k.keyId, { magic: 'smo-desk-member-key', team: TEAM, key: k.keyId, dev: k.dev, publicKey: k.publicKey, member: `member-${k.dev}`, name: `Member ${k.dev.slice(0, 4)}`, h: '', admittedBy: s.root.keyId, sig: '' })
  }
  const roles = Object.fromEntries(s.keys.map((k) => [`member-${k.dev}`, 'editor' as const]))
  return {
    genesis: { magic: 'smo-desk-signing', team: TEAM, root: { member: 'root', name: 'Root', key: s.root.keyId, dev: '0000000000000000', publicKey: s.root.publicKey }, roles, names: {}, legacy: {}, h: '', sig: '' },
    keys,
    requests: []
  }
}
