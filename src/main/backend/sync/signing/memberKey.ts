/**
 * A member's signing identity on one computer (docs/SYNC-SECURITY.md): an Ed25519 key pair from
 * node:crypto. The private key is kept like the team key — in the host's SecretPort (OS keychain, or
 * the user-only secrets file) — never in the workspace database, which gets copied into backups.
 * The key id is the first 16 hex of the SHA-256 of the public key, so a file names its signer
 * without carrying the whole key.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import type { SecretPort } from '../../settings/secretPort'

/** What a signature is over: a fixed prefix keeps a file signature from being valid as anything else. */
const CONTEXT = 'smo-desk-sign-v1\n'

export type MemberKey = { keyId: string; publicKey: string; sign: (message: string) => string }

export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16)
}

function fromPrivate(privateKey: KeyObject): MemberKey {
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64')
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (message) => sign(null, Buffer.from(CONTEXT + message), privateKey).toString('base64')
  }
}

export function newMemberKey(): { key: MemberKey; secret: string } {
  const { privateKey } = generateKeyPairSync('ed25519')
  return { key: fromPrivate(privateKey), secret: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64') }
}

export function memberKeyFromSecret(secret: string): MemberKey {
  return fromPrivate(createPrivateKey({ key: Buffer.from(secret, 'base64'), format: 'der', type: 'pkcs8' }))
}

/** "1a2b 3c4d 5e6f 7a8b": the key id in groups of four, to compare on two screens before admitting. */
export function keyFingerprint(keyId: string): string {
  return keyId.match(/.{1,4}/g)?.join(' ') ?? keyId
}

/** The secret's name: per workspace, team and member, so two workspaces never share an identity. */
export function memberKeySecretName(workspaceId: string, teamId: string, member: string): string {
  return `sign:${workspaceId}:${teamId}:${member}`
}

/** This computer's key for the member, made and saved on first use. */
export function loadOrCreateMemberKey(secrets: SecretPort, name: string): MemberKey {
  const saved = secrets.get(name)
  if (saved !== null) return memberKeyFromSecret(saved)
  const { key, secret } = newMemberKey()
  secrets.set(name, secret)
  return key
}

const publicKeys = new Map<string, KeyObject>()

/** Verifies a signature made by `MemberKey.sign`; false on any malformed input, never throws. */
export function verifySignature(publicKey: string, message: string, signature: string): boolean {
  try {
    let key = publicKeys.get(publicKey)
    if (!key) {
      key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
      publicKeys.set(publicKey, key)
    }
    return verify(null, Buffer.from(CONTEXT + message), key, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}
