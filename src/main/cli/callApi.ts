import { ApiError } from '../../core/api/apiError'
import type { ApiInput, ApiOutput, Method } from '../../core/api/contract'
import type { Backend } from '../backend/backend'
import { dispatch } from '../backend/dispatch'

/**
 * Call a contract method the way IPC and HTTP do (input parsed, roles checked), for commands that are
 * a method in the terminal. A refusal comes back as the ApiError `main` prints as one line, exit 1.
 */
export async function callApi<M extends Method>(b: Backend, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const r = await dispatch(b, method, input)
  if (!r.ok) throw new ApiError(r.error.code, r.error.message, r.error.issues, r.error.conflict)
  return r.data as ApiOutput<M>
}
