/**
 * Team passphrase → data key (SYNC.md §2.11). A random 256-bit data key is wrapped with
 * AES-256-GCM under scrypt(passphrase) and stored write-once in `TEAM.key-<keyId>.json`.
 * A passphrase change re-wraps the same data key, so no data file is rewritten.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto'
import type { DataKey } from './blockCipher'
import { SyncFolderError } from './folderError'

export type TeamEncryption = { kdf: 'scrypt'; N: number; r: number; p: number; salt: string; keyIds: string[] }

export type TeamKeyFile = {
  magic: 'smo-desk-team-key'
  team: string
  keyId: string
  nonce: string
  wrapped: string
  /** First bytes of SHA-256(data key): lets support tell "wrong key file" from "wrong passphrase". */
  check: string
}

/** Production cost (≈0.3–0.5 s, 128 MiB); tests pass a smaller N to stay fast. */
export const SCRYPT_N = 131072

function kek(passphrase: string, enc: TeamEncryption): Buffer {
  const maxmem = 128 * enc.N * enc.r * 2 + 1024 * 1024
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(enc.salt, 'base64'), 32, { N: enc.N, r: enc.r, p: enc.p, maxmem })
}

function check(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16)
}

export function createTeamKey(
  passphrase: string,
  team: string,
  keyId = 'k1',
  N = SCRYPT_N
): { encryption: TeamEncryption; keyFile: TeamKeyFile; dataKey: DataKey } {
  const encryption: TeamEncryption = { kdf: 'scrypt', N, r: 8, p: 1, salt: randomBytes(16).toString('base64'), keyIds: [keyId] }
  const dk = randomBytes(32)
  return { encryption, keyFile: wrapDataKey(passphrase, team, encryption, { keyId, key: dk }), dataKey: { keyId, key: dk } }
}

export function wrapDataKey(passphrase: string, team: string, encryption: TeamEncryption, dataKey: DataKey): TeamKeyFile {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', kek(passphrase, encryption), nonce)
  cipher.setAAD(Buffer.from(`${team}|${dataKey.keyId}`))
  const wrapped = Buffer.concat([cipher.update(dataKey.key), cipher.final(), cipher.getAuthTag()])
  return {
    magic: 'smo-desk-team-key',
    team,
    keyId: dataKey.keyId,
    nonce: nonce.toString('base64'),
    wrapped: wrapped.toString('base64'),
    check: check(dataKey.key)
  }
}

/** Throws SyncFolderError('wrong-passphrase') when the passphrase (or key file) does not match. */
export function unwrapDataKey(passphrase: string, encryption: TeamEncryption, keyFile: TeamKeyFile): DataKey {
  const wrapped = Buffer.from(keyFile.wrapped, 'base64')
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek(passphrase, encryption), Buffer.from(keyFile.nonce, 'base64'))
    decipher.setAAD(Buffer.from(`${keyFile.team}|${keyFile.keyId}`))
    decipher.setAuthTag(wrapped.subarray(wrapped.length - 16))
    const key = Buffer.concat([decipher.update(wrapped.subarray(0, wrapped.length - 16)), decipher.final()])
    if (check(key) !== keyFile.check) throw new Error('key check mismatch')
    return { keyId: keyFile.keyId, key }
  } catch {
    throw new SyncFolderError('wrong-passphrase', `key ${keyFile.keyId}`)
  }
}
