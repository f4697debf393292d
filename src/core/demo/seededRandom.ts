/**
 * A small seeded random source for the demo generator. sfc32 rather than mulberry32: its 128-bit
 * state keeps independently salted streams from running into each other, which matters because
 * record ids draw their 80 random bits from these streams.
 */
export type Rng = {
  /** Next unsigned 32-bit integer. */
  u32: () => number
  /** Uniform in [0, 1). */
  next: () => number
  /** Whole number in [min, max], both inclusive. */
  int: (min: number, max: number) => number
  /** Uniform real in [min, max). */
  between: (min: number, max: number) => number
  chance: (p: number) => boolean
  pick: <T>(items: readonly T[]) => T
  /** Picks by relative weight; weights need not sum to 1. */
  weighted: <T>(items: readonly (readonly [T, number])[]) => T
  /** Roughly normal noise (sum of three uniforms), mean 0, about ±1 at one standard deviation. */
  noise: () => number
  /** A new array in random order (Fisher–Yates). */
  shuffle: <T>(items: readonly T[]) => T[]
}

/**
 * One stream per (seed, salt): each part of the demo draws from its own stream, so adding a field to
 * influencers does not reshuffle every content item generated after them.
 */
export function seededRandom(seed: number, salt: string): Rng {
  let [a, b, c, d] = hash128(`${seed}:${salt}`)
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  // The first outputs of sfc32 still echo the seed; the authors recommend discarding a few.
  for (let i = 0; i < 15; i++) u32()
  const next = (): number => u32() / 4294967296
  const rng: Rng = {
    u32,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    weighted: (items) => {
      let total = 0
      for (const [, w] of items) total += w
      let r = next() * total
      for (const [item, w] of items) {
        r -= w
        if (r < 0) return item
      }
      const last = items[items.length - 1]
      if (last === undefined) throw new Error('weighted pick from an empty list')
      return last[0]
    },
    noise: () => (next() + next() + next() - 1.5) * 2,
    shuffle: (items) => {
      const out = items.slice()
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const tmp = out[i] as (typeof out)[number]
        out[i] = out[j] as (typeof out)[number]
        out[j] = tmp
      }
      return out
    }
  }
  return rng
}

/** cyrb128: spreads any string into four well-mixed 32-bit words (the sfc32 state). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}
