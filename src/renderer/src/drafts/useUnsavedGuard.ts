import { useEffect, useId } from 'react'

// Every open edit with unsaved changes, by the id of the component holding it.
const unsaved = new Set<string>()
let listening = false

function onBeforeUnload(e: BeforeUnloadEvent): void {
  if (unsaved.size === 0) return
  // Both spellings: Chromium wants preventDefault, older engines the returnValue. The browser
  // shows its own wording; Electron turns this into `will-prevent-unload`, where the window asks.
  e.preventDefault()
  e.returnValue = ''
}

/**
 * While `dirty`, closing or reloading the tab (or the desktop window) asks first. The edit is kept
 * as a draft either way; the question is for whoever meant to press Save.
 */
export function useUnsavedGuard(dirty: boolean): void {
  const id = useId()
  useEffect(() => {
    if (!dirty) return
    unsaved.add(id)
    if (!listening) {
      addEventListener('beforeunload', onBeforeUnload)
      listening = true
    }
    return () => {
      unsaved.delete(id)
    }
  }, [dirty, id])
}
