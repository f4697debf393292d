import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/renderer/src/api/ApiError'
import { connection } from '../../src/renderer/src/api/connection'
import { httpTransport } from '../../src/renderer/src/api/httpTransport'
import { takeToken } from '../../src/renderer/src/api/httpToken'
import { lineSplitter } from '../../src/renderer/src/api/lineSplitter'
import { touches } from '../../src/renderer/src/api/useLiveData'

const enc = new TextEncoder()
const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** A stream that delivers the given chunks, then ends (the server dropping the connection). */
function ndjson(chunks: string[]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const ch of chunks) c.enqueue(enc.encode(ch))
        c.close()
      }
    }),
    { status: 200 }
  )
}

afterEach(() => connection.set('ok'))

describe('http transport', () => {
  it('posts to /api/<method> with the bearer token and returns the envelope', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = []
    const fetchFn = (async (url: string, init?: RequestInit) => {
      seen.push({ url, init })
      return json(200, { ok: true, data: { id: 'x' } })
    }) as typeof fetch
    const t = httpTransport('tok', 'http://h', fetchFn)
    expect(await t.call('channel-get', { id: 'x' })).toEqual({ ok: true, data: { id: 'x' } })
    expect(seen[0]?.url).toBe('http://h/api/channel-get')
    expect(new Headers(seen[0]?.init?.headers).get('authorization')).toBe('Bearer tok')
    expect(seen[0]?.init?.body).toBe('{"id":"x"}')
  })

  it('passes 4xx errors through with their issues and flags a rejected token', async () => {
    const body = { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token', issues: [] } }
    const t = httpTransport('bad', '', (async () => json(401, body)) as typeof fetch)
    expect(await t.call('workspace-info', {})).toEqual(body)
    expect(connection.get()).toBe('unauthorized')
  })

  it('throws an "unreachable" ApiError and raises the banner when the host is gone', async () => {
    const t = httpTransport('tok', '', (async () => {
      throw new TypeError('fetch failed')
    }) as typeof fetch)
    await expect(t.call('workspace-info', {})).rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.code === 'unreachable')
    expect(connection.get()).toBe('unreachable')
  })

  it('reads events split across chunks, and after a drop reconnects and asks screens to refetch', async () => {
    let opens = 0
    const fetchFn = (async (url: string) => {
      expect(url).toBe('/api/events')
      opens++
      return opens === 1
        ? ndjson(['{"event":"data-changed","payload":{"tx":"1","kinds":["chan', 'nel"],"ids":["a"]}}\n{"event":"data-', 'changed","payload":{"tx":"2","kinds":["goal"],"ids":[]}}\n'])
        : new Response(new ReadableStream<Uint8Array>({ start() {} }), { status: 200 }) // the second connection stays open
    }) as typeof fetch
    const got: string[] = []
    const t = httpTransport(null, '', fetchFn)
    const off = t.subscribe('data-changed', (p) => got.push(`${p.tx}:${p.kinds.join(',')}`))
    await new Promise((r) => setTimeout(r, 50))
    expect(got).toEqual(['1:channel', '2:goal'])
    await new Promise((r) => setTimeout(r, 700))
    expect(opens).toBe(2)
    expect(got.at(-1)).toBe('reconnected:*')
    off()
  })
})

describe('event plumbing', () => {
  it('splits NDJSON lines across chunk boundaries, including multi-byte characters', () => {
    const s = lineSplitter()
    const bytes = enc.encode('{"a":"é"}\n{"b":1}')
    expect(s.push(bytes.slice(0, 7))).toEqual([])
    expect(s.push(bytes.slice(7))).toEqual(['{"a":"é"}'])
    expect(s.flush()).toEqual(['{"b":1}'])
  })

  it('matches changed kinds by API name or table name, and "*" matches everything', () => {
    expect(touches(['content_item'], ['content'])).toBe(true)
    expect(touches(['channel'], ['goal'])).toBe(false)
    expect(touches(['*'], ['goal'])).toBe(true)
    expect(touches(['goal'], ['*'])).toBe(true)
  })

  it('takes the token from the address once, keeps it for the tab, and removes it from the address bar', () => {
    const store = new Map<string, string>()
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as unknown as Storage
    const replaced: string[] = []
    const hist = { state: null, replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url) } as unknown as History
    const loc = { href: 'http://127.0.0.1:4517/?token=abc&x=1#/goals' } as Location
    expect(takeToken(loc, storage, hist)).toBe('abc')
    expect(replaced).toEqual(['/?x=1#/goals'])
    expect(takeToken({ href: 'http://127.0.0.1:4517/#/goals' } as Location, storage, hist)).toBe('abc')
  })
})
