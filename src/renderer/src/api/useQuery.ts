import type { ApiInput, ApiOutput, Method } from '../../../core/api/contract'
import { kebab } from '../../../core/api/kindMethod'
import { kindNames, type KindName } from '../../../core/domain/recordKinds'
import { api } from './client'
import { useLiveData, type LiveData } from './useLiveData'

/** `channel-list` depends on channels; methods outside a record kind (workspace-info…) on everything. */
function dependsOn(method: Method): (KindName | '*')[] {
  const prefix = method.slice(0, method.lastIndexOf('-'))
  const kind = kindNames.find((k) => kebab(k) === prefix)
  return kind === undefined ? ['*'] : [kind]
}

/** Calls a contract method and keeps the answer fresh as `data-changed` events arrive. */
export function useQuery<M extends Method>(
  method: M,
  input: ApiInput<M>,
  options: { dependsOn?: (KindName | '*')[]; enabled?: boolean } = {}
): LiveData<ApiOutput<M>> {
  const key = `${method} ${JSON.stringify(input)}`
  return useLiveData(key, () => api.call(method, input), options.dependsOn ?? dependsOn(method), options.enabled ?? true)
}
