import type { ApiInput, ApiOutput, EventName, EventPayload, Method } from '../../../core/api/contract'
import { kindMethod, type Kebab } from '../../../core/api/kindMethod'
import type { ListQuery } from '../../../core/api/listQuery'
import type { KindName } from '../../../core/domain/recordKinds'
import { ApiError } from './ApiError'
import { bootAnswers, type BootAnswers } from './bootAnswers'
import { httpTransport } from './httpTransport'
import { takeToken } from './httpToken'
import { ipcBridge, ipcTransport, type Transport } from './transport'

type RecordOutputs = { [K in KindName]: `${Kebab<K>}-get` extends Method ? ApiOutput<`${Kebab<K>}-get`> : never }

/**
 * A record of one kind as the API returns it (fields plus id and stamps). The `& { id }` lets generic
 * code (tables, forms) use the id for any kind without resolving the whole contract.
 */
export type KindRecord<K extends KindName> = RecordOutputs[K] & { id: string }

/** Chosen once at start: the Electron preload bridge when present, else the loopback HTTP host. */
function pickTransport(): Transport {
  const bridge = ipcBridge()
  if (bridge !== undefined) return ipcTransport(bridge)
  return httpTransport(takeToken())
}

let transport: Transport | undefined
const current = (): Transport => (transport ??= pickTransport())

/** The browser host's boot answers, when its boot script asked for them (bootAnswers.ts); never over IPC. */
let boot: BootAnswers | undefined = (() => {
  const source: unknown = (globalThis as { smoBoot?: unknown }).smoBoot
  return source instanceof Promise && ipcBridge() === undefined ? bootAnswers(source as Promise<Response>) : undefined
})()
let bootWatched = false

async function callRaw(method: string, input: unknown): Promise<unknown> {
  if (boot !== undefined && !bootWatched) {
    bootWatched = true
    const b = boot
    // Any change in the workspace makes the answers not yet taken stale.
    current().subscribe('data-changed', () => b.close())
  }
  const fromBoot = boot === undefined ? undefined : await boot.take(method, input)
  const result = fromBoot ?? (await current().call(method, input))
  if (result.ok) return result.data
  throw ApiError.fromBody(result.error)
}

/**
 * The typed client. Types come from the contract; the backend parses every input with the same zod
 * schemas, so the renderer does not re-parse outputs (10,000-row lists would pay for it on every
 * refresh).
 */
export const api = {
  call<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    return callRaw(method, input) as Promise<ApiOutput<M>>
  },

  /**
   * The CRUD methods of one record kind, for generic screens and forms. Inputs are already checked
   * against `recordKinds[kind].fields` by the form; the backend checks them again.
   */
  records<K extends KindName>(kind: K) {
    return {
      list: (input: ListQuery) =>
        callRaw(kindMethod(kind, 'list'), input) as Promise<{ items: KindRecord<K>[]; total: number }>,
      create: (input: Record<string, unknown>) => callRaw(kindMethod(kind, 'create'), input) as Promise<KindRecord<K>>,
      update: (input: Record<string, unknown> & { id: string }) => callRaw(kindMethod(kind, 'update'), input) as Promise<KindRecord<K>>,
      delete: (id: string) => callRaw(kindMethod(kind, 'delete'), { id }) as Promise<{ id: string }>
    }
  },

  /**
   * The answer to this call if the browser host's boot already holds it (bootAnswers.ts), at once, or
   * undefined: a screen's first render can then draw its data instead of an empty frame first.
   */
  ready(method: string, input: unknown): unknown {
    const r = boot?.peek(method, input)
    return r?.ok === true ? r.data : undefined
  },

  subscribe<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
    return current().subscribe(event, cb)
  },

  /** Tests and the in-memory harness swap the transport before the first call. */
  useTransport(t: Transport): void {
    transport = t
    boot = undefined
  }
}
