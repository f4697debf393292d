import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootKey } from '../../../src/core/api/bootCalls'
import { calendarDates } from '../../../src/core/calendar/calendarDates'
import type { Backend } from '../../../src/main/backend/backend'
import { dispatch } from '../../../src/main/backend/dispatch'
import { startWebHost, type WebHost } from '../../../src/main/web/webHost'
import { rawRequest } from '../helpers/webTestHost'
import { actAsOwner, tempBackend } from '../helpers/tempWorkspace'

let b: Backend
let cleanup: () => void
let host: WebHost

// A page shaped like the built one: the entry module script in the head.
const indexHtml = `<!doctype html><html><head><title>SMO Desk</title>
    <script type="module" crossorigin src="./assets/index-x.js"></script>
  </head><body><div id="root"></div></body></html>`

beforeAll(async () => {
  const t = await tempBackend()
  b = t.b
  cleanup = t.cleanup
  const renderer = join(t.dir, 'renderer')
  mkdirSync(renderer, { recursive: true })
  writeFileSync(join(renderer, 'index.html'), indexHtml)
  const owner = await dispatch(b, 'member-create', { name: 'Olga Owner', access: 'owner' })
  expect(owner.ok).toBe(true)
  actAsOwner(b)
  const channel = await dispatch(b, 'channel-create', { name: 'Blog', platform: 'blog' })
  if (!channel.ok) throw new Error(channel.error.message)
  const today = calendarDates.todayIn(Date.now(), 'UTC')
  const item = await dispatch(b, 'content-create', { title: 'Launch </script><script>alert(1)</script> post', channelId: (channel.data as { id: string }).id, plannedDate: today })
  if (!item.ok) throw new Error(item.error.message)
  host = await startWebHost(b, { port: 0, rendererDir: renderer })
})
afterAll(async () => {
  await host.close()
  cleanup()
})

const auth = () => ({ authorization: `Bearer ${host.token}`, 'content-type': 'application/json' })
const boot = (body: unknown, headers: Record<string, string> = auth()) => rawRequest(host.port, { method: 'POST', path: '/api/boot', headers, body: JSON.stringify(body) })
type Line = { keys?: string[]; key?: string; result?: unknown }
const linesOf = (text: string): Line[] => text.trim().split('\n').map((l) => JSON.parse(l) as Line)

describe('the browser host boot answer (#17)', () => {
  it('writes the boot script inline into the app page, allowed by its hash in the policy, and only with the session', async () => {
    const page = await rawRequest(host.port, { path: '/', headers: auth() })
    expect(page.status).toBe(200)
    const script = /<script>([\s\S]*?)<\/script>/.exec(page.body)?.[1] ?? ''
    expect(script).toContain("fetch('/api/boot'")
    expect(page.body.indexOf(script)).toBeGreaterThan(page.body.indexOf('<script type="module"'))
    const policy = String(page.headers['content-security-policy'])
    expect(policy).toContain(`script-src 'self' 'sha256-${createHash('sha256').update(script).digest('base64')}'`)
    expect(policy.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline')
    expect((await rawRequest(host.port, { path: '/' })).status).toBe(401)
  })

  it('refuses without the token, and a request without a date', async () => {
    const none = await boot({ route: 'calendar', today: '2026-12-06', language: 'en-GB' }, { 'content-type': 'application/json' })
    expect(none.status).toBe(401)
    const bad = await boot({ route: 'calendar', today: '2026-13-45', language: 'en-GB' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error.message).toContain('today (YYYY-MM-DD)')
    const shapeless = await boot({ route: 'calendar' })
    expect(shapeless.status).toBe(400)
  })

  it("answers the calendar's first calls exactly as the methods do, as NDJSON lines", async () => {
    const today = calendarDates.todayIn(Date.now(), 'UTC')
    const r = await boot({ route: 'calendar', today, language: 'en-GB' })
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toMatch(/ndjson/)
    const [head, ...answers] = linesOf(r.body)
    const keys = head?.keys ?? []
    expect(answers.map((a) => a.key)).toEqual(keys)
    // The month the calendar opens on: today's, weeks starting on Monday (en-GB).
    const grid = calendarDates.monthGrid(today, 1)
    const month = bootKey('calendar-month', { from: grid[0], to: grid[grid.length - 1], dateField: 'planned', filter: {}, weekStart: 1 })
    expect(keys).toContain(month)
    for (const k of ['me-get {}', 'settings-get {}', 'workspace-info {}', 'sync-status {}', 'mine-get {}', bootKey('channel-list', { limit: 50_000 })]) expect(keys).toContain(k)
    // Every answer is what asking the method itself gives (same dispatch, same roles).
    for (const a of answers) {
      const [method = '', input = '{}'] = (a.key ?? '').split(/ (.*)/s)
      const direct = await rawRequest(host.port, { method: 'POST', path: `/api/${method}`, headers: auth(), body: input })
      expect(a.result, a.key).toEqual(JSON.parse(direct.body))
    }
    // A title with </script> travels as JSON data: it cannot end a script, and there is no inline script.
    expect(r.body).toContain('Launch </script><script>alert(1)</script> post')
  })

  it('acts as whoever acts: with nobody chosen as "me", me-get says so and "my work" is not asked for', async () => {
    const me = b.settings.get().me
    b.settings.update({ me: {} })
    try {
      const r = await boot({ route: 'calendar', today: '2026-12-06', language: 'en-GB' })
      const answers = linesOf(r.body).slice(1)
      // Reading needs nobody chosen (people/authorize.ts); the month is answered as the method answers it.
      const month = answers.find((a) => a.key?.startsWith('calendar-month'))
      const direct = await rawRequest(host.port, { method: 'POST', path: '/api/calendar-month', headers: auth(), body: (month?.key ?? '').split(/ (.*)/s)[1] })
      expect(month?.result).toEqual(JSON.parse(direct.body))
      expect(answers.find((a) => a.key === 'me-get {}')?.result).toMatchObject({ ok: true, data: { me: null } })
      // Nobody is "me", so the shell's "my work" is not asked for.
      expect(answers.some((a) => a.key === 'mine-get {}')).toBe(false)
    } finally {
      b.settings.update({ me })
    }
  })

  it('holds only the shell (and my work) for another screen', async () => {
    const r = await boot({ route: 'board', today: '2026-12-06', language: 'fr-FR' })
    const keys = linesOf(r.body)[0]?.keys ?? []
    expect(keys.some((k) => k.startsWith('calendar-month'))).toBe(false)
    expect(keys).toContain('me-get {}')
  })
})
