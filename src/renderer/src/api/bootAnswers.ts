import { BOOT_ANSWER_LIFETIME_MS, bootKey, bootMethods, onlyReads } from '../../../core/api/bootCalls'
import type { ApiResult } from '../../../core/api/contract'
import { lineSplitter } from './lineSplitter'

type Result = ApiResult<unknown>
type Pending<T> = { promise: Promise<T | undefined>; resolve: (r: T | undefined) => void }

export type BootAnswers = {
  /**
   * The boot's answer to this call, once: a promise of it when the boot holds (or will hold) this
   * call, else undefined and the caller asks the server. A call to a method the boot never holds
   * ends the boot unless it only reads (bootCalls.ts, onlyReads).
   */
  take(method: string, input: unknown): Promise<Result | undefined> | undefined
  /**
   * The boot's answer to this call if it is already here, at once (for a component's first render),
   * without using it up: `take` still serves it once. Nothing after the boot has ended.
   */
  peek(method: string, input: unknown): Result | undefined
  /** Forget every answer not yet taken (a change in the workspace makes them stale). */
  close(): void
}

function pending<T>(): Pending<T> {
  let resolve: (r: T | undefined) => void = () => {}
  const promise = new Promise<T | undefined>((r) => (resolve = r))
  return { promise, resolve }
}

/**
 * The first screen's answers that the browser host's boot script asked for while the app's scripts
 * were loading (main/web/bootScript.ts, bootRoute.ts; issue #17, cold start). Each answer serves the
 * first call with the same method and input, once; everything else — and everything after a change in
 * the workspace, a write, or `lifetimeMs` — goes to the server as usual.
 */
export function bootAnswers(source: Promise<Response>, lifetimeMs = BOOT_ANSWER_LIFETIME_MS): BootAnswers {
  let closed = false
  // Until the first line names the calls it holds, a call to a boot method waits for it.
  const header = pending<true>()
  // `answers` holds those not yet taken; `lines` all of them, for the stream to settle.
  const answers = new Map<string, Pending<Result>>()
  const lines = new Map<string, Pending<Result>>()
  // Taken answers still on their way are settled too when the boot ends early: they then go to the server.
  const unsettled = new Set<Pending<Result>>()
  // The answers that have come, for peek.
  const arrived = new Map<string, Result>()

  const close = (): void => {
    if (closed) return
    closed = true
    arrived.clear()
    header.resolve(undefined)
    for (const p of unsettled) p.resolve(undefined)
    answers.clear()
  }
  setTimeout(close, lifetimeMs)

  const read = async (): Promise<void> => {
    const res = await source
    if (!res.ok || res.body === null) return
    const reader = res.body.getReader()
    const split = lineSplitter()
    for (;;) {
      const { done, value } = await reader.read()
      for (const line of done ? split.flush() : split.push(value)) {
        const msg = JSON.parse(line) as { keys?: string[]; key?: string; result?: Result }
        if (closed) return
        if (msg.keys) {
          for (const k of msg.keys) {
            const p = pending<Result>()
            answers.set(k, p)
            lines.set(k, p)
            unsettled.add(p)
          }
          header.resolve(true)
        } else if (msg.key !== undefined && msg.result) {
          const p = lines.get(msg.key)
          p?.resolve(msg.result)
          arrived.set(msg.key, msg.result)
          if (p) unsettled.delete(p)
        }
      }
      if (done) return
    }
  }
  // A boot that fails or ends early only means those calls go to the server.
  // Answers already here stay usable; those that never came are asked of the server.
  void read()
    .catch(() => undefined)
    .finally(() => {
      header.resolve(undefined)
      for (const p of unsettled) p.resolve(undefined)
      for (const [k, p] of answers) if (unsettled.has(p)) answers.delete(k)
      unsettled.clear()
    })

  return {
    take(method, input) {
      if (closed) return undefined
      if (!bootMethods.has(method)) {
        // A read the boot does not hold simply goes to the server; a call that may write ends the boot.
        if (!onlyReads(method)) close()
        return undefined
      }
      const key = bootKey(method, input)
      return header.promise.then((h) => {
        const hit = h === true ? answers.get(key) : undefined
        if (hit === undefined) return undefined
        answers.delete(key)
        return hit.promise
      })
    },
    peek(method, input) {
      if (closed || !bootMethods.has(method)) return undefined
      return arrived.get(bootKey(method, input))
    },
    close
  }
}
