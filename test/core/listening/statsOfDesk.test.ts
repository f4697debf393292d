import { describe, expect, it } from 'vitest'
import { median, NO_TOPIC, OTHER_TOPICS, statsOfDesk } from '../../../src/core/listening/statsOfDesk'
import type { DeskStatsRow } from '../../../src/core/listening/statsTypes'
import { deskRow, type DeskRowSpec } from './deskRow'

const row = (over: DeskRowSpec): DeskStatsRow => deskRow(over)

describe('statsOfDesk', () => {
  it('takes the median of the stopped clocks and the share answered by the due time', () => {
    const s = statsOfDesk({
      from: '2026-07-01',
      to: '2026-09-30',
      escalations: [],
      handoffs: [],
      rows: [
        // 1 h, due in 2 h: within target
        row({ state: 'assigned', firstResponseAt: '2026-07-06T10:00:00.000Z', firstResponseDueAt: '2026-07-06T11:00:00.000Z' }),
        // 3 h, due in 2 h: late
        row({ state: 'resolved', firstResponseAt: '2026-07-06T12:00:00.000Z', firstResponseDueAt: '2026-07-06T11:00:00.000Z', resolvedAt: '2026-07-07T09:00:00.000Z', resolutionDueAt: '2026-07-08T09:00:00.000Z' }),
        // 5 h, no target
        row({ type: 'complaint', sentiment: 'negative', state: 'waiting', firstResponseAt: '2026-07-06T14:00:00.000Z' }),
        // never answered: counts in the volume, not in the clock
        row({ type: 'complaint', sentiment: 'negative', firstResponseDueAt: '2026-07-06T11:00:00.000Z' }),
        // outside the period: skipped everywhere
        row({ occurredAt: '2026-10-01T00:00:00.000Z', firstResponseAt: '2026-10-01T01:00:00.000Z' })
      ]
    })
    expect(s.total).toBe(4)
    expect(s.firstResponse).toEqual({ medianHours: 3, stopped: 3, withinTarget: 1, withTarget: 2, share: 0.5 })
    expect(s.resolution).toEqual({ medianHours: 24, stopped: 1, withinTarget: 1, withTarget: 1, share: 1 })
    expect(s.byType.map((t) => [t.type, t.count, t.firstResponse.medianHours])).toEqual([
      ['complaint', 2, 5],
      ['question', 2, 2]
    ])
    expect(s.byState).toEqual([
      { state: 'assigned', count: 1 },
      { state: 'new', count: 1 },
      { state: 'resolved', count: 1 },
      { state: 'waiting', count: 1 }
    ])
  })

  it('buckets a quarter by week (Mondays) and a longer period by month', () => {
    const q = statsOfDesk({ from: '2026-07-01', to: '2026-09-30', rows: [row({}), row({ occurredAt: '2026-07-01T08:00:00.000Z' })], escalations: [], handoffs: [] })
    expect(q.bucket).toBe('week')
    expect(q.periods[0]).toBe('2026-06-29')
    expect(q.periods[1]).toBe('2026-07-06')
    expect(q.periods.at(-1)).toBe('2026-09-28')
    expect(q.volumeByType).toEqual([{ name: 'question', values: [1, 1, ...new Array<number>(q.periods.length - 2).fill(0)] }])
    const y = statsOfDesk({ from: '2026-01-01', to: '2026-12-31', rows: [row({})], escalations: [], handoffs: [] })
    expect(y.bucket).toBe('month')
    expect(y.periods).toHaveLength(12)
    expect(y.volumeByType[0]?.values[6]).toBe(1)
  })

  it('keeps the six most frequent topics and sums the rest', () => {
    const rows = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e', 'f', 'f', 'g', 'h', ''].map((topic) => row({ topic }))
    const s = statsOfDesk({ from: '2026-07-01', to: '2026-07-31', rows, escalations: [], handoffs: [] })
    expect(s.topics.map((t) => t.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', OTHER_TOPICS])
    expect(s.topics.at(-1)?.values.reduce((x, y) => x + y, 0)).toBe(3)
    expect(statsOfDesk({ from: '2026-07-01', to: '2026-07-31', rows: [row({ topic: ' ' })], escalations: [], handoffs: [] }).topics[0]?.name).toBe(NO_TOPIC)
  })

  it('counts escalations by team and hand-offs by outcome within the period', () => {
    const s = statsOfDesk({
      from: '2026-07-01',
      to: '2026-09-30',
      rows: [],
      escalations: [
        { at: '2026-07-02T10:00:00.000Z', team: 'Support' },
        { at: '2026-07-03T10:00:00.000Z', team: 'Support' },
        { at: '2026-07-04T10:00:00.000Z', team: '' },
        { at: '2026-06-30T23:59:59.000Z', team: 'Legal' }
      ],
      handoffs: [
        { at: '2026-08-01T10:00:00.000Z', outcome: 'won' },
        { at: '2026-08-02T10:00:00.000Z', outcome: 'open' },
        { at: '2026-08-03T10:00:00.000Z', outcome: 'open' }
      ]
    })
    expect(s.escalations).toBe(3)
    expect(s.escalationsByTeam).toEqual([
      { team: 'Support', count: 2 },
      { team: 'No team', count: 1 }
    ])
    expect(s.handoffs).toBe(3)
    expect(s.handoffsByOutcome).toEqual([
      { outcome: 'open', count: 2 },
      { outcome: 'won', count: 1 }
    ])
  })

  it('refuses a period that ends before it starts', () => {
    expect(() => statsOfDesk({ from: '2026-07-02', to: '2026-07-01', rows: [], escalations: [], handoffs: [] })).toThrow(/from ≤ to/)
  })

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })
})
