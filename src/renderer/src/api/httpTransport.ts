import type { ApiResult, EventName, EventPayload } from '../../../core/api/contract'
import { ApiError } from './ApiError'
import { connection } from './connection'
import { lineSplitter } from './lineSplitter'
import type { Transport } from './transport'

type Listener = (payload: unknown) => void

/** Pushed once the event stream is back after a drop: whatever changed meanwhile was missed. */
export const reconnectedPayload = { tx: 'reconnected', kinds: ['*'], ids: [] as string[] }

/**
 * The browser host transport: `POST /api/<method>` with the bearer token, and one long-lived
 * `GET /api/events` stream of NDJSON events, reopened with backoff whenever it drops.
 */
export function httpTransport(token: string | null, base = '', fetchFn: typeof fetch = fetch.bind(globalThis)): Transport {
  const listeners = new Map<string, Set<Listener>>()
  const headers = (): Record<string, string> => (token === null ? {} : { Authorization: `Bearer ${token}` })
  let streaming = false

  const emit = (event: string, payload: unknown): void => {
    for (const l of listeners.get(event) ?? []) l(payload)
  }

  async function call(method: string, input: unknown): Promise<ApiResult<unknown>> {
    let res: Response
    try {
      res = await fetchFn(`${base}/api/${method}`, {
        method: 'POST',
        headers: { ...headers(), 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {})
      })
    } catch {
      connection.set('unreachable')
      throw new ApiError('unreachable', 'The SMO Desk backend cannot be reached.')
    }
    if (res.status === 401) connection.set('unauthorized')
    else connection.set('ok')
    try {
      return (await res.json()) as ApiResult<unknown>
    } catch {
      throw new ApiError('bad_response', `The backend answered ${res.status} without a readable body.`)
    }
  }

  async function streamOnce(onOpen: () => void): Promise<void> {
    const res = await fetchFn(`${base}/api/events`, { headers: headers() })
    if (res.status === 401) {
      connection.set('unauthorized')
      return
    }
    if (!res.ok || res.body === null) return
    connection.set('ok')
    onOpen()
    const reader = res.body.getReader()
    const split = lineSplitter()
    for (;;) {
      const { done, value } = await reader.read()
      const lines = done ? split.flush() : split.push(value)
      for (const line of lines) {
        try {
          const msg = JSON.parse(line) as { event?: unknown; payload?: unknown }
          if (typeof msg.event === 'string') emit(msg.event, msg.payload)
        } catch {
          // A line we cannot read (a keep-alive comment, a partial write) is skipped, not fatal.
        }
      }
      if (done) return
    }
  }

  async function runStream(): Promise<void> {
    let delay = 500
    let opened = false
    const onOpen = (): void => {
      delay = 500
      // After a drop, screens refetch: events sent while we were away are lost.
      if (opened) emit('data-changed', reconnectedPayload)
      opened = true
    }
    for (;;) {
      try {
        await streamOnce(onOpen)
      } catch {
        connection.set('unreachable')
      }
      if (connection.get() === 'unauthorized') return
      await new Promise((r) => setTimeout(r, delay))
      delay = Math.min(delay * 2, 10_000)
    }
  }

  return {
    call,
    subscribe<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>()
      const l: Listener = (p) => cb(p as EventPayload<E>)
      set.add(l)
      listeners.set(event, set)
      if (!streaming) {
        streaming = true
        void runStream()
      }
      return () => set.delete(l)
    }
  }
}
