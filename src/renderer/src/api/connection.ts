/**
 * Health of the link to the backend, shown as a banner. Transports report into it; React reads it
 * through useSyncExternalStore so every screen sees the same state without a context provider.
 */
export type ConnectionState = 'ok' | 'unreachable' | 'unauthorized'

let state: ConnectionState = 'ok'
const listeners = new Set<() => void>()

export const connection = {
  get: (): ConnectionState => state,
  set(next: ConnectionState): void {
    if (next === state) return
    state = next
    for (const l of listeners) l()
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
}
