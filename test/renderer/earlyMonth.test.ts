import { afterEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../src/core/api/contract'
import { weekStart } from '../../src/core/calendar/weekStart'
import { api } from '../../src/renderer/src/api/client'
import { startEarlyMonth, takeEarlyMonth } from '../../src/renderer/src/features/calendar/earlyMonth'
import { monthInput } from '../../src/renderer/src/features/calendar/monthInput'
import { initialPlanner, plannerHint, rememberPlannerHint } from '../../src/renderer/src/features/calendar/plannerDefaults'

/** A transport that records calls and lets the test push `data-changed`. */
function fakeTransport() {
  const calls: { method: string; input: unknown }[] = []
  const listeners = new Set<(p: EventPayload<'data-changed'>) => void>()
  api.useTransport({
    call: async (method, input) => {
      calls.push({ method, input })
      return { ok: true, data: { cells: [], campaigns: [], clashes: [], n: calls.length } }
    },
    subscribe: (_event, cb) => {
      const l = cb as (p: EventPayload<'data-changed'>) => void
      listeners.add(l)
      return () => listeners.delete(l)
    }
  })
  return { calls, change: () => [...listeners].forEach((l) => l({ tx: 't', kinds: ['content'], ids: [] })) }
}

const memory = (): Storage => {
  const m = new Map<string, string>()
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, get length() { return m.size } }
}
// 2026-03-18, a Wednesday, 10:00 in Berlin.
const now = Date.UTC(2026, 2, 18, 9, 0)
const env = (storage: Storage) => ({ now, zone: 'Europe/Berlin', language: 'de-DE', storage })

afterEach(() => {
  // Nothing left over for the next test.
  takeEarlyMonth(monthInput(initialPlanner, '2026-03-18', weekStart('de-DE')))
})

describe('the calendar month asked for as the page starts (issue #17)', () => {
  it('asks once for the input the screen builds, and hands the answer over exactly once', async () => {
    const t = fakeTransport()
    startEarlyMonth(env(memory()))
    expect(t.calls).toHaveLength(1)
    const screenInput = monthInput(initialPlanner, '2026-03-18', weekStart('de-DE'))
    expect(t.calls[0]).toEqual({ method: 'calendar-month', input: screenInput })
    // Monday weeks: the March grid starts on 23 February and ends on 5 April.
    expect(screenInput).toMatchObject({ from: '2026-02-23', to: '2026-04-05', dateField: 'planned', filter: {} })
    const answer = takeEarlyMonth(screenInput)
    expect(answer).not.toBeNull()
    expect(await answer).toMatchObject({ n: 1 })
    expect(takeEarlyMonth(screenInput)).toBeNull()
  })

  it('is not used for another view', () => {
    fakeTransport()
    startEarlyMonth(env(memory()))
    expect(takeEarlyMonth(monthInput({ ...initialPlanner, mode: 'week' }, '2026-03-18', weekStart('de-DE')))).toBeNull()
    expect(takeEarlyMonth(monthInput(initialPlanner, '2026-03-18', 0))).toBeNull()
  })

  it('is dropped by a change to the workspace before the screen takes it', () => {
    const t = fakeTransport()
    startEarlyMonth(env(memory()))
    t.change()
    expect(takeEarlyMonth(monthInput(initialPlanner, '2026-03-18', weekStart('de-DE')))).toBeNull()
  })

  it('follows the planner state the screen last had (the hint), cursor and filter included', () => {
    const t = fakeTransport()
    const storage = memory()
    const saved = { ...initialPlanner, mode: 'week' as const, dateField: 'publish' as const, cursor: '2026-05-06', filter: { channelIds: ['c1'] } }
    rememberPlannerHint(saved, storage)
    expect(plannerHint(storage)).toEqual(saved)
    startEarlyMonth(env(storage))
    expect(t.calls[0]?.input).toEqual({ from: '2026-05-04', to: '2026-05-10', dateField: 'publish', filter: { channelIds: ['c1'] }, weekStart: weekStart('de-DE') })
    expect(takeEarlyMonth(monthInput(saved, '2026-05-06', weekStart('de-DE')))).not.toBeNull()
  })

  it('treats an unreadable hint as none', () => {
    const storage = memory()
    storage.setItem('smo.planner', '{not json')
    expect(plannerHint(storage)).toEqual(initialPlanner)
    storage.setItem('smo.planner', '[1,2]')
    expect(plannerHint(storage)).toEqual(initialPlanner)
  })
})
