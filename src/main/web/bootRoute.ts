import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { bootCalls, bootKey, shellCalls, type BootCall } from '../../core/api/bootCalls'
import type { ApiErrorBody } from '../../core/api/contract'
import { weekStart } from '../../core/calendar/weekStart'
import type { Backend } from '../backend/backend'
import type { dispatch as Dispatch } from '../backend/dispatch'
import { httpStatus } from './httpStatus'
import { readBody } from './readBody'

/** What the page's boot script sends (bootScript.ts). */
// `today` is the browser's own date (its time zone), which the calendar opens on.
const bootRequest = z.object({ route: z.string().max(40), today: z.iso.date(), language: z.string().max(100) })

function refuse(res: ServerResponse, error: ApiErrorBody): void {
  res.writeHead(httpStatus(error.code), { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify({ ok: false, error }))
}

/**
 * `POST /api/boot` `{ route, today, language }` (sent by the page's boot script, bootScript.ts): the
 * first screen's calls answered in one response, as NDJSON — a line `{ keys }` naming every call it
 * will answer, then a line `{ key, result }` per call as soon as that call is done, the screen's own
 * data first. Each call goes through the same `dispatch` as `POST /api/<method>` (input parsing,
 * roles, errors), so an answer is exactly what the page would have got by asking. Between calls the
 * loop is let go, so the app's script files are served meanwhile (issue #17, cold start).
 */
export async function bootRoute(b: Backend, req: IncomingMessage, res: ServerResponse, dispatch: typeof Dispatch): Promise<void> {
  const body = await readBody(req, 4096)
  let parsed
  try {
    parsed = bootRequest.safeParse(body.ok ? JSON.parse(body.text) : null)
  } catch {
    parsed = null
  }
  if (!parsed?.success) return refuse(res, { code: 'invalid_input', message: 'The boot request needs { route, today (YYYY-MM-DD), language } as JSON', issues: [] })
  const { route, today, language } = parsed.data
  let gone = false
  res.on('close', () => (gone = true))

  const answer = (call: BootCall) => dispatch(b, call.method, call.input)
  const [me, settings] = await Promise.all(shellCalls.slice(0, 2).map(answer))
  const savedPlanner = settings?.ok ? (settings.data as { ui?: Record<string, unknown> }).ui?.planner : undefined
  const hasMe = me?.ok === true && (me.data as { me: unknown }).me !== null
  const rest = [...bootCalls({ route, today, weekStart: weekStart(language), savedPlanner, hasMe }), ...shellCalls.slice(2)]
  const all = [...shellCalls.slice(0, 2), ...rest]

  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' })
  const line = (v: unknown) => res.write(`${JSON.stringify(v)}\n`)
  line({ keys: all.map((c) => bootKey(c.method, c.input)) })
  shellCalls.slice(0, 2).forEach((c, i) => line({ key: bootKey(c.method, c.input), result: i === 0 ? me : settings }))
  for (const call of rest) {
    await new Promise((resolve) => setImmediate(resolve))
    if (gone) return
    line({ key: bootKey(call.method, call.input), result: await answer(call) })
  }
  res.end()
}
