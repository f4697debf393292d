import { describe, expect, it } from 'vitest'
import { bootCalls, bootKey, bootMethods } from '../../src/core/api/bootCalls'

describe('boot calls (#17)', () => {
  it('keys an input the same whatever the order of its fields, leaving out undefined ones', () => {
    expect(bootKey('x-get', { b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe(bootKey('x-get', { a: { d: [1, { e: 3, f: 2 }] }, b: 1 }))
    expect(bootKey('x-get', undefined)).toBe('x-get {}')
  })

  it("asks the calendar's month as the screen does, the saved view first, then the first-render one", () => {
    const calls = bootCalls({ route: 'calendar', today: '2026-12-06', weekStart: 1, hasMe: true, savedPlanner: { mode: 'week', filter: { channelIds: ['c1'] }, cursor: '2026-12-16' } })
    const months = calls.filter((c) => c.method === 'calendar-month').map((c) => c.input)
    expect(months).toEqual([
      { from: '2026-12-14', to: '2026-12-20', dateField: 'planned', filter: { channelIds: ['c1'] }, weekStart: 1 },
      { from: '2026-11-30', to: '2027-01-03', dateField: 'planned', filter: {}, weekStart: 1 }
    ])
    expect(calls.map((c) => c.method)).toContain('mine-get')
    for (const c of calls) expect(bootMethods.has(c.method)).toBe(true)
    // No call twice.
    expect(new Set(calls.map((c) => bootKey(c.method, c.input))).size).toBe(calls.length)
  })

  it('asks nothing of the calendar on another screen, and my work only when someone is me or it is shown', () => {
    expect(bootCalls({ route: 'board', today: '2026-12-06', weekStart: 1, hasMe: false, savedPlanner: undefined })).toEqual([])
    expect(bootCalls({ route: 'mine', today: '2026-12-06', weekStart: 1, hasMe: false, savedPlanner: undefined }).map((c) => c.method)).toEqual(['mine-get'])
  })
})
