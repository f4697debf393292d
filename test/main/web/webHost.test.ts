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
const auth = () => ({ authorization: `Bearer ${host.token}`, 'content-type': 'application/json' })
const post = (method: string, body: unknown, headers: Record<string, string> = auth()) =>
  raw({ method: 'POST', path: `/api/${method}`, headers, body: JSON.stringify(body) })

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

describe('browser host', () => {
  it('prints a loopback URL with a fresh token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`))
  })

  it('answers API calls only with the token', async () => {
    const none = await post('member-list', {}, { 'content-type': 'application/json' })
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const wrong = await post('member-list', {}, { authorization: 'Bearer nope', 'content-type': 'application/json' })
    expect(wrong.status).toBe(401)
    const ok = await post('member-list', {})
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toEqual({ ok: true, data: { items: [], total: 0 } })
  })

  it('rejects foreign Host and Origin headers with 403, even with the token', async () => {
    const badHost = await raw({ method: 'POST', path: '/api/member-list', headers: { ...auth(), host: `evil.example:${host.port}` }, body: '{}' })
    expect(badHost.status).toBe(403)
    const localhostName = await raw({ path: '/', headers: { host: `localhost:${host.port}` } })
    expect(localhostName.status).toBe(403)
    const badOrigin = await raw({ method: 'POST', path: '/api/member-list', headers: { ...auth(), origin: 'http://evil.example' }, body: '{}' })
    expect(badOrigin.status).toBe(403)
    const goodOrigin = await raw({ method: 'POST', path: '/api/member-list', headers: { ...auth(), origin: `http://127.0.0.1:${host.port}` }, body: '{}' })
    expect(goodOrigin.status).toBe(200)
  })

  it('lists every method with JSON Schemas at GET /api', async () => {
    const r = await raw({ path: '/api', headers: auth() })
    const body = JSON.parse(r.body) as { data: { methods: { name: string; input: { type?: string; properties?: Record<string, unknown> } }[] } }
    const names = body.data.methods.map((m) => m.name)
    for (const kind of ['member', 'goal', 'measurement', 'channel', 'campaign', 'content', 'influencer', 'conversation'])
      for (const verb of ['list', 'get', 'create', 'update', 'delete']) expect(names).toContain(`${kind}-${verb}`)
    const create = body.data.methods.find((m) => m.name === 'channel-create')
    expect(create?.input.type).toBe('object')
    expect(Object.keys(create?.input.properties ?? {})).toContain('audienceSize')
  })

  it('returns 400 with field issues for invalid input and for malformed JSON', async () => {
    const r = await post('channel-create', { name: 'X', platform: 'blog', confidence: 7 })
    expect(r.status).toBe(400)
    const body = JSON.parse(r.body) as { ok: boolean; error: { code: string; issues: { path: string[] }[] } }
    expect(body.ok).toBe(false)
    expect(body.error.code).toBe('invalid_input')
    expect(body.error.issues[0]?.path).toEqual(['confidence'])
    const bad = await raw({ method: 'POST', path: '/api/channel-create', headers: auth(), body: '{"name":' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error.message).toMatch(/not valid JSON/)
    const unknown = await post('channel-frobnicate', {})
    expect(unknown.status).toBe(404)
  })

  it('serves the interface with a strict CSP', async () => {
    const r = await raw({ path: '/', headers: { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${host.token}` } })
    expect(r.status).toBe(200)
    expect(r.body).toContain('SMO Desk')
    expect(String(r.headers['content-security-policy'])).toContain("default-src 'self'")
  })

  it('streams data-changed events to authorised listeners', async () => {
    const lines: string[] = []
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: auth() }, (res) => {
        res.on('data', (c: Buffer) => {
          lines.push(...c.toString('utf8').split('\n').filter(Boolean))
          if (lines.some((l) => l.includes('data-changed'))) {
            req.destroy()
            resolve()
          }
          if (lines.length === 1) void post('member-create', { name: 'Ada' })
        })
      })
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(e)))
      req.end()
    })
    const evt = JSON.parse(lines.find((l) => l.includes('data-changed')) ?? '{}') as { payload: { kinds: string[] } }
    expect(evt.payload.kinds).toEqual(['member'])
  })
})
