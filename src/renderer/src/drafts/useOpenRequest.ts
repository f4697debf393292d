import { useEffect, useRef, useState } from 'react'

// One pending "open this record" from outside its screen (the drafts banner), taken by the screen
// that shows records of that kind once it has them loaded.
let pending: { kind: string; id: string | null } | null = null
const listeners = new Set<() => void>()

/** Ask the screen of `kind` to open the record (`null`: its "new" form), now or when it mounts. */
export function requestOpen(kind: string, id: string | null): void {
  pending = { kind, id }
  for (const l of listeners) l()
}

/**
 * Take an open request for `kind` once `ready` (the list is loaded). `open` returns false when it
 * cannot show that record here (not in this list), leaving the request for another table.
 */
export function useOpenRequest(kind: string, ready: boolean, open: (id: string | null) => boolean): void {
  const [tick, setTick] = useState(0)
  const openRef = useRef(open)
  useEffect(() => {
    openRef.current = open
  })
  useEffect(() => {
    const l = (): void => setTick((t) => t + 1)
    listeners.add(l)
    return () => {
      listeners.delete(l)
    }
  }, [])
  useEffect(() => {
    if (!ready || pending === null || pending.kind !== kind) return
    if (openRef.current(pending.id)) pending = null
  }, [tick, ready, kind])
}
