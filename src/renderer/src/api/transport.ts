import type { ApiResult, EventName, EventPayload } from '../../../core/api/contract'

/** The two calls every host offers the renderer; IPC and HTTP implement the same shape. */
export type Transport = {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>
  subscribe<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void
}

/** What the preload exposes on `window.smo` (kept CommonJS there; see electron.vite.config.ts). */
export type SmoBridge = {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>
  subscribe(event: string, cb: (payload: unknown) => void): () => void
}

export function ipcBridge(): SmoBridge | undefined {
  // Read through globalThis so the renderer needs no global Window augmentation.
  const candidate: unknown = (globalThis as { smo?: unknown }).smo
  if (typeof candidate !== 'object' || candidate === null) return undefined
  const bridge = candidate as Partial<SmoBridge>
  return typeof bridge.call === 'function' && typeof bridge.subscribe === 'function' ? (bridge as SmoBridge) : undefined
}

export function ipcTransport(bridge: SmoBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    subscribe: (event, cb) => bridge.subscribe(event, (payload) => cb(payload as EventPayload<typeof event>))
  }
}
