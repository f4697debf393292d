/**
 * Number hygiene for user-entered data. Every input passes through here so that no NaN, Infinity or
 * negative count can reach a score (a blank form field must never poison the ranking).
 */

/**
 * Inputs are capped so that products of several of them (posts × audience × rate ÷ gap) stay far
 * from overflow; no real channel reaches 10^12 people per post. Dust below 10^-9 counts as zero so a
 * denominator can never be small enough to overflow either. Both maps are monotone, so capping never
 * reverses an ordering the user sees.
 */
export const MAX_INPUT = 1e12
export const MIN_INPUT = 1e-9

/** A finite number in [MIN_INPUT, MAX_INPUT], or 0. */
export function nonNegative(x: number | null | undefined): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < MIN_INPUT) return 0
  return x > MAX_INPUT ? MAX_INPUT : x
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x
}

/** True when the value was unusable (so the channel can carry an 'invalid-input' flag). */
export function isInvalid(x: number | null | undefined): boolean {
  return typeof x !== 'number' || !Number.isFinite(x) || x < 0
}
