import type { Rng } from './seededRandom'

/** Crockford base32, as ULID uses it (no I, L, O, U). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const MAX_TIME = 2 ** 48 - 1
const CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0))
const codes: number[] = new Array<number>(26).fill(48)

/**
 * A ULID (10 chars of millisecond time, then 16 chars = 80 random bits) whose random part comes from
 * a seeded stream, so the demo is reproducible. The time part is the record's believable creation
 * time, which keeps id order close to creation order as it is for real records.
 */
export function seededUlid(rng: Rng, timeMs: number): string {
  // Char codes into one reused buffer, one string at the end: 26 string concatenations per id were
  // a measurable share of a 100k-item run.
  let t = Math.min(MAX_TIME, Math.max(0, Math.floor(timeMs)))
  for (let i = 9; i >= 0; i--) {
    const mod = t % 32
    codes[i] = CODES[mod] ?? 48
    t = (t - mod) / 32
  }
  // Each 32-bit draw yields six 5-bit characters; three draws cover the 16 random characters.
  let at = 10
  for (let word = 0; word < 3; word++) {
    let bits = rng.u32()
    const count = word < 2 ? 6 : 4
    for (let i = 0; i < count; i++) {
      codes[at++] = CODES[bits & 31] ?? 48
      bits >>>= 5
    }
  }
  return String.fromCharCode(...codes)
}
