import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export type WebSession = {
  /** The bearer token or the session cookie proves this request comes from the person who ran `smo serve`. */
  authorised: (req: IncomingMessage) => boolean
  /**
   * A page load carrying `?token=` (the printed link): when the token is right, set the session
   * cookie and redirect to the same address without the token, then return true (the response is sent).
   */
  redeemToken: (req: IncomingMessage, url: URL, res: ServerResponse) => boolean
}

function same(a: string, b: Buffer): boolean {
  const got = Buffer.from(a)
  return got.length === b.length && timingSafeEqual(got, b)
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

/**
 * The browser host's session. The printed link carries a per-launch token; its first load trades it
 * for a cookie so a reload, a second tab or a bookmark of the bare address keeps working, and the
 * token leaves the address bar before the page is even served (so it never sits in the history).
 *
 * The cookie holds its own random value, not the token: the token is printed in a terminal and may
 * sit in scroll-back or a shell log, while the cookie value is never shown anywhere. Cookies are not
 * scoped by port (RFC 6265 §8.5), so the name carries the port — two `smo serve` on different ports
 * keep separate sessions — and an API request authenticated by cookie must also come from this page
 * itself (Sec-Fetch-Site), since a page served by another local port counts as "same site".
 * HttpOnly keeps it from scripts, SameSite=Strict from other sites' requests, and no Domain or
 * Max-Age means exactly this host and only until the browser closes; a restart of `smo serve` makes a
 * new value, so an old cookie is simply refused.
 */
export function webSession(token: string, port: number): WebSession {
  const bearer = Buffer.from(`Bearer ${token}`)
  const tokenBuf = Buffer.from(token)
  const session = randomBytes(32).toString('base64url')
  const sessionBuf = Buffer.from(session)
  const name = `smo_session_${port}`

  const byCookie = (req: IncomingMessage): boolean => {
    const value = cookieValue(req.headers.cookie, name)
    if (value === null || !same(value, sessionBuf)) return false
    // Browsers send Sec-Fetch-Site; `none` is a typed address or a bookmark. Tools (curl) send none of it.
    const site = req.headers['sec-fetch-site']
    return site === undefined || site === 'same-origin' || site === 'none'
  }

  return {
    authorised: (req) => same(req.headers.authorization ?? '', bearer) || byCookie(req),
    redeemToken(req, url, res) {
      const given = url.searchParams.get('token')
      if (given === null || !same(given, tokenBuf) || (req.method !== 'GET' && req.method !== 'HEAD')) return false
      url.searchParams.delete('token')
      res.writeHead(303, {
        'set-cookie': `${name}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        location: `${url.pathname}${url.search}`,
        'cache-control': 'no-store'
      })
      res.end()
      return true
    }
  }
}

/** What a browser gets without the token or the cookie: a page that says where the working link is. */
export function sendUnauthorisedPage(res: ServerResponse): void {
  res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SMO Desk — open the printed link</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;color:#1f2933}code{background:#eef2f6;padding:0 .25rem;border-radius:3px}</style>
</head><body>
<h1>Open SMO Desk from the link <code>smo serve</code> printed</h1>
<p>This browser has no session with this SMO Desk yet, or <code>smo serve</code> was restarted since.
Open the address that starts with <code>http://127.0.0.1:…/?token=</code> in the terminal where it runs;
after that, reloads, bookmarks and new tabs of this address work until it stops.</p>
</body></html>`)
}
