import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { kindDirectory } from '../../../core/domain/kindDirectory'
import type { KindName } from '../../../core/domain/recordKinds'
import { ApiError } from './ApiError'
import { api } from './client'

export type LiveData<T> = { data: T | undefined; error: ApiError | undefined; loading: boolean; refetch: () => void }

/** The kinds a `data-changed` payload may name for a kind: its API name or its table name. */
function namesOf(kind: string): string[] {
  const table = Object.hasOwn(kindDirectory, kind) ? kindDirectory[kind as KindName].table : undefined
  return table === undefined ? [kind] : [kind, table]
}

export function touches(changed: readonly string[], dependsOn: readonly string[]): boolean {
  if (changed.includes('*') || dependsOn.includes('*')) return true
  return dependsOn.some((k) => namesOf(k).some((n) => changed.includes(n)))
}

type Settled<T> = { key: string; data: T | undefined; error: ApiError | undefined }

/**
 * Loads data and reloads it whenever a `data-changed` event names a kind it depends on. A reload keeps
 * the current data on screen (no flash); a late answer to an older request never overwrites a newer one.
 * `loading` is true until the first answer for the current key arrives.
 */
export function useLiveData<T>(
  key: string,
  load: () => Promise<T>,
  dependsOn: readonly (KindName | '*')[],
  enabled = true,
  ready?: () => T | undefined
): LiveData<T> {
  // An answer already here (the browser host's boot, api.ready) is the first state: the first render
  // draws the data instead of an empty frame that a second render then fills (issue #17, cold start).
  const [settled, setSettled] = useState<Settled<T> | undefined>(() => {
    const data = enabled ? ready?.() : undefined
    return data === undefined ? undefined : { key, data, error: undefined }
  })
  // The key that first state answered: its first load is already done.
  const primed = useRef<string | null>(settled?.key ?? null)
  const seq = useRef(0)
  const loadRef = useRef(load)
  const keyRef = useRef(key)
  useLayoutEffect(() => {
    loadRef.current = load
    keyRef.current = key
  })
  const deps = dependsOn.join(',')

  const run = useCallback(() => {
    const mine = ++seq.current
    const forKey = keyRef.current
    loadRef.current().then(
      (data) => {
        if (mine === seq.current) setSettled({ key: forKey, data, error: undefined })
      },
      (e: unknown) => {
        if (mine !== seq.current) return
        const error = e instanceof ApiError ? e : new ApiError('internal', e instanceof Error ? e.message : String(e))
        setSettled((prev) => ({ key: forKey, data: prev?.key === forKey ? prev.data : undefined, error }))
      }
    )
  }, [])

  useEffect(() => {
    if (!enabled) return
    if (primed.current === key) {
      primed.current = null
      return
    }
    run()
  }, [key, enabled, run])

  useEffect(() => {
    if (!enabled) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const off = api.subscribe('data-changed', (payload) => {
      if (!touches(payload.kinds, deps.split(','))) return
      // A bulk import sends many events in a row; one reload after the burst is enough.
      clearTimeout(timer)
      timer = setTimeout(run, 60)
    })
    return () => {
      clearTimeout(timer)
      off()
    }
  }, [deps, enabled, run])

  if (!enabled) return { data: undefined, error: undefined, loading: false, refetch: run }
  const current = settled?.key === key ? settled : undefined
  return { data: current?.data, error: current?.error, loading: current === undefined, refetch: run }
}
