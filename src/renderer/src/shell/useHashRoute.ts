import { useEffect, useState } from 'react'
import { defaultScreen, isScreenId, type ScreenId } from './screens'

function read(): ScreenId {
  const id = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  return isScreenId(id) ? id : defaultScreen
}

/**
 * The current screen lives in the URL hash, so a reload (or the browser host's back button) keeps the
 * user where they were, and the token-free address can be shared between windows.
 */
export function useHashRoute(): ScreenId {
  const [screen, setScreen] = useState<ScreenId>(read)
  useEffect(() => {
    const onHash = (): void => setScreen(read())
    addEventListener('hashchange', onHash)
    return () => removeEventListener('hashchange', onHash)
  }, [])
  return screen
}
