const storageKey = 'smo.token'

/**
 * The browser host trades the printed `/?token=…` for a session cookie and redirects before the page
 * loads (webSession.ts), so the page normally never sees a token; this stays for a page opened with
 * one anyway (an older host, a proxy that strips cookies). Read the token once, keep it for this tab only
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
