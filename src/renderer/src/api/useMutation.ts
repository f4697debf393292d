import { useCallback, useState } from 'react'
import type { ApiInput, ApiOutput, Method } from '../../../core/api/contract'
import { ApiError } from './ApiError'
import { api } from './client'

export type Mutation<M extends Method> = {
  mutate: (input: ApiInput<M>) => Promise<ApiOutput<M>>
  pending: boolean
  error: ApiError | undefined
  reset: () => void
}

/**
 * Runs a write. No manual cache update: the backend's `data-changed` event makes every query that
 * depends on the kind reload, in this window and in any other one.
 */
export function useMutation<M extends Method>(method: M): Mutation<M> {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const mutate = useCallback(
    async (input: ApiInput<M>) => {
      setPending(true)
      setError(undefined)
      try {
        return await api.call(method, input)
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError('internal', e instanceof Error ? e.message : String(e))
        setError(err)
        throw err
      } finally {
        setPending(false)
      }
    },
    [method]
  )
  return { mutate, pending, error, reset: () => setError(undefined) }
}
