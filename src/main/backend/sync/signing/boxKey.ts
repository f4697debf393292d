/**
 * A member's key for receiving renewed team keys (docs/SYNC-SECURITY.md, "Renewing the team key"):
 * an X25519 key pair per member per computer, beside the Ed25519 signing key and kept the same way
 * (the host's SecretPort, never the workspace database). A data key is wrapped for one recipient
 * with ECDH (a fresh ephemeral key each time) → HKDF-SHA-256 → AES-256-GCM; the HKDF info and the
 * AAD bind the team, the data key's id and the recipient, so a wrap cannot be moved to another
 * key generation or person. `crypto.hpke` is not in Node 24's `node:crypto`, hence the hand-made
 * (standard) construction.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import type { SecretPort } from '../../settings/secretPort'
import type { DataKey } from '../blockCipher'

export type BoxKey = { publicKey: string; privateKey: KeyObject }

/** Where the wrap is bound: the same text is HKDF info and GCM AAD. */
export type WrapContext = { team: string; keyId: string; recipient: string }

export type WrappedKey = { epk: string; nonce: string; wrapped: string }

const spki = (k: KeyObject): string => k.export({ type: 'spki', format: 'der' }).toString('base64')

function fromPrivate(privateKey: KeyObject): BoxKey {
  return { publicKey: spki(createPublicKey(privateKey)), privateKey }
}

export function newBoxKey(): { key: BoxKey; secret: string } {
  const { privateKey } = generateKeyPairSync('x25519')
  return { key: fromPrivate(privateKey), secret: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64') }
}

export function boxKeySecretName(workspaceId: string, teamId: string, member: string): string {
  return `box:${workspaceId}:${teamId}:${member}`
}

/** This computer's box key for the member, made and saved on first use. */
export function loadOrCreateBoxKey(secrets: SecretPort, name: string): BoxKey {
  const saved = secrets.get(name)
  if (saved !== null) return fromPrivate(createPrivateKey({ key: Buffer.from(saved, 'base64'), format: 'der', type: 'pkcs8' }))
  const { key, secret } = newBoxKey()
  secrets.set(name, secret)
  return key
}

const info = (c: WrapContext): Buffer => Buffer.from(`smo-desk-keywrap-v1|${c.team}|${c.keyId}|${c.recipient}`)

function kek(shared: Buffer, salt: Buffer, c: WrapContext): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, salt, info(c), 32))
}

/** Wraps `dataKey` for the holder of `recipientPublic` (X25519 SPKI, base64). */
export function wrapFor(recipientPublic: string, dataKey: DataKey, c: WrapContext): WrappedKey {
  const eph = generateKeyPairSync('x25519')
  const publicKey = createPublicKey({ key: Buffer.from(recipientPublic, 'base64'), format: 'der', type: 'spki' })
  const epk = spki(eph.publicKey)
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey })
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', kek(shared, Buffer.from(epk, 'base64'), c), nonce)
  cipher.setAAD(info(c))
  const wrapped = Buffer.concat([cipher.update(dataKey.key), cipher.final(), cipher.getAuthTag()])
  return { epk, nonce: nonce.toString('base64'), wrapped: wrapped.toString('base64') }
}

/** The data key, or null when the wrap is not for this key or was changed (never throws). */
export function unwrapWith(box: BoxKey, w: WrappedKey, c: WrapContext): DataKey | null {
  try {
    const publicKey = createPublicKey({ key: Buffer.from(w.epk, 'base64'), format: 'der', type: 'spki' })
    const shared = diffieHellman({ privateKey: box.privateKey, publicKey })
    const wrapped = Buffer.from(w.wrapped, 'base64')
    const decipher = createDecipheriv('aes-256-gcm', kek(shared, Buffer.from(w.epk, 'base64'), c), Buffer.from(w.nonce, 'base64'))
    decipher.setAAD(info(c))
    decipher.setAuthTag(wrapped.subarray(wrapped.length - 16))
    const key = Buffer.concat([decipher.update(wrapped.subarray(0, wrapped.length - 16)), decipher.final()])
    return key.length === 32 ? { keyId: c.keyId, key } : null
  } catch {
    return null
  }
}
