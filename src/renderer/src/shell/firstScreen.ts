import { useSyncExternalStore } from 'react'

/**
 * "The first screen has drawn its data": the shell's side queries (the notification inbox) wait for
 * it, because the server answers one call at a time and on a cold start they were queued ahead of the
 * calendar's month (issue #17). The calendar says so once its days are shown; any other first screen
 * at once (App.tsx); and should neither happen, the side queries go after a few seconds anyway.
 */
let drawn = false
const listeners = new Set<() => void>()
const FALLBACK_MS = 3000

export function markFirstScreenDrawn(): void {
  if (drawn) return
  drawn = true
  for (const listener of [...listeners]) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const timer = setTimeout(markFirstScreenDrawn, FALLBACK_MS)
  return () => {
    listeners.delete(listener)
    clearTimeout(timer)
  }
}

export function useFirstScreenDrawn(): boolean {
  return useSyncExternalStore(subscribe, () => drawn)
}
