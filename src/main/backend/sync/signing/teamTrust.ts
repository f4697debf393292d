/**
 * The signed member list's anchors in the shared folder (docs/SYNC-SECURITY.md):
 * - `TEAM.signing.json` (write-once): the root owner's key, the roles at the moment signing began,
 *   and, for a team that existed before signing, each device's high-water mark then ("legacy,
 *   unsigned" up to there). Signed by the root key. A team founded with signing writes it with
 *   TEAM.json; TEAM.json itself stays untouched so that older readers still open the team.
 * - `keys/<keyId>.json` (write-once): one computer's public key for one member, admitted (signed) by
 *   an owner's key. A key belongs to one device id, so it can only sign that device's files.
 * - `requests/<keyId>.json` (write-once): a new computer asking to be admitted, self-signed to prove
 *   it holds the private key.
 */
import path from 'node:path'
import { z } from 'zod'
import type { AccessRole } from '../../../../core/sync/access/memberRoles'
import { ACCESS_ROLES } from '../../../../core/sync/access/memberRoles'
import type { FolderIo } from '../folderIo'
import { writeOnce } from '../teamFolder'
import type { MemberKey } from './memberKey'
import { keyIdOf, verifySignature } from './memberKey'

const role = z.enum(ACCESS_ROLES)
const hex16 = z.string().regex(/^[0-9a-f]{16}$/)

const genesisSchema = z.object({
  magic: z.literal('smo-desk-signing'),
  team: z.string(),
  root: z.object({ member: z.string(), name: z.string(), key: hex16, dev: hex16, publicKey: z.string() }),
  roles: z.record(z.string(), role),
  names: z.record(z.string(), z.string()),
  legacy: z.record(z.string(), z.number().int().nonnegative()),
  h: z.string(),
  sig: z.string()
})
const keySchema = z.object({
  magic: z.literal('smo-desk-member-key'),
  team: z.string(),
  key: hex16,
  dev: hex16,
  publicKey: z.string(),
  member: z.string(),
  name: z.string(),
  h: z.string(),
  admittedBy: hex16.nullable(),
  sig: z.string()
})

export type SigningGenesis = z.infer<typeof genesisSchema>
export type KeyEntry = z.infer<typeof keySchema>

export type TeamTrust = {
  genesis: SigningGenesis
  /** Admitted keys (admittedBy set), the root's own included; validity of the admitter is the guard's job. */
  keys: Map<string, KeyEntry>
  /** Computers asking to join that no owner has admitted yet. */
  requests: KeyEntry[]
}

export const SIGNING_FILE = 'TEAM.signing.json'

/** Canonical text a record's signature covers: its fields in a fixed order, `sig` left out. */
export function signedText(value: Record<string, unknown>): string {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(value).sort()) if (k !== 'sig') out[k] = value[k]
  return JSON.stringify(out)
}

export function readJson(io: FolderIo, file: string): unknown {
  try {
    return JSON.parse(io.readFile(file).toString('utf8'))
  } catch {
    return null
  }
}

export type GenesisInput = { teamId: string; root: { member: string; name: string; dev: string; key: MemberKey }; roles: Record<string, AccessRole>; names: Record<string, string>; legacy: Record<string, number>; h: string }

/** Starts signing in a team folder (creation or upgrade); false when another owner did so first. */
export function writeGenesis(io: FolderIo, dir: string, g: GenesisInput): boolean {
  const { key } = g.root
  const body = {
    magic: 'smo-desk-signing' as const,
    team: g.teamId,
    root: { member: g.root.member, name: g.root.name, key: key.keyId, dev: g.root.dev, publicKey: key.publicKey },
    roles: g.roles,
    names: g.names,
    legacy: g.legacy,
    h: g.h
  }
  const created = writeOnce(io, dir, SIGNING_FILE, Buffer.from(JSON.stringify({ ...body, sig: key.sign(signedText(body)) }, null, 2)))
  if (created) writeKeyFile(io, dir, 'keys', { team: g.teamId, key, dev: g.root.dev, member: g.root.member, name: g.root.name, h: g.h }, key)
  return created
}

type KeyInput = { team: string; key: MemberKey; dev: string; member: string; name: string; h: string }

function writeKeyFile(io: FolderIo, dir: string, sub: 'keys' | 'requests', k: KeyInput, signer: MemberKey): void {
  const body = { magic: 'smo-desk-member-key' as const, team: k.team, key: k.key.keyId, dev: k.dev, publicKey: k.key.publicKey, member: k.member, name: k.name, h: k.h, admittedBy: sub === 'keys' ? signer.keyId : null }
  io.mkdirp(path.join(dir, sub))
  writeOnce(io, dir, path.join(sub, `${k.key.keyId}.json`), Buffer.from(JSON.stringify({ ...body, sig: signer.sign(signedText(body)) }, null, 2)))
}

/** A new computer asks to join as `member`: its public key, self-signed, for an owner to admit. */
export function writeJoinRequest(io: FolderIo, dir: string, k: KeyInput): void {
  writeKeyFile(io, dir, 'requests', k, k.key)
}

/** An owner admits a request: the same key entry, signed by the owner's key. */
export function admitKey(io: FolderIo, dir: string, request: KeyEntry, owner: MemberKey, h: string): void {
  const unsigned = { magic: request.magic, team: request.team, key: request.key, dev: request.dev, publicKey: request.publicKey, member: request.member, name: request.name, h, admittedBy: owner.keyId }
  io.mkdirp(path.join(dir, 'keys'))
  writeOnce(io, dir, path.join('keys', `${request.key}.json`), Buffer.from(JSON.stringify({ ...unsigned, sig: owner.sign(signedText(unsigned)) }, null, 2)))
}

function entries(io: FolderIo, dir: string, sub: string, teamId: string): KeyEntry[] {
  let names: string[]
  try {
    names = io.readdir(path.join(dir, sub))
  } catch {
    return []
  }
  const out: KeyEntry[] = []
  for (const name of names.sort()) {
    if (!name.endsWith('.json') || name.includes('.tmp-')) continue
    const parsed = keySchema.safeParse(readJson(io, path.join(dir, sub, name)))
    // A key file must name the key its public key hashes to, or anyone could relabel a key.
    if (parsed.success && parsed.data.team === teamId && keyIdOf(parsed.data.publicKey) === parsed.data.key) out.push(parsed.data)
  }
  return out
}

/**
 * The team's trust anchors, or null for a team that does not sign (yet). A genesis whose root
 * signature does not verify is treated as absent tampering: null would let anything through, so
 * it throws instead and sync stops with that sentence.
 */
export function readTeamTrust(io: FolderIo, dir: string, teamId: string): TeamTrust | null {
  const raw = readJson(io, path.join(dir, SIGNING_FILE))
  if (raw === null) return null
  const parsed = genesisSchema.safeParse(raw)
  if (!parsed.success || parsed.data.team !== teamId) throw new Error(`${SIGNING_FILE} is not a valid signing file for this team`)
  const genesis = parsed.data
  if (keyIdOf(genesis.root.publicKey) !== genesis.root.key || !verifySignature(genesis.root.publicKey, signedText(genesis), genesis.sig)) {
    throw new Error(`${SIGNING_FILE} does not carry the root owner's valid signature; someone changed it`)
  }
  // An admission is valid once its admitter's key is: repeat until nothing more settles (chains
  // of admissions are short). Whether the admitter was an owner at the time is the guard's job.
  const keys = new Map<string, KeyEntry>()
  const pending = entries(io, dir, 'keys', teamId).filter((k) => k.admittedBy !== null)
  for (let changed = true; changed; ) {
    changed = false
    for (const k of pending) {
      if (keys.has(k.key)) continue
      const pub = k.admittedBy === genesis.root.key ? genesis.root.publicKey : (keys.get(k.admittedBy ?? '')?.publicKey ?? null)
      if (pub !== null && verifySignature(pub, signedText(k), k.sig)) {
        keys.set(k.key, k)
        changed = true
      }
    }
  }
  const requests = entries(io, dir, 'requests', teamId).filter((r) => !keys.has(r.key) && verifySignature(r.publicKey, signedText(r), r.sig))
  return { genesis, keys, requests }
}
