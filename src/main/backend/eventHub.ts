import type { EventName, EventPayload } from '../../core/api/contract'

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** Fan-out of push events to every connected window (IPC, HTTP event streams, tests). */
export function eventHub() {
  const listeners = new Set<Listener>()
  return {
    on(fn: Listener): () => void {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const fn of listeners) {
        try {
          fn(event, payload)
        } catch (e) {
          // One broken listener (a closed window) must not stop the others.
          console.error('event listener failed', e)
        }
      }
    }
  }
}

export type EventHub = ReturnType<typeof eventHub>
