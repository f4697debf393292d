/**
 * The browser host answers a reading call (the calendar's month) once the contract, the rule areas and
 * the call's own area are loaded, before the whole handler table (issue #17: cold start ≤ 1.5 s). That
 * is only right while the early answer is the one the table would give and every rule is already in.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { dispatch } from '../../../src/main/backend/dispatch'
import { handlers } from '../../../src/main/backend/handlers'
import { answerableEarly, areaSteps, loadDispatchInSteps, RULE_AREAS } from '../../../src/main/web/loadDispatchInSteps'
import { actAsOwner, tempBackend } from '../helpers/tempWorkspace'

const backendDir = join(import.meta.dirname, '..', '..', '..', 'src', 'main', 'backend')

describe('the handler table loaded in steps', () => {
  it('each listed area’s handler is the one the table uses, and no two areas define a method', async () => {
    const seen = new Map<string, string>()
    for (const area of areaSteps) {
      const table = await area.load()
      expect(Object.keys(table).length, area.file).toBeGreaterThan(0)
      for (const [method, handler] of Object.entries(table)) {
        expect(seen.get(method), `${method} in ${area.file}`).toBeUndefined()
        seen.set(method, area.file)
        expect(handlers[method], `${method} of ${area.file}`).toBe(handler)
      }
    }
  })

  it('every handler file that registers mutation rules at import is among the first areas loaded', () => {
    const files = readdirSync(backendDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('Handlers.ts'))
    const registering = files.filter((f) => /^(register\w*Rules|scoringRules)\(\)/m.test(readFileSync(join(backendDir, f), 'utf8'))).map((f) => f.replace(/\.ts$/, ''))
    expect(registering.length).toBeGreaterThan(0)
    const first = areaSteps.slice(0, RULE_AREAS).map((a) => a.file)
    expect(registering.filter((f) => !first.includes(f))).toEqual([])
  })

  it('answers the calendar’s month before the record methods, which wait for the whole table', async () => {
    const loader = loadDispatchInSteps()
    const order: string[] = []
    const month = loader.dispatchFor('calendar-month').then((d) => (order.push('calendar-month'), d))
    const channels = loader.dispatchFor('channel-list').then((d) => (order.push('channel-list'), d))
    const write = loader.dispatchFor('calendar-update').then((d) => (order.push('calendar-update'), d))
    await loader.done
    const [early, full, forWrite] = await Promise.all([month, channels, write])
    expect(order[0]).toBe('calendar-month')
    expect(early).not.toBe(dispatch)
    expect(full).toBe(dispatch)
    expect(forWrite).toBe(dispatch)
    expect(answerableEarly('calendar-month')).toBe(true)
    expect(answerableEarly('calendar-update')).toBe(false)
    expect(answerableEarly('no-such-method')).toBe(false)
  })

  it('an early answer goes through the same roles and input checks as the table’s', async () => {
    const t = await tempBackend()
    try {
      const loader = loadDispatchInSteps()
      const early = await loader.dispatchFor('calendar-month')
      await loader.done
      writeDemo(t.b, { pickMe: false })
      const input = { from: '2026-03-01', to: '2026-03-31', dateField: 'planned', filter: {}, weekStart: 1 }
      // Nobody acting yet, then the owner: the same answers as through the table either way.
      expect(await early(t.b, 'calendar-month', input)).toEqual(await dispatch(t.b, 'calendar-month', input))
      actAsOwner(t.b)
      const answer = await early(t.b, 'calendar-month', input)
      expect(answer.ok).toBe(true)
      expect(answer).toEqual(await dispatch(t.b, 'calendar-month', input))
      const bad = await early(t.b, 'calendar-month', { ...input, from: 'March' })
      expect(bad.ok).toBe(false)
      expect(bad).toEqual(await dispatch(t.b, 'calendar-month', { ...input, from: 'March' }))
    } finally {
      t.cleanup()
    }
  })
})
