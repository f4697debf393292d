/**
 * Team key renewal after a removal (issue #14 item 3, docs/SYNC-SECURITY.md). Two kinds of
 * write-once files in the team folder, both signed with Ed25519 keys the team already trusts:
 * - `boxkeys/<keyId>.json`: a computer's X25519 public key, signed by that computer's admitted
 *   signing key — the member list's public keys, extended with where to send a key;
 * - `keyring/<dataKeyId>/<recipientKeyId>.json`: one data-key generation wrapped for one admitted
 *   computer, signed by an owner. A generation's id is `g<n>-<random>`; `n` orders them.
 *
 * Generation 0 is the passphrase key (TEAM.key-k1.json), which every member who ever joined could
 * unwrap. When a member no longer has a role (removed, or made inactive) and might hold the newest
 * generation, an owner's computer makes a new one and wraps it for every remaining member's
 * computer; files written after that use it, so the removed member cannot read them. Readers keep
 * every older generation they unwrapped, so older files stay readable. A generation counts only
 * while the owner who wrapped it is an owner in the member list (a forged or non-owner wrap could
 * otherwise hand everyone a key its author reads).
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'
import type { AccessRole } from '../../../../core/sync/access/memberRoles'
import type { DataKey } from '../blockCipher'
import type { FolderIo } from '../folderIo'
import { writeOnce } from '../teamFolder'
import type { BoxKey } from './boxKey'
import { unwrapWith, wrapFor } from './boxKey'
import type { MemberKey } from './memberKey'
import { verifySignature } from './memberKey'
import type { KeyEntry, TeamTrust } from './teamTrust'
import { readJson, signedText } from './teamTrust'

export const BOX_DIR = 'boxkeys'
export const KEYRING_DIR = 'keyring'

const hex16 = z.string().regex(/^[0-9a-f]{16}$/)
const genId = z.string().regex(/^g[0-9]{1,9}-[0-9a-f]{8}$/)
const boxSchema = z.object({ magic: z.literal('smo-desk-box-key'), team: z.string(), key: hex16, box: z.string(), sig: z.string() })
const wrapSchema = z.object({
  magic: z.literal('smo-desk-wrapped-key'),
  team: z.string(),
  keyId: genId,
  gen: z.number().int().positive(),
  recipient: hex16,
  epk: z.string(),
  nonce: z.string(),
  wrapped: z.string(),
  by: hex16,
  h: z.string(),
  sig: z.string()
})
export type WrapEntry = z.infer<typeof wrapSchema>

export type KeyRing = {
  /** Signing key id → that computer's X25519 public key (signature checked against the admitted key). */
  boxes: Map<string, string>
  /** Wraps whose signature verifies against an admitted key; whether the signer is an owner is decided per use. */
  wraps: WrapEntry[]
}

export type Generation = { keyId: string; gen: number; wraps: Map<string, WrapEntry> }

function list(io: FolderIo, dir: string): string[] {
  try {
    return io.readdir(dir).filter((n) => n.endsWith('.json') && !n.includes('.tmp-')).sort()
  } catch {
    return []
  }
}

/** Publishes this computer's box key once (signed by its signing key). */
export function publishBoxKey(io: FolderIo, dir: string, teamId: string, signer: MemberKey, box: BoxKey): void {
  const name = path.join(BOX_DIR, `${signer.keyId}.json`)
  if (readJson(io, path.join(dir, name)) !== null) return
  const body = { magic: 'smo-desk-box-key' as const, team: teamId, key: signer.keyId, box: box.publicKey }
  io.mkdirp(path.join(dir, BOX_DIR))
  writeOnce(io, dir, name, Buffer.from(JSON.stringify({ ...body, sig: signer.sign(signedText(body)) }, null, 2)))
}

export function readKeyRing(io: FolderIo, dir: string, trust: TeamTrust): KeyRing {
  const team = trust.genesis.team
  const boxes = new Map<string, string>()
  for (const name of list(io, path.join(dir, BOX_DIR))) {
    const p = boxSchema.safeParse(readJson(io, path.join(dir, BOX_DIR, name)))
    const signer = p.success ? trust.keys.get(p.data.key) : undefined
    if (p.success && signer && p.data.team === team && verifySignature(signer.publicKey, signedText(p.data), p.data.sig)) boxes.set(p.data.key, p.data.box)
  }
  const wraps: WrapEntry[] = []
  for (const gen of dirs(io, path.join(dir, KEYRING_DIR))) {
    for (const name of list(io, path.join(dir, KEYRING_DIR, gen))) {
      const p = wrapSchema.safeParse(readJson(io, path.join(dir, KEYRING_DIR, gen, name)))
      if (!p.success || p.data.team !== team || p.data.keyId !== gen || name !== `${p.data.recipient}.json`) continue
      const signer = trust.keys.get(p.data.by)
      if (signer && verifySignature(signer.publicKey, signedText(p.data), p.data.sig)) wraps.push(p.data)
    }
  }
  return { boxes, wraps }
}

function dirs(io: FolderIo, dir: string): string[] {
  try {
    return io.readdir(dir).filter((n) => genId.safeParse(n).success).sort()
  } catch {
    return []
  }
}

/** Generations whose wraps were made by a current owner, newest first (by number, then id). */
export function generations(ring: KeyRing, trust: TeamTrust, role: (member: string) => AccessRole | null): Generation[] {
  const byId = new Map<string, Generation>()
  for (const w of ring.wraps) {
    const signer = trust.keys.get(w.by)
    if (!signer || role(signer.member) !== 'owner') continue
    const g = byId.get(w.keyId) ?? { keyId: w.keyId, gen: w.gen, wraps: new Map<string, WrapEntry>() }
    // A generation's number is what its first wrap says; a wrap claiming another number is ignored.
    if (g.gen !== w.gen) continue
    g.wraps.set(w.recipient, w)
    byId.set(w.keyId, g)
  }
  return [...byId.values()].sort((a, b) => b.gen - a.gen || (a.keyId < b.keyId ? 1 : a.keyId > b.keyId ? -1 : 0))
}

export type RenewalPlan = { kind: 'none' } | { kind: 'renew'; to: KeyEntry[] } | { kind: 'hand'; gen: Generation; to: KeyEntry[] }

/**
 * What an owner's computer should do: renew when someone without a role might hold the newest
 * generation (for generation 0, the passphrase key, that is anyone who ever was a member), else hand
 * the newest generation to remaining computers that do not have it yet.
 */
export function planRenewal(trust: TeamTrust, ring: KeyRing, role: (member: string) => AccessRole | null, everMembers: readonly string[]): RenewalPlan {
  const remaining = [...trust.keys.values()].filter((k) => role(k.member) !== null && ring.boxes.has(k.key))
  const newest = generations(ring, trust, role)[0]
  const exposed = newest
    ? [...newest.wraps.keys()].some((keyId) => {
        const k = trust.keys.get(keyId)
        return !k || role(k.member) === null
      })
    : everMembers.some((m) => role(m) === null)
  if (exposed) return remaining.length > 0 ? { kind: 'renew', to: remaining } : { kind: 'none' }
  if (!newest) return { kind: 'none' }
  const to = remaining.filter((k) => !newest.wraps.has(k.key))
  return to.length > 0 ? { kind: 'hand', gen: newest, to } : { kind: 'none' }
}

/** Wraps `dataKey` (generation `gen`) for each computer in `to`, signed by the owner's key. */
export function writeWraps(io: FolderIo, dir: string, trust: TeamTrust, ring: KeyRing, owner: MemberKey, dataKey: DataKey, gen: number, to: readonly KeyEntry[], h: string): void {
  const team = trust.genesis.team
  io.mkdirp(path.join(dir, KEYRING_DIR, dataKey.keyId))
  for (const k of to) {
    const box = ring.boxes.get(k.key)
    if (!box) continue
    const w = wrapFor(box, dataKey, { team, keyId: dataKey.keyId, recipient: k.key })
    const body = { magic: 'smo-desk-wrapped-key' as const, team, keyId: dataKey.keyId, gen, recipient: k.key, ...w, by: owner.keyId, h }
    writeOnce(io, dir, path.join(KEYRING_DIR, dataKey.keyId, `${k.key}.json`), Buffer.from(JSON.stringify({ ...body, sig: owner.sign(signedText(body)) }, null, 2)))
  }
}

export function newGeneration(gen: number): DataKey {
  return { keyId: `g${gen}-${randomBytes(4).toString('hex')}`, key: randomBytes(32) }
}

/** The generations this computer can open with its box key (signing key `mine`). */
export function unwrapOwn(gens: readonly Generation[], team: string, mine: string, box: BoxKey): Map<string, DataKey> {
  const out = new Map<string, DataKey>()
  for (const g of gens) {
    const w = g.wraps.get(mine)
    const dk = w ? unwrapWith(box, w, { team, keyId: g.keyId, recipient: mine }) : null
    if (dk) out.set(g.keyId, dk)
  }
  return out
}
