import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ResultsSummary } from '../../../src/core/links/resultsSummary'
import type { Backend } from '../../../src/main/backend/backend'
import { dispatchCalls } from '../helpers/dispatchCalls'
import { tempBackend } from '../helpers/tempWorkspace'

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'results', name), 'utf8')
const NOW = Date.parse('2026-11-20T12:00:00Z')
const Q4 = { from: '2026-10-01', to: '2026-12-31' }

let b: Backend
let cleanup: () => void
const { ok, fails } = dispatchCalls(() => b)
let ids: { campaign: string; webinar: string; channel: string; item: string }
const summary = (input: Record<string, unknown>) => ok<ResultsSummary>('results-summary', input)

beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend(() => NOW))
  await ok('workspace-profile-save', { name: 'Northwind', blendedHourlyRate: 100, currency: 'EUR' })
  // 92 days of budget, 100 a day; a channel at 10 an average month-day (365.25 / 12 days).
  const campaign = (await ok('campaign-create', { name: 'Spring Launch', startDate: '2026-10-01', endDate: '2026-12-31', budget: 9200 })).id
  const webinar = (await ok('campaign-create', { name: 'Autumn webinar', startDate: '2026-11-01', endDate: '2026-11-30', budget: 3000 })).id
  await ok('campaign-create', { name: 'Last winter', startDate: '2026-01-01', endDate: '2026-01-31', budget: 1000 })
  const channel = (await ok('channel-create', { name: 'Northwind on LinkedIn', platform: 'linkedin', costPerMonth: 304.375 })).id
  const item = (await ok('content-create', { title: 'Buyer’s guide', channelId: channel, campaignId: campaign, status: 'published', plannedDate: '2026-10-10', effortHours: 3 })).id
  await ok('content-create', { title: 'Pricing explained', channelId: channel, campaignId: campaign, status: 'published', plannedDate: '2026-11-02', effortHours: 2 })
  // Not published: its hours are not spent yet.
  await ok('content-create', { title: 'Next month', channelId: channel, campaignId: campaign, status: 'draft', plannedDate: '2026-12-10', effortHours: 8 })
  ids = { campaign, webinar, channel, item }
  await ok('link-save', { contentId: item, url: 'https://northwind.example/guide?utm_source=linkedin&utm_medium=social&utm_campaign=spring-launch' })
  await ok('results-import', { fileName: 'ga4-traffic-acquisition.csv', text: fixture('ga4-traffic-acquisition.csv') })
  // The fixture's won deal is "$12,000.00" and this team counts in euros: a rate at par keeps the sums below whole.
  await ok('results-import', { fileName: 'hubspot-deals.csv', text: fixture('hubspot-deals.csv'), rates: { USD: 1 } })
})
afterEach(() => cleanup())

describe('results summed per campaign, channel and item', () => {
  it('sums each campaign’s numbers beside its cost, lists a campaign that brought nothing, and keeps the rest apart', async () => {
    const r = await summary({ groupBy: 'campaign', ...Q4 })
    expect(r.currency).toBe('EUR')
    expect(r.period).toEqual(Q4)
    expect(r.metrics).toEqual(['sessions', 'engaged_sessions', 'key_events', 'revenue', 'opportunities', 'pipeline_value', 'closed_revenue'])
    const spring = r.rows.find((x) => x.id === ids.campaign)
    // GA4: 120 + 30 by parameters, 400 by landing page (the guide), 50 by campaign name; HubSpot: the two tracked deals.
    expect(spring).toMatchObject({ name: 'Spring Launch', published: 2, hours: 5, spend: 9200, cost: 9700 })
    expect(spring?.values).toMatchObject({ sessions: 600, revenue: 1250.5, opportunities: 2, pipeline_value: 20000, closed_revenue: 12000 })
    expect(spring?.returnOnCost).toBeCloseTo(12000 / 9700, 9)
    expect(spring?.pipelinePerCost).toBeCloseTo(20000 / 9700, 9)
    expect(spring?.costPerLead).toBeNull()
    // Running in the period with no numbers: a row of its own, its whole budget as cost.
    expect(r.rows.find((x) => x.id === ids.webinar)).toMatchObject({ numbers: 0, values: { sessions: 0, closed_revenue: 0 }, cost: 3000, returnOnCost: 0, costPerLead: null })
    expect(r.rows.map((x) => x.name)).not.toContain('Last winter')
    // Direct traffic, an unknown page and a deal without tracking: outside every campaign, and matched to nothing.
    expect(r.outside.values).toMatchObject({ sessions: 190, opportunities: 1 })
    expect(r.unmatched).toBe(r.outside.numbers)
    expect(r.total.values.sessions).toBe(790)
    expect(r.total.numbers).toBe(r.rows.reduce((n, x) => n + x.numbers, 0) + r.outside.numbers)
    // The team's cost: 5 published hours at 100, both campaigns' budgets in Q4, the channel's 3 average months and a bit.
    expect(r.total.cost).toBeCloseTo(500 + 9200 + 3000 + 304.375 * (92 / 30.4375), 6)
  })

  it('counts a campaign’s budget by its days inside a shorter period, and a channel’s cost by the months', async () => {
    const nov = await summary({ groupBy: 'campaign', from: '2026-11-01', to: '2026-11-30' })
    const spring = nov.rows.find((x) => x.id === ids.campaign)
    expect(spring).toMatchObject({ published: 1, hours: 2 })
    expect(spring?.spend).toBeCloseTo(3000, 9)
    expect(spring?.cost).toBeCloseTo(3200, 9)
    const byChannel = await summary({ groupBy: 'channel', ...Q4 })
    const li = byChannel.rows.find((x) => x.id === ids.channel)
    expect(li).toMatchObject({ detail: 'LinkedIn', published: 2, hours: 5 })
    expect(li?.spend).toBeCloseTo(920, 9)
    // The campaign-name match had no channel: it is outside every channel with the unmatched rows.
    expect(li?.values.sessions).toBe(550)
    expect(byChannel.outside.values.sessions).toBe(240)
  })

  it('lists by item only the items the ledger has numbers for, and takes the ledger’s own dates without a period', async () => {
    const r = await summary({ groupBy: 'item' })
    expect(r.period).toEqual({ from: r.ledger?.from, to: r.ledger?.to })
    expect(r.ledger).toMatchObject({ quarters: ['2026-Q4'], files: 2 })
    expect(r.rows.map((x) => x.name)).toEqual(['Buyer’s guide'])
    expect(r.rows[0]?.detail).toBe('Northwind on LinkedIn · 2026-10-10')
    expect(r.rows[0]?.spend).toBe(0)
  })

  it('follows an undo of the import, and says the ledger is empty without one', async () => {
    await ok('history-undo', {})
    await ok('history-undo', {})
    const r = await summary({ groupBy: 'campaign' })
    expect(r.ledger).toBeNull()
    expect(r.total.numbers).toBe(0)
    // No ledger and no period: this quarter (2026-Q4 on NOW).
    expect(r.period).toEqual(Q4)
  })

  it('puts the quarter’s campaigns into the review deck, and numbers of another quarter leave that deck as it was', async () => {
    const deck = await ok<{ slides: { key: string; blocks: { kind: string; rows?: string[][] }[] }[]; inputHash: string }>('deck-preview', { quarter: '2026-Q4' })
    const slide = deck.slides.find((x) => x.key === 'ledger')
    const rows = slide?.blocks.find((b) => b.kind === 'table')?.rows ?? []
    expect(rows.map((r) => r[0])).toEqual(['Spring Launch', 'Autumn webinar', 'Outside any campaign'])
    const q3 = ['Date,Session source,Session medium,Session campaign,Landing page + query string,Sessions', '20260915,linkedin,social,spring-launch,/guide,12'].join('\n')
    await ok('results-import', { fileName: 'ga4-september.csv', text: q3 })
    const again = await ok<{ inputHash: string }>('deck-preview', { quarter: '2026-Q4' })
    expect(again.inputHash).toBe(deck.inputHash)
  })

  it('refuses half a period with the field named', async () => {
    const e = await fails('results-summary', { groupBy: 'campaign', from: '2026-10-01' })
    expect(e.message).toMatch(/both ends of the period/)
  })
})
