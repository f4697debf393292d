import type { KindName } from '../../../core/domain/recordKinds'
import type { WhereClause } from '../../../core/api/listQuery'
import { kindMethod } from '../../../core/api/kindMethod'
import { api, type KindRecord } from './client'
import { useLiveData, type LiveData } from './useLiveData'

/** The backend's ceiling for one page; tables hold the whole set and sort and filter it in memory. */
export const maxPage = 50_000

/** Every live record of a kind (or those matching `where`), refreshed when that kind changes. */
export function useRecords<K extends KindName>(
  kind: K,
  where?: WhereClause[],
  enabled = true
): LiveData<{ items: KindRecord<K>[]; total: number }> {
  const input = where === undefined ? { limit: maxPage } : { where, limit: maxPage }
  return useLiveData(
    `${kind}-list ${JSON.stringify(input)}`,
    () => api.records(kind).list(input),
    [kind],
    enabled,
    () => api.ready(kindMethod(kind, 'list'), input) as { items: KindRecord<K>[]; total: number } | undefined
  )
}
