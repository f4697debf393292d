import { describe, expect, it } from 'vitest'
import { buildDeckModel } from '../../../src/core/deck/buildDeckModel'
import type { DeckBlock, DeckSlide } from '../../../src/core/deck/deckModel'
import type { DeckDesk } from '../../../src/core/deck/deskSlides'
import { statsOfDesk } from '../../../src/core/listening/statsOfDesk'
import type { DeskStatsRow } from '../../../src/core/listening/statsTypes'
import { deskRow, type DeskRowSpec } from '../listening/deskRow'
import { deckFixture } from './deckFixture'

const row = (occurredAt: string, over: DeskRowSpec = {}): DeskStatsRow => deskRow({ state: 'resolved', ...over, occurredAt })

function desk(): DeckDesk {
  const rows = [
    row('2026-07-06T09:00:00Z', { firstResponseAt: '2026-07-06T10:00:00Z', firstResponseDueAt: '2026-07-06T13:00:00Z', resolvedAt: '2026-07-07T09:00:00Z', resolutionDueAt: '2026-07-08T09:00:00Z' }),
    row('2026-08-03T09:00:00Z', { type: 'complaint', sentiment: 'negative', firstResponseAt: '2026-08-03T15:00:00Z', firstResponseDueAt: '2026-08-03T11:00:00Z' }),
    row('2026-05-04T09:00:00Z', { firstResponseAt: '2026-05-04T09:30:00Z', firstResponseDueAt: '2026-05-04T13:00:00Z' })
  ]
  const escalations = [{ at: '2026-08-03T13:00:00Z', team: 'Support' }]
  const handoffs = [
    { at: '2026-07-10T10:00:00Z', outcome: 'won' },
    { at: '2026-05-10T10:00:00Z', outcome: 'open' }
  ]
  return {
    current: statsOfDesk({ rows, escalations, handoffs, from: '2026-07-01', to: '2026-09-30' }),
    previous: statsOfDesk({ rows, escalations, handoffs, from: '2026-04-01', to: '2026-06-30' }),
    targets: [{ type: 'question', firstResponseHours: 4, resolutionHours: 16 }]
  }
}

const slide = (slides: DeckSlide[], key: string): DeckSlide => {
  const s = slides.find((x) => x.key === key)
  if (s === undefined) throw new Error(`no slide ${key}`)
  return s
}
const of = <K extends DeckBlock['kind']>(s: DeckSlide, kind: K): Extract<DeckBlock, { kind: K }> => {
  const b = s.blocks.find((x): x is Extract<DeckBlock, { kind: K }> => x.kind === kind)
  if (b === undefined) throw new Error(`no ${kind} on ${s.key}`)
  return b
}

describe('desk slides in the quarterly deck', () => {
  it('adds response times, volume, escalations and hand-offs after the conversations slide', () => {
    const m = buildDeckModel({ ...deckFixture(), desk: desk() })
    const keys = m.slides.map((s) => s.key)
    expect(keys.slice(keys.indexOf('conversations'), keys.indexOf('conversations') + 4)).toEqual(['conversations', 'desk-response', 'desk-volume', 'desk-escalations'])
    const response = slide(m.slides, 'desk-response')
    expect(of(response, 'table').rows).toEqual([
      ['Median first response', '3.5 h', '0.5 h'],
      ['Answered within target', '50% (1 of 2)', '100% (1 of 1)'],
      ['Median resolution', '24 h', '–'],
      ['Resolved within target', '100% (1 of 1)', '–']
    ])
    const chart = of(response, 'chart').chart
    expect(chart.type === 'bar' && chart.categories).toEqual(['Complaint', 'Question'])
    expect(chart.type === 'bar' && chart.series.map((s) => [s.name, s.values])).toEqual([
      ['Answered in time', [0, 100]],
      ['Resolved in time', [null, 100]]
    ])
    expect(of(response, 'text').lines.map((l) => l.text)).toContain('Question: 1 h (target 4 business h)')
    const esc = slide(m.slides, 'desk-escalations')
    expect(of(esc, 'table').rows).toEqual([
      ['All hand-offs', '1', '1'],
      ['Won', '1', '0'],
      ['Open', '0', '1']
    ])
    expect(of(slide(m.slides, 'desk-volume'), 'table').rows[0]).toEqual(['Conversations', '2', '1'])
  })

  it('leaves the deck (and its hash) as it was without desk numbers', () => {
    const plain = buildDeckModel(deckFixture())
    expect(plain.slides.some((s) => s.key.startsWith('desk-'))).toBe(false)
    expect(buildDeckModel({ ...deckFixture(), desk: null }).inputHash).toBe(plain.inputHash)
    expect(buildDeckModel({ ...deckFixture(), desk: desk() }).inputHash).not.toBe(plain.inputHash)
  })

  it('says so on the slide when the quarter had no conversation', () => {
    const d = desk()
    const none = statsOfDesk({ rows: [], escalations: [], handoffs: [], from: '2026-07-01', to: '2026-09-30' })
    const m = buildDeckModel({ ...deckFixture(), desk: { ...d, current: none } })
    expect(slide(m.slides, 'desk-response').emptyMessage).toBe('No conversation came in during 2026-Q3.')
    expect(slide(m.slides, 'desk-escalations').emptyMessage).toBe('No escalation and no hand-off in 2026-Q3.')
  })
})
