/**
 * SHA-256 (FIPS 180-4) in plain ECMAScript, fed with strings in pieces so a large canonical input
 * never has to exist as one string. Core has no crypto module; callers in Node may pass
 * node:crypto's hash instead (same digest, faster) through `DeckHasher`.
 */
export type DeckHasher = { update(text: string): void; digest(): string }

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2
])

export function sha256(): DeckHasher {
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])
  const w = new Uint32Array(64)
  const block = new Uint8Array(64)
  let used = 0
  let total = 0

  const compress = (): void => {
    for (let i = 0; i < 16; i++) {
      w[i] = ((block[i * 4] ?? 0) << 24) | ((block[i * 4 + 1] ?? 0) << 16) | ((block[i * 4 + 2] ?? 0) << 8) | (block[i * 4 + 3] ?? 0)
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] ?? 0
      const b = w[i - 2] ?? 0
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3)
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10)
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) | 0
    }
    let a = h[0] ?? 0, b = h[1] ?? 0, c = h[2] ?? 0, d = h[3] ?? 0, e = h[4] ?? 0, f = h[5] ?? 0, g = h[6] ?? 0, hh = h[7] ?? 0
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + (K[i] ?? 0) + (w[i] ?? 0)) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0
    }
    h[0] = (h[0] ?? 0) + a; h[1] = (h[1] ?? 0) + b; h[2] = (h[2] ?? 0) + c; h[3] = (h[3] ?? 0) + d
    h[4] = (h[4] ?? 0) + e; h[5] = (h[5] ?? 0) + f; h[6] = (h[6] ?? 0) + g; h[7] = (h[7] ?? 0) + hh
  }
  const push = (byte: number): void => {
    block[used++] = byte
    if (used === 64) {
      compress()
      used = 0
    }
  }

  return {
    update(text: string): void {
      // UTF-8 by hand: TextEncoder is a web/Node API, not part of the language core runs on.
      for (let i = 0; i < text.length; i++) {
        let cp = text.charCodeAt(i)
        if (cp >= 0xd800 && cp < 0xe000) {
          const lo = cp < 0xdc00 && i + 1 < text.length ? text.charCodeAt(i + 1) : 0
          if (lo >= 0xdc00 && lo < 0xe000) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00)
            i++
          } else {
            cp = 0xfffd // a lone surrogate encodes as U+FFFD, as TextEncoder does
          }
        }
        if (cp < 0x80) {
          push(cp)
          total += 1
        } else if (cp < 0x800) {
          push(0xc0 | (cp >> 6)); push(0x80 | (cp & 63))
          total += 2
        } else if (cp < 0x10000) {
          push(0xe0 | (cp >> 12)); push(0x80 | ((cp >> 6) & 63)); push(0x80 | (cp & 63))
          total += 3
        } else {
          push(0xf0 | (cp >> 18)); push(0x80 | ((cp >> 12) & 63)); push(0x80 | ((cp >> 6) & 63)); push(0x80 | (cp & 63))
          total += 4
        }
      }
    },
    digest(): string {
      const bits = total * 8
      push(0x80)
      while (used !== 56) push(0)
      const hi = Math.floor(bits / 0x100000000)
      for (const word of [hi, bits >>> 0]) {
        push((word >>> 24) & 255); push((word >>> 16) & 255); push((word >>> 8) & 255); push(word & 255)
      }
      let out = ''
      for (const v of h) out += v.toString(16).padStart(8, '0')
      return out
    }
  }
}
