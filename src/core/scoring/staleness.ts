/**
 * How much an estimate's confidence is worth given its age. Linear decay after `staleAfterDays`,
 * reaching STALE_FLOOR_MULTIPLIER at twice that age, then flat: old estimates keep counting (they are
 * still the best we have) but visibly less, and a review restores them at once.
 */
export const STALE_FLOOR_MULTIPLIER = 0.5

const DAY_MS = 86_400_000

export type Staleness = {
  /** Whole days since the estimate date; null when undated or unparsable. */
  ageDays: number | null
  /** Factor applied to confidence, STALE_FLOOR_MULTIPLIER–1. */
  multiplier: number
  stale: boolean
  undated: boolean
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/

/**
 * Midnight UTC of an ISO date or date-time (only the date part counts); NaN when it does not parse or
 * names a day that does not exist. Hand-parsed: this runs once per channel on every scoring.
 */
export function parseIsoDay(iso: string | null): number {
  if (iso === null) return Number.NaN
  const m = ISO_DAY.exec(iso)
  if (m === null) return Number.NaN
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const ms = Date.UTC(y, mo - 1, d)
  const check = new Date(ms)
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? ms : Number.NaN
}

/** todayMs: from parseIsoDay(options.today), parsed once per scoring run. */
export function staleness(updatedAt: string | null, todayMs: number, staleAfterDays: number): Staleness {
  const then = parseIsoDay(updatedAt)
  const now = todayMs
  if (!Number.isFinite(then) || !Number.isFinite(now)) {
    // An undated estimate is treated like the oldest possible one: we cannot vouch for it.
    return { ageDays: null, multiplier: STALE_FLOOR_MULTIPLIER, stale: true, undated: true }
  }
  // A date in the future (clock skew between devices) counts as fresh, not as negative age.
  const ageDays = Math.max(0, Math.round((now - then) / DAY_MS))
  const after = Math.max(1, staleAfterDays)
  if (ageDays < after) return { ageDays, multiplier: 1, stale: false, undated: false }
  const progress = Math.min(1, (ageDays - after) / after)
  return { ageDays, multiplier: 1 - (1 - STALE_FLOOR_MULTIPLIER) * progress, stale: true, undated: false }
}
