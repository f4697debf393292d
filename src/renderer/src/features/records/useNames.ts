import { useMemo } from 'react'
import { kindDirectory } from '../../../../core/domain/kindDirectory'
import type { KindName } from '../../../../core/domain/recordKinds'
import type { LiveData } from '../../api/useLiveData'
import { useRecords } from '../../api/useRecords'
import type { RefOption } from '../../components/fieldSpec'

/** `settled`: the list has answered (or failed), so labels drawn from it will not change length any more. */
export type Names = { map: ReadonlyMap<string, string>; options: readonly RefOption[]; settled: boolean }

/**
 * Names of the records of a list already loaded (a screen that needs the records themselves too, so
 * the same list is not asked for twice), sorted for the picker.
 */
export function namesFrom(kind: KindName, { data, error }: Pick<LiveData<{ items: readonly object[] }>, 'data' | 'error'>): Names {
  const title = kindDirectory[kind].title
  const options = (data?.items ?? [])
    .map((r) => r as Record<string, unknown>)
    .map((r) => ({ id: String(r.id), name: String(r[title] ?? r.id) }))
    .sort((a, b) => a.name.localeCompare(b.name))
  return { map: new Map(options.map((o) => [o.id, o.name])), options, settled: data !== undefined || error !== undefined }
}

/** Names of every record of a kind, for reference columns and pickers, sorted for the picker. */
export function useNames(kind: KindName): Names {
  const { data, error } = useRecords(kind)
  return useMemo(() => namesFrom(kind, { data, error }), [data, error, kind])
}
