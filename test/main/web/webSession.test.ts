import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import type { WebHost } from '../../../src/main/web/webHost'
import { tempBackend } from '../helpers/tempWorkspace'
import { rawRequest, startTestHost, type RawRequest, type RawResponse } from '../helpers/webTestHost'

let b: Backend
let cleanup: () => void
let host: WebHost

type Res = RawResponse
const raw = (opts: RawRequest): Promise<Res> => rawRequest(host.port, opts)

/** Load the printed link the way a browser does and keep the cookie it is given. */
async function firstLoad(): Promise<{ res: Res; cookie: string }> {
  const res = await raw({ path: `/?token=${host.token}`, headers: { 'sec-fetch-site': 'none' } })
  const set = res.headers['set-cookie']
  const line = Array.isArray(set) ? (set[0] ?? '') : ''
  return { res, cookie: line.split(';')[0] ?? '' }
}

beforeAll(async () => {
  const t = await tempBackend()
  b = t.b
  cleanup = t.cleanup
  host = await startTestHost(b, t.dir)
})
afterAll(async () => {
  await host.close()
  cleanup()
})

describe('browser host session (every tab works)', () => {
  it('trades the printed token for an HttpOnly, SameSite=Strict cookie and drops the token from the address', async () => {
    const { res, cookie } = await firstLoad()
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/')
    const set = res.headers['set-cookie']
    expect(set).toHaveLength(1)
    const attrs = (set?.[0] ?? '').split(';').map((s) => s.trim())
    expect(attrs[0]).toMatch(new RegExp(`^smo_session_${host.port}=[A-Za-z0-9_-]{43}$`))
    expect(attrs.slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict'])
    // Its own value: the token printed in the terminal is not what the browser keeps.
    expect(cookie).not.toContain(host.token)
  })

  it('keeps the rest of the address when it drops the token', async () => {
    const r = await raw({ path: `/settings?view=x&token=${host.token}` })
    expect(r.status).toBe(303)
    expect(r.headers.location).toBe('/settings?view=x')
  })

  it('serves a reload, a bookmark or a second tab of the bare address with the cookie, page and API alike', async () => {
    const { cookie } = await firstLoad()
    const page = await raw({ path: '/', headers: { cookie, 'sec-fetch-site': 'none' } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>SMO Desk</title>')
    const api = await raw({
      method: 'POST',
      path: '/api/member-list',
      headers: { cookie, 'content-type': 'application/json', origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'same-origin' },
      body: '{}'
    })
    expect(api.status).toBe(200)
    expect(JSON.parse(api.body)).toMatchObject({ ok: true })
    const events = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { cookie } }, (res) => {
        resolve(res.statusCode ?? 0)
        req.destroy()
      })
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)))
      req.end()
    })
    expect(events).toBe(200)
  })

  it('answers a page load with neither token nor cookie with a 401 page that says which link to open', async () => {
    const r = await raw({ path: '/' })
    expect(r.status).toBe(401)
    expect(r.headers['content-type']).toMatch(/text\/html/)
    expect(r.body).toContain('Open SMO Desk from the link <code>smo serve</code> printed')
    expect(r.body).not.toContain(host.token)
    const asset = await raw({ path: '/assets/index.js' })
    expect(asset.status).toBe(401)
  })

  it('refuses a wrong token in the address and a wrong or stale cookie', async () => {
    const wrongToken = await raw({ path: '/?token=not-the-token' })
    expect(wrongToken.status).toBe(401)
    expect(wrongToken.headers['set-cookie']).toBeUndefined()
    const { cookie } = await firstLoad()
    const value = cookie.split('=')[1] ?? ''
    const flipped = `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`
    for (const bad of [`smo_session_${host.port}=${flipped}`, `smo_session_${host.port + 1}=${value}`, `smo_session_${host.port}=`, `other=${value}`]) {
      const page = await raw({ path: '/', headers: { cookie: bad } })
      expect(page.status, bad).toBe(401)
      const api = await raw({ method: 'POST', path: '/api/member-list', headers: { cookie: bad, 'content-type': 'application/json' }, body: '{}' })
      expect(api.status, bad).toBe(401)
    }
  })

  it('gives a foreign Origin or Host nothing, even with a good cookie', async () => {
    const { cookie } = await firstLoad()
    const headers = { cookie, 'content-type': 'application/json' }
    const evil = await raw({ method: 'POST', path: '/api/member-list', headers: { ...headers, origin: 'http://evil.example' }, body: '{}' })
    expect(evil.status).toBe(403)
    const otherPort = await raw({ method: 'POST', path: '/api/member-list', headers: { ...headers, origin: `http://127.0.0.1:${host.port + 1}` }, body: '{}' })
    expect(otherPort.status).toBe(403)
    const rebound = await raw({ path: '/', headers: { cookie, host: `evil.example:${host.port}` } })
    expect(rebound.status).toBe(403)
    // A page on another local port is "same site" for SameSite, so the browser would send the cookie
    // along with a no-cors request that carries no Origin; Sec-Fetch-Site still tells it apart.
    const sameSite = await raw({ path: '/api/events', headers: { cookie, 'sec-fetch-site': 'same-site' } })
    expect(sameSite.status).toBe(401)
    const crossSite = await raw({ path: '/', headers: { cookie, 'sec-fetch-site': 'cross-site' } })
    expect(crossSite.status).toBe(401)
  })
})
