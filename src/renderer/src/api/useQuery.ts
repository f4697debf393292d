import type { ApiInput, ApiOutput, Method } from '../../../core/api/contract'
import { kebab } from '../../../core/api/kindMethod'
import { kindNames } from '../../../core/domain/kindDirectory'
import type { KindName } from '../../../core/domain/recordKinds'
import { api } from './client'
import { useLiveData, type LiveData } from './useLiveData'

/** `channel-list` depends on channels; methods outside a record kind (workspace-info…) on everything. */
function dependsOn(method: Method): (KindName | '*')[] {
  const prefix = method.slice(0, method.lastIndexOf('-'))
  const kind = kindNames.find((k) => kebab(k) === prefix)
  return kind === undefined ? ['*'] : [kind]
}

/**
 * One request for the same query asked by several components at once (the shell and the screen both
 * want `me-get`, `settings-get`, the campaign list…): on a cold start these duplicates took turns in
 * the browser's six connections and the server's one thread ahead of the calendar's data (issue #17).
 * Only while a request is in flight, and forgotten at every change, so an answer never predates a write.
 */
const inFlight = new Map<string, Promise<unknown>>()
let listening = false
function shared<T>(key: string, ask: () => Promise<T>): Promise<T> {
  if (!listening) {
    listening = true
    api.subscribe('data-changed', () => inFlight.clear())
  }
  const hit = inFlight.get(key)
  if (hit) return hit as Promise<T>
  const p = ask()
  inFlight.set(key, p)
  const done = () => {
    if (inFlight.get(key) === p) inFlight.delete(key)
  }
  p.then(done, done)
  return p
}

/** Calls a contract method and keeps the answer fresh as `data-changed` events arrive. */
export function useQuery<M extends Method>(
  method: M,
  input: ApiInput<M>,
  options: { dependsOn?: (KindName | '*')[]; enabled?: boolean } = {}
): LiveData<ApiOutput<M>> {
  const key = `${method} ${JSON.stringify(input)}`
  return useLiveData(
    key,
    () => shared(key, () => api.call(method, input)),
    options.dependsOn ?? dependsOn(method),
    options.enabled ?? true,
    () => api.ready(method, input) as ApiOutput<M> | undefined
  )
}
