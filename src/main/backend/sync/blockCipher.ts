/**
 * AES-256-GCM in blocks of up to 64 KiB (SYNC.md §2.3): `[u32 len][12-byte nonce][ciphertext][16-byte tag]`.
 * The AAD binds team, device, seq range, block index and a last-block flag, so reordering blocks,
 * moving them between files or devices, or cutting a file at a block boundary all fail to verify.
 * Per-record GCM was measured 40× slower; blocks keep encrypted mode within 10 % of plaintext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

export const BLOCK_SIZE = 64 * 1024
const NONCE = 12
const TAG = 16

export type DataKey = { keyId: string; key: Buffer }

export type BlockContext = { team: string; dev: string; first: number; last: number }

function aad(ctx: BlockContext, index: number, isLast: boolean): Buffer {
  return Buffer.from(`${ctx.team}|${ctx.dev}|${ctx.first}|${ctx.last}|${index}|${isLast ? 1 : 0}`)
}

export function encryptBlocks(plain: Buffer, key: DataKey, ctx: BlockContext): Buffer {
  const parts: Buffer[] = []
  const count = Math.max(1, Math.ceil(plain.length / BLOCK_SIZE))
  for (let i = 0; i < count; i++) {
    const chunk = plain.subarray(i * BLOCK_SIZE, (i + 1) * BLOCK_SIZE)
    const nonce = randomBytes(NONCE)
    const cipher = createCipheriv('aes-256-gcm', key.key, nonce)
    cipher.setAAD(aad(ctx, i, i === count - 1))
    const ct = Buffer.concat([cipher.update(chunk), cipher.final()])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(ct.length)
    parts.push(len, nonce, ct, cipher.getAuthTag())
  }
  return Buffer.concat(parts)
}

export type DecryptedBlocks = { plain: Buffer; complete: boolean; damage: string | null }

/** Decrypts verified blocks in order and stops at the first one that fails; never returns unverified bytes. */
export function decryptBlocks(body: Buffer, key: DataKey, ctx: BlockContext): DecryptedBlocks {
  const out: Buffer[] = []
  let offset = 0
  for (let i = 0; offset < body.length; i++) {
    if (offset + 4 > body.length) return { plain: Buffer.concat(out), complete: false, damage: `block ${i}: truncated length` }
    const len = body.readUInt32BE(offset)
    const end = offset + 4 + NONCE + len + TAG
    if (len > BLOCK_SIZE || end > body.length) return { plain: Buffer.concat(out), complete: false, damage: `block ${i}: truncated` }
    const nonce = body.subarray(offset + 4, offset + 4 + NONCE)
    const ct = body.subarray(offset + 4 + NONCE, end - TAG)
    const tag = body.subarray(end - TAG, end)
    const isLast = end === body.length
    // Try the flag the position implies first. A verified "last" block followed by more bytes means
    // garbage was appended (harmless: stop there); a verified non-last block at the end means the
    // file was cut at a block boundary (keep what verified, report incomplete).
    const flags = isLast ? [true, false] : [false, true]
    let plain: Buffer | null = null
    let last = false
    for (const flag of flags) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.key, nonce)
        decipher.setAAD(aad(ctx, i, flag))
        decipher.setAuthTag(tag)
        plain = Buffer.concat([decipher.update(ct), decipher.final()])
        last = flag
        break
      } catch {
        plain = null
      }
    }
    if (plain === null) return { plain: Buffer.concat(out), complete: false, damage: `block ${i}: authentication failed` }
    out.push(plain)
    if (last) return { plain: Buffer.concat(out), complete: true, damage: null }
    offset = end
  }
  return { plain: Buffer.concat(out), complete: false, damage: 'no last block' }
}
