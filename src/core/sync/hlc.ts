/**
 * Hybrid logical clock (after Actual's timestamp.ts, SYNC.md §2.3).
 * A stamp is a 32-char fixed-width hex string: 12 hex wall-clock ms, 4 hex counter, 16 hex device id,
 * so plain string order equals causal-then-device order and it compares as TEXT in SQLite.
 * Pure: the wall clock comes in as an argument.
 */
export type HlcState = { millis: number; counter: number; device: string }

export type HlcParts = { millis: number; counter: number; device: string }

const MAX_COUNTER = 0xffff
const MAX_MILLIS = 0xffffffffffff
/** A remote clock further ahead than this is not adopted (SYNC.md §0.4). */
export const MAX_ADOPTED_DRIFT_MS = 10 * 60 * 1000

export function isDeviceId(device: string): boolean {
  return /^[0-9a-f]{16}$/.test(device)
}

export function formatHlc(parts: HlcParts): string {
  return (
    parts.millis.toString(16).padStart(12, '0') +
    parts.counter.toString(16).padStart(4, '0') +
    parts.device
  )
}

export function parseHlc(stamp: string): HlcParts | null {
  if (!/^[0-9a-f]{32}$/.test(stamp)) return null
  return {
    millis: Number.parseInt(stamp.slice(0, 12), 16),
    counter: Number.parseInt(stamp.slice(12, 16), 16),
    device: stamp.slice(16)
  }
}

/** Next stamp for a local event. Strictly increases even if the wall clock goes backwards. */
export function hlcSend(state: HlcState, wallMs: number): { state: HlcState; stamp: string } {
  const wall = Math.max(0, Math.min(MAX_MILLIS, Math.floor(wallMs)))
  let millis = Math.max(state.millis, wall)
  let counter = millis === state.millis ? state.counter + 1 : 0
  if (counter > MAX_COUNTER) {
    // Counter overflow within one millisecond: borrow the next millisecond rather than fail.
    millis += 1
    counter = 0
  }
  const next = { millis, counter, device: state.device }
  return { state: next, stamp: formatHlc(next) }
}

/**
 * Merge a remote stamp into the local clock. A remote clock more than MAX_ADOPTED_DRIFT_MS ahead of
 * our wall clock is not adopted (the op is still applied by the caller); `skewed` reports it.
 */
export function hlcReceive(
  state: HlcState,
  remote: string,
  wallMs: number
): { state: HlcState; skewed: boolean } {
  const parts = parseHlc(remote)
  if (!parts) return { state, skewed: false }
  if (parts.millis > wallMs + MAX_ADOPTED_DRIFT_MS) return { state, skewed: true }
  const wall = Math.floor(wallMs)
  const millis = Math.max(state.millis, parts.millis, wall)
  let counter = 0
  if (millis === state.millis && millis === parts.millis) counter = Math.max(state.counter, parts.counter) + 1
  else if (millis === state.millis) counter = state.counter + 1
  else if (millis === parts.millis) counter = parts.counter + 1
  if (counter > MAX_COUNTER) return { state: { millis: millis + 1, counter: 0, device: state.device }, skewed: false }
  return { state: { millis, counter, device: state.device }, skewed: false }
}
