import type { Backend } from '../../../src/main/backend/backend'
import { dispatch } from '../../../src/main/backend/dispatch'

/**
 * `ok` (the call must succeed: its data) and `fails` (it must be refused: its error) through the real
 * dispatch, on whichever backend the test holds right now (tests make a new one per case).
 */
export function dispatchCalls(backend: () => Backend) {
  async function ok<T = { id: string }>(method: string, input: unknown): Promise<T> {
    const r = await dispatch(backend(), method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.data as T
  }
  async function fails(method: string, input: unknown) {
    const r = await dispatch(backend(), method, input)
    if (r.ok) throw new Error(`${method} should have been refused`)
    return r.error
  }
  return { ok, fails }
}
