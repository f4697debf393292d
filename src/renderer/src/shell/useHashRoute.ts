import { useEffect, useState } from 'react'
import { defaultScreen, isScreenId, type ScreenId } from './screens'

/** The screen the address names (the default one when it names none). */
export function readRoute(): ScreenId {
  const id = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  return isScreenId(id) ? id : defaultScreen
}

/**
 * The current screen lives in the URL hash, so a reload (or the browser host's back button) keeps the
 * user where they were, and the token-free address can be shared between windows.
 */
export function useHashRoute(): ScreenId {
  const [screen, setScreen] = useState<ScreenId>(readRoute)
  useEffect(() => {
    const onHash = (): void => setScreen(readRoute())
    addEventListener('hashchange', onHash)
    return () => removeEventListener('hashchange', onHash)
  }, [])
  return screen
}
