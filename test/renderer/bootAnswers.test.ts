import { describe, expect, it } from 'vitest'
import { bootKey } from '../../src/core/api/bootCalls'
import { bootAnswers } from '../../src/renderer/src/api/bootAnswers'

const enc = new TextEncoder()

/** A boot response whose lines arrive when the test says so. */
function controlledStream(): { response: Response; send: (line: unknown) => void; end: () => void } {
  let ctrl: ReadableStreamDefaultController<Uint8Array> | undefined
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (ctrl = c) })
  return {
    response: new Response(body, { status: 200 }),
    send: (line) => ctrl?.enqueue(enc.encode(`${JSON.stringify(line)}\n`)),
    end: () => ctrl?.close()
  }
}

const month = { from: '2026-11-30', to: '2027-01-10', dateField: 'planned', filter: {}, weekStart: 1 }
const monthKey = bootKey('calendar-month', month)
const answer = { ok: true, data: { cells: 'x' } }

/** A boot whose month and me-get answers have both arrived. */
async function bootHoldingBoth() {
  const s = controlledStream()
  const boot = bootAnswers(Promise.resolve(s.response))
  s.send({ keys: [monthKey, 'me-get {}'] })
  s.send({ key: monthKey, result: answer })
  s.send({ key: 'me-get {}', result: answer })
  await new Promise((r) => setTimeout(r, 10))
  return { s, boot }
}

describe('boot answers in the api client (#17)', () => {
  it('answers the first call with the same method and input, once, whatever the order of its fields', async () => {
    const s = controlledStream()
    const boot = bootAnswers(Promise.resolve(s.response))
    s.send({ keys: [monthKey, 'me-get {}'] })
    s.send({ key: monthKey, result: answer })
    const reordered = { weekStart: 1, filter: {}, to: '2027-01-10', from: '2026-11-30', dateField: 'planned' }
    await expect(boot.take('calendar-month', reordered)).resolves.toEqual(answer)
    // Used once: the next identical call goes to the server.
    await expect(boot.take('calendar-month', month)).resolves.toBeUndefined()
    s.end()
  })

  it('waits for an answer still on its way, and sends a call it does not hold to the server', async () => {
    const s = controlledStream()
    const boot = bootAnswers(Promise.resolve(s.response))
    const early = boot.take('me-get', {})
    s.send({ keys: [monthKey, 'me-get {}'] })
    await expect(boot.take('calendar-month', { ...month, from: '2026-12-01' })).resolves.toBeUndefined()
    s.send({ key: 'me-get {}', result: { ok: false, error: { code: 'forbidden', message: 'no', issues: [] } } })
    // A refusal is an answer too: exactly what the call would have got.
    await expect(early).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    s.end()
  })

  it('lets a call taken before the stream ended early go to the server', async () => {
    const s = controlledStream()
    const boot = bootAnswers(Promise.resolve(s.response))
    s.send({ keys: [monthKey, 'me-get {}'] })
    s.send({ key: 'me-get {}', result: answer })
    const pending = boot.take('calendar-month', month)
    s.end()
    await expect(pending).resolves.toBeUndefined()
    // What had come stays usable.
    await expect(boot.take('me-get', {})).resolves.toEqual(answer)
  })

  it('ends at a write or a change in the workspace: nothing stale is answered after', async () => {
    const { boot } = await bootHoldingBoth()
    expect(boot.take('calendar-update', { ids: ['a'], shiftDays: 1 })).toBeUndefined()
    expect(boot.take('calendar-month', month)).toBeUndefined()

    const s2 = controlledStream()
    const boot2 = bootAnswers(Promise.resolve(s2.response))
    s2.send({ keys: ['me-get {}'] })
    s2.send({ key: 'me-get {}', result: answer })
    boot2.close()
    expect(boot2.take('me-get', {})).toBeUndefined()
  })

  it('lets a read it does not hold go to the server and keeps the rest (the bell before the shell on a busy machine)', async () => {
    const { s, boot } = await bootHoldingBoth()
    expect(boot.take('notification-list', {})).toBeUndefined()
    expect(boot.take('notification-prefs-get', {})).toBeUndefined()
    await expect(boot.take('me-get', {})).resolves.toEqual(answer)
    await expect(boot.take('calendar-month', month)).resolves.toEqual(answer)
    s.end()
  })

  it('shows an answer that has come at once (peek), without using it up, and nothing once the boot ended', async () => {
    const s = controlledStream()
    const boot = bootAnswers(Promise.resolve(s.response))
    expect(boot.peek('calendar-month', month)).toBeUndefined()
    s.send({ keys: [monthKey, 'me-get {}'] })
    s.send({ key: monthKey, result: answer })
    await new Promise((r) => setTimeout(r, 10))
    expect(boot.peek('calendar-month', { ...month })).toEqual(answer)
    // Not on its way yet, or never held: nothing.
    expect(boot.peek('me-get', {})).toBeUndefined()
    expect(boot.peek('calendar-month', { ...month, from: '2026-12-01' })).toBeUndefined()
    // A peek uses nothing up: the first call still gets it, once.
    await expect(boot.take('calendar-month', month)).resolves.toEqual(answer)
    // A change in the workspace ends it: a first render after that asks the server.
    boot.close()
    expect(boot.peek('calendar-month', month)).toBeUndefined()
    s.end()
  })

  it('is harmless when the boot request failed', async () => {
    const boot = bootAnswers(Promise.resolve(new Response('{"ok":false}', { status: 401 })))
    await expect(boot.take('me-get', {})).resolves.toBeUndefined()
    const broken = bootAnswers(Promise.reject(new TypeError('Failed to fetch')))
    await expect(broken.take('me-get', {})).resolves.toBeUndefined()
  })
})
