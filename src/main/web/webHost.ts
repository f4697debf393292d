import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { z } from 'zod'
import type { ApiErrorBody } from '../../core/api/contract'
import type { Backend } from '../backend/backend'
import { httpStatus } from './httpStatus'
import { formatBytes, readBody } from './readBody'
import { bootScriptFor, scriptHash, withBootScript } from './bootScript'
import { pickerRoutes, type Picker } from './pickerRoutes'
import { recoveryRoutes, type Recovery } from './recoveryRoutes'
import { staticFiles } from './staticFiles'
import { sendUnauthorisedPage, webSession } from './webSession'

/**
 * `node:http` taken as the plain module, not through an ESM import: importing a built-in as ESM
 * builds its export facade, which reads every export, and node:http's WebSocket/MessageEvent getters
 * then load undici — ~30 ms before Ready for nothing the host uses (issue #17, cold start).
 */
const { createServer } = process.getBuiltinModule('node:http')

export type WebHost = { url: string; port: number; token: string; close: () => Promise<void> }

const MAX_BODY = 8 * 1024 * 1024
/**
 * Calls whose input is a whole table on purpose: "Export to Excel" sends the filtered view the page
 * shows (a 100k-row view is ~30 MB of JSON). Electron's IPC has no such limit, so neither may the
 * browser host's export; every other call stays at MAX_BODY.
 */
const LARGE_BODY: Partial<Record<string, { limit: number; advice: string }>> = {
  'export-table': { limit: 512 * 1024 * 1024, advice: 'Filter the view to fewer rows, or export the whole table with `smo export`.' }
}
/** The page's policy; `bootHash` lets the app page's inline boot script run, and no other inline script. */
const cspWith = (bootHash: string) =>
  [
    "default-src 'self'",
    `script-src 'self' ${bootHash}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'"
  ].join('; ')

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function fail(res: ServerResponse, error: ApiErrorBody): void {
  send(res, httpStatus(error.code), { ok: false, error })
}

async function methodList() {
  const [{ z }, { contract }] = await Promise.all([import('zod'), import('../../core/api/contract')])
  return Object.entries(contract).map(([name, entry]) => ({
    name,
    summary: entry.summary,
    input: z.toJSONSchema(entry.input as z.ZodType, { io: 'input', unrepresentable: 'any' }),
    output: z.toJSONSchema(entry.output as z.ZodType, { io: 'output', unrepresentable: 'any' })
  }))
}

/**
 * The handler table, imported in steps (zod, the contract's schemas, the services, the table), each
 * evaluated in its own turn of the event loop: loaded in one go it held the loop for 200–300 ms right
 * after Ready, just when the browser asks for the page and its scripts, which then waited (issue #17).
 */
async function loadInSteps(): Promise<typeof import('../backend/dispatch')> {
  const steps = [() => import('zod'), () => import('../../core/api/contract'), () => import('../backend/handlers')]
  for (const step of steps) {
    await step()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return import('../backend/dispatch')
}

/**
 * The browser host: the same contract over HTTP, bound to 127.0.0.1 only. Every request needs the
 * per-launch token or the session cookie its first page load traded it for (webSession.ts); a Host or Origin that is not exactly this loopback address gets 403, which
 * also defeats DNS-rebinding pages that try to reach the port.
 */
export function startWebHost(
  initial: Backend | null,
  options: { port?: number; rendererDir: string; recovery?: Recovery; onRestored?: (b: Backend) => void; picker?: Picker }
): Promise<WebHost> {
  // Null while the workspace is damaged and the host shows the restore offer instead (recoveryRoutes.ts),
  // or before one is chosen, while it shows the first-start picker (pickerRoutes.ts).
  let b = initial
  if (b === null && !options.recovery && !options.picker) throw new Error('startWebHost needs a backend, a recovery offer or a picker')
  const adopt = (opened: Backend) => {
    b = opened
    options.onRestored?.(opened)
  }
  const beforeApp = options.recovery ? recoveryRoutes(options.recovery, adopt) : options.picker ? pickerRoutes(options.picker, adopt) : null
  const token = randomBytes(24).toString('base64url')
  // The boot script is made once per start (it names the build's chunks), and the policy allows its hash.
  const bootScript = bootScriptFor(options.rendererDir)
  const CSP = cspWith(scriptHash(bootScript))
  const serve = staticFiles(options.rendererDir, (html) => withBootScript(html, bootScript))
  let port = options.port ?? 0
  let listing: Awaited<ReturnType<typeof methodList>> | null = null
  /**
   * The handler table (every service, the whole contract's schemas) is most of what the server
   * loads: ~100–200 ms of one thread. It is imported once the app's page has been sent (below) or at
   * the first API call, whichever comes first: loaded as soon as the port opened, it held the page's
   * own requests (the token redirect, the HTML) instead, while the browser waited (issue #17, cold start).
   */
  let dispatchModule: Promise<typeof import('../backend/dispatch')> | null = null
  const loadDispatch = () => (dispatchModule ??= loadInSteps())
  /** The dispatcher, or null after answering that the handlers could not be loaded. */
  const dispatchOrFail = async (res: ServerResponse): Promise<(typeof import('../backend/dispatch'))['dispatch'] | null> => {
    try {
      return (await loadDispatch()).dispatch
    } catch (e) {
      fail(res, { code: 'internal', message: `The server could not load its handlers (${e instanceof Error ? e.message : String(e)}); restart \`smo serve\``, issues: [] })
      return null
    }
  }
  const streams = new Set<ServerResponse>()

  // Made once the port is known: the cookie's name carries it.
  let session: ReturnType<typeof webSession> | null = null

  const server = createServer(async (req, res) => {
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    res.setHeader('x-frame-options', 'DENY')
    res.setHeader('content-security-policy', CSP)
    const self = `127.0.0.1:${port}`
    if (req.headers.host !== self) return fail(res, { code: 'forbidden', message: `Host must be ${self}`, issues: [] })
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${self}`) return fail(res, { code: 'forbidden', message: `Origin ${origin} is not allowed`, issues: [] })
    const url = new URL(req.url ?? '/', `http://${self}`)
    session ??= webSession(token, port)
    if (!url.pathname.startsWith('/api')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, { code: 'forbidden', message: 'Only GET for pages', issues: [] })
      if (session.redeemToken(req, url, res)) return
      if (!session.authorised(req)) return sendUnauthorisedPage(res)
      if (b === null) return beforeApp?.(req, url, res)
      // The page is out: the handler table loads now, in steps, while the browser sets the page up
      // (on this machine ~120 ms before it asks for the scripts) instead of once its boot request
      // comes, when the page is waiting for the answers. A page the browser reloads finds it loaded.
      if (serve(url.pathname, res) === 'page') setImmediate(() => void loadDispatch().catch(() => undefined))
      return
    }
    if (!session.authorised(req)) return fail(res, { code: 'unauthorized', message: 'Missing or wrong token: open the address `smo serve` printed', issues: [] })
    if (b === null) return beforeApp?.(req, url, res)
    const backend = b
    if (url.pathname === '/api' && req.method === 'GET') {
      listing ??= await methodList()
      return send(res, 200, { ok: true, data: { methods: listing, events: ['data-changed'] } })
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(`${JSON.stringify({ event: 'hello', payload: {} })}\n`)
      streams.add(res)
      const off = backend.events.on((event, payload) => res.write(`${JSON.stringify({ event, payload })}\n`))
      const ping = setInterval(() => res.write('\n'), 15_000)
      req.on('close', () => {
        off()
        clearInterval(ping)
        streams.delete(res)
      })
      return
    }
    if (url.pathname === '/api/boot' && req.method === 'POST') {
      const dispatch = await dispatchOrFail(res)
      if (dispatch) await (await import('./bootRoute')).bootRoute(backend, req, res, dispatch)
      return
    }
    if (url.pathname === '/api/import-upload' && req.method === 'POST') return (await import('./uploadRoute')).uploadRoute(backend, req, res)
    const m = /^\/api\/([a-z]+(?:-[a-z]+)+)$/.exec(url.pathname)
    if (!m || req.method !== 'POST') return fail(res, { code: 'unknown_method', message: `No such endpoint: ${req.method} ${url.pathname}`, issues: [] })
    let input: unknown = {}
    try {
      const large = LARGE_BODY[m[1] ?? '']
      const limit = large?.limit ?? MAX_BODY
      const body = await readBody(req, limit)
      if (!body.ok)
        return send(res, 413, {
          ok: false,
          error: {
            code: 'invalid_input',
            message: `The request body is larger than the ${formatBytes(limit)} limit of ${large === undefined ? 'an API call' : `\`${m[1] ?? ''}\``}. ${large?.advice ?? 'Import a large CSV with Import CSV… in the app (it streams the file) or `smo import`.'}`,
            issues: []
          } satisfies ApiErrorBody
        })
      input = body.text.trim() === '' ? {} : JSON.parse(body.text)
    } catch (e) {
      return fail(res, { code: 'invalid_input', message: `The request body is not valid JSON (${e instanceof Error ? e.message : 'unreadable'})`, issues: [] })
    }
    const dispatch = await dispatchOrFail(res)
    if (!dispatch) return
    const result = await dispatch(backend, m[1] ?? '', input)
    if (result.ok) send(res, 200, result)
    else fail(res, result.error)
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address()
      port = typeof addr === 'object' && addr ? addr.port : port
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            for (const s of streams) s.end()
            server.close(() => done())
            server.closeAllConnections()
          })
      })
    })
  })
}
