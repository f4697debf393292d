import type { ApiResult } from '../../core/api/contract'
import type { Backend } from './backend'
import { dispatchWith } from './dispatchWith'
import { handlers } from './handlers'

const viaTable = dispatchWith((method) => handlers[method])

/**
 * The single entry for IPC, HTTP and CLI: parse the input with the contract's schema (every host's
 * input is untrusted), run the handler, and turn every failure into the typed error shape.
 */
export function dispatch(b: Backend, method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
  return viaTable(b, method, rawInput)
}
