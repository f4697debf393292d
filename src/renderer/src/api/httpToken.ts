const storageKey = 'smo.token'

/**
 * The browser host opens the page as `/?token=…`. Read the token once, keep it for this tab only
 * (sessionStorage survives reloads, not other tabs), and drop it from the address bar so it does not
 * end up in bookmarks, screenshots or the history list.
 */
export function takeToken(loc: Location = location, storage: Storage = sessionStorage, hist: History = history): string | null {
  const url = new URL(loc.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl !== null && fromUrl !== '') {
    storage.setItem(storageKey, fromUrl)
    url.searchParams.delete('token')
    hist.replaceState(hist.state, '', `${url.pathname}${url.search}${url.hash}`)
    return fromUrl
  }
  return storage.getItem(storageKey)
}
