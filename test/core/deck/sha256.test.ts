import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sha256 } from '../../../src/core/deck/sha256'

const digest = (...parts: string[]): string => {
  const h = sha256()
  for (const p of parts) h.update(p)
  return h.digest()
}

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(digest('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(digest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(digest('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1')
    expect(digest('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0')
  })

  it('equals node:crypto on any text, fed in one piece or several', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }), (parts) => {
        const joined = parts.join('')
        // Node encodes a lone surrogate as U+FFFD, as the pure version does.
        const expected = createHash('sha256').update(joined, 'utf8').digest('hex')
        expect(digest(joined)).toBe(expected)
        // Pieces must not split a surrogate pair (callers feed whole JSON lines); skip texts with surrogates.
        if (!/[\uD800-\uDFFF]/.test(joined)) expect(digest(...parts)).toBe(expected)
      })
    )
  })
})
