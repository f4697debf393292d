import { describe, expect, it } from 'vitest'
import { buildDeckModel } from '../../../src/core/deck/buildDeckModel'
import type { DeckBlock, DeckSlide } from '../../../src/core/deck/deckModel'
import type { DeckLedger } from '../../../src/core/deck/ledgerSlide'
import { deckFixture } from './deckFixture'

const group = (id: string, name: string, cost: number, values: Record<string, number>, returnOnCost: number | null, costPerLead: number | null) => ({
  id, name, detail: '', published: 3, hours: 10, spend: cost - 850, cost, numbers: 4, values, costPerLead, returnOnCost, pipelinePerCost: null
})

function ledger(): DeckLedger {
  return {
    groupBy: 'campaign',
    currency: 'EUR',
    hourlyRate: 85,
    period: { from: '2026-07-01', to: '2026-09-30' },
    ledger: { from: '2026-07-01', to: '2026-09-30', quarters: ['2026-Q3'], files: 2 },
    metrics: ['sessions', 'engaged_sessions', 'leads', 'pipeline_value', 'closed_revenue'],
    rows: [
      group('C1', 'Spring launch', 10_000, { sessions: 1200, engaged_sessions: 800, leads: 8, pipeline_value: 60_000, closed_revenue: 25_000 }, 2.5, 1250),
      group('C2', 'Customer stories', 4_000, { sessions: 300, engaged_sessions: 100, leads: 0, pipeline_value: 0, closed_revenue: 0 }, 0, null)
    ],
    outside: { numbers: 6, values: { sessions: 2500, leads: 2, pipeline_value: 20_000, closed_revenue: 5_000 } },
    unmatched: 2,
    total: { numbers: 14, values: { sessions: 4000, leads: 10, pipeline_value: 80_000, closed_revenue: 30_000 }, cost: 30_000 }
  }
}

const slide = (slides: DeckSlide[], key: string): DeckSlide | undefined => slides.find((x) => x.key === key)
const of = <K extends DeckBlock['kind']>(s: DeckSlide, kind: K): Extract<DeckBlock, { kind: K }> => {
  const b = s.blocks.find((x): x is Extract<DeckBlock, { kind: K }> => x.kind === kind)
  if (b === undefined) throw new Error(`no ${kind} on ${s.key}`)
  return b
}

describe('what the campaigns brought, in the quarterly deck', () => {
  it('follows the results slide: cost against the ledger per campaign, the rest as a last row, and the share of pipeline a campaign brought', () => {
    const m = buildDeckModel({ ...deckFixture(), ledger: ledger() })
    const keys = m.slides.map((s) => s.key)
    expect(keys[keys.indexOf('results') + 1]).toBe('ledger')
    const s = slide(m.slides, 'ledger')!
    const table = of(s, 'table')
    // Engaged sessions stay on the Results screen; cost per lead and the return where their metrics are.
    expect(table.columns.map((c) => c.label)).toEqual(['Campaign', 'Cost', 'Sessions', 'Leads', 'Pipeline value', 'Closed revenue', 'Cost per lead', 'Revenue ÷ cost'])
    expect(table.rows).toEqual([
      ['Spring launch', 'EUR 10,000', '1,200', '8', 'EUR 60,000', 'EUR 25,000', 'EUR 1,250', '2.5×'],
      ['Customer stories', 'EUR 4,000', '300', '0', 'EUR 0', 'EUR 0', '–', '0×'],
      ['Outside any campaign', '–', '2,500', '2', 'EUR 20,000', 'EUR 5,000', '–', '–']
    ])
    expect(of(s, 'text').lines[0]?.text).toBe('75% of the quarter\'s pipeline (EUR 80,000) came through a campaign. Best return: Spring launch, 2.5× its cost in closed revenue.')
    expect(table.footnote).toContain('14 numbers from 2 analytics and CRM exports')
  })

  it('leaves the deck and its hash as they were without ledger numbers', () => {
    const plain = buildDeckModel(deckFixture())
    expect(slide(plain.slides, 'ledger')).toBeUndefined()
    expect(buildDeckModel({ ...deckFixture(), ledger: null }).inputHash).toBe(plain.inputHash)
    const withLedger = buildDeckModel({ ...deckFixture(), ledger: ledger() })
    expect(withLedger.inputHash).not.toBe(plain.inputHash)
    const l = ledger()
    const changed = buildDeckModel({ ...deckFixture(), ledger: { ...l, rows: [{ ...l.rows[0]!, values: { ...l.rows[0]!.values, closed_revenue: 26_000 } }, l.rows[1]!] } })
    expect(changed.inputHash).not.toBe(withLedger.inputHash)
  })
})
