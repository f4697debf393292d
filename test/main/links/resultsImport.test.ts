import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ResultsReport } from '../../../src/core/api/methods/linkMethods'
import type { Backend } from '../../../src/main/backend/backend'
import { dispatchCalls } from '../helpers/dispatchCalls'
import { tempBackend } from '../helpers/tempWorkspace'

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'results', name), 'utf8')
const NOW = Date.parse('2026-11-20T12:00:00Z')

let b: Backend
let cleanup: () => void
const { ok, fails } = dispatchCalls(() => b)
let ids: { campaign: string; channel: string; item: string; item2: string; goal: string }

beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend(() => NOW))
  const campaign = (await ok('campaign-create', { name: 'Spring Launch', startDate: '2026-10-01', endDate: '2026-12-31' })).id
  const channel = (await ok('channel-create', { name: 'Northwind on LinkedIn', platform: 'linkedin' })).id
  const item = (await ok('content-create', { title: 'Buyer’s guide', channelId: channel, campaignId: campaign })).id
  const item2 = (await ok('content-create', { title: 'Pricing explained', channelId: channel, campaignId: campaign })).id
  const goal = (await ok('goal-create', { objective: 'More leads', driver: 'revenue', kpiName: 'Leads', quarter: '2026-Q4', baseline: 10, target: 100, resultsMetric: 'leads' })).id
  ids = { campaign, channel, item, item2, goal }
  await ok('link-save', { contentId: item, url: 'https://northwind.example/guide?utm_source=linkedin&utm_medium=social&utm_campaign=spring-launch' })
})
afterEach(() => cleanup())

const importFile = (name: string, extra: Record<string, unknown> = {}) => ok<ResultsReport>('results-import', { fileName: name, text: fixture(name), ...extra })
const count = (sql: string) => (b.db.raw.prepare(sql).get() as { n: number }).n

describe('results back into the outcome ledger', () => {
  it('matches a GA4 export by tracking parameters, then campaign name, then landing page, and lists the rest with why', async () => {
    const r = await importFile('ga4-traffic-acquisition.csv')
    expect(r).toMatchObject({ format: 'ga4', rows: 6, matched: 4, written: true, create: 18 })
    expect(r.byRule).toEqual({ 'tracking parameters (source, medium, campaign)': 2, 'campaign name': 1, 'landing page': 1 })
    expect(r.unmatched).toEqual([
      { row: 14, reason: 'no utm_campaign, and the landing page is not one of our links' },
      { row: 15, reason: 'no utm_campaign and no landing page' }
    ])
    expect(r.totals.find((t) => t.metric === 'sessions')).toEqual({ metric: 'sessions', value: 790, matched: 600 })
    const row = b.db.raw.prepare("SELECT content_id, campaign_id, source_file, source_row, match_rule FROM outcome WHERE metric = 'sessions' AND source_row = 10").get()
    expect(row).toEqual({ content_id: ids.item, campaign_id: ids.campaign, source_file: 'ga4-traffic-acquisition.csv', source_row: 10, match_rule: 'tracking parameters (source, medium, campaign)' })
    // The same file again counts nothing twice.
    const again = await importFile('ga4-traffic-acquisition.csv')
    expect(again).toMatchObject({ create: 0, update: 0, unchanged: 18 })
    expect(count("SELECT count(*) AS n FROM outcome WHERE metric = 'sessions'")).toBe(6)
  })

  it('tells items that share their tracking parameters apart by the page each one links to', async () => {
    await ok('link-save', { contentId: ids.item2, url: 'https://northwind.example/pricing?utm_source=linkedin&utm_medium=social&utm_campaign=spring-launch' })
    const text = [
      'Date,Session source,Session medium,Session campaign,Landing page + query string,Sessions',
      '20261103,linkedin,social,spring-launch,/pricing?utm_source=linkedin&utm_medium=social&utm_campaign=spring-launch,40',
      '20261103,linkedin,social,spring-launch,/somewhere-else,7'
    ].join('\n')
    const r = await ok<ResultsReport>('results-import', { fileName: 'ga4.csv', text })
    expect(r.byRule).toEqual({ 'tracking parameters (source, medium, campaign) and landing page': 1, 'tracking parameters (source, medium, campaign), shared by 2 items: counted to their campaign': 1 })
    const rows = b.db.raw.prepare("SELECT content_id, campaign_id, value FROM outcome WHERE metric = 'sessions' ORDER BY value").all()
    expect(rows).toEqual([{ content_id: null, campaign_id: ids.campaign, value: 7 }, { content_id: ids.item2, campaign_id: ids.campaign, value: 40 }])
  })

  it('reads the "Session source / medium" export shape with its period from the comment lines', async () => {
    const r = await importFile('ga4-source-medium.csv')
    expect(r).toMatchObject({ rows: 2, matched: 1 })
    expect(b.db.raw.prepare("SELECT DISTINCT date FROM outcome").all()).toEqual([{ date: '2026-11-30' }])
  })

  it('turns HubSpot deals into opportunities, pipeline value and closed revenue, and a newer export updates instead of adding', async () => {
    const r = await importFile('hubspot-deals.csv')
    expect(r.entity).toBe('deals')
    expect(Object.fromEntries(r.totals.map((t) => [t.metric, t.value]))).toEqual({ opportunities: 3, pipeline_value: 20000, closed_revenue: 12000 })
    expect(r.unmatched).toEqual([{ row: 4, reason: 'no utm_campaign and no landing page' }])
    const newer = fixture('hubspot-deals.csv').replace('Contract sent,8000', 'Closed won,9000').replace('2026-11-09 09:00,,', '2026-11-09 09:00,2026-11-19,')
    const r2 = await ok<ResultsReport>('results-import', { fileName: 'hubspot-deals-later.csv', text: newer })
    expect(r2).toMatchObject({ create: 1, update: 1 })
    expect(count("SELECT sum(value) AS n FROM outcome WHERE metric = 'closed_revenue'")).toBe(21000)
    expect(count("SELECT count(*) AS n FROM outcome WHERE metric = 'opportunities'")).toBe(3)
  })

  it('moves a leads goal from the ledger, says where the number came from, and one undo takes the import back', async () => {
    const r = await importFile('hubspot-contacts.csv')
    expect(r.skipped).toEqual([{ row: 4, reason: 'lifecycle stage "Subscriber" is not a lead' }])
    expect(r.byRule).toEqual({ 'tracking parameters (source, medium, campaign)': 1, 'landing page': 1 })
    expect(r.unmatched).toEqual([{ row: 5, reason: 'campaign "autumn-webinar" is not one of our campaigns or links' }])
    expect(r.goals).toEqual([{ goalId: ids.goal, objective: 'More leads', metric: 'leads', level: 13 }])
    const ms = b.db.raw.prepare('SELECT date, value, source, note FROM measurement WHERE goal_id = ? ORDER BY date').all(ids.goal) as { date: string; value: number; source: string; note: string }[]
    expect(ms.map((m) => [m.date, m.value])).toEqual([['2026-11-03', 11], ['2026-11-04', 12], ['2026-11-06', 13]])
    expect(ms[0]!.source).toBe('results ledger')
    expect(ms[0]!.note).toContain('hubspot-contacts.csv')
    await ok('history-undo', {})
    expect(count('SELECT count(*) AS n FROM outcome WHERE deleted_at IS NULL')).toBe(0)
    expect(count('SELECT count(*) AS n FROM measurement WHERE deleted_at IS NULL')).toBe(0)
  })

  it('reads Salesforce opportunities with US dates and custom UTM fields', async () => {
    const r = await importFile('salesforce-opportunities.csv')
    expect(r).toMatchObject({ format: 'salesforce', entity: 'opportunities', matched: 1 })
    expect(b.db.raw.prepare("SELECT date, value FROM outcome WHERE metric = 'closed_revenue'").all()).toEqual([{ date: '2026-11-25', value: 15000 }])
    // "Web" (Lead Source) stands in for the missing utm_source, but says nothing about which item.
    expect(r.unmatched).toEqual([{ row: 3, reason: 'no utm_campaign (source "Web" alone does not say which item)' }])
  })

  it('replaces, not adds to, the numbers of days another GA4 file already brought in, says so in the preview, and one undo brings the earlier ones back', async () => {
    await importFile('ga4-traffic-acquisition.csv')
    const sessions = () => count("SELECT sum(value) AS n FROM outcome WHERE deleted_at IS NULL AND metric = 'sessions'")
    expect(sessions()).toBe(790)
    // A fresher export of part of the same month (GA4's late data): 5–30 Nov, other numbers, other bytes.
    const fresher = fixture('ga4-traffic-acquisition.csv')
      .replace('# Start date: 20261101', '# Start date: 20261105')
      .split('\n')
      .filter((l) => !l.startsWith('20261103') && !l.startsWith('20261104'))
      .join('\n')
      .replace(',400,300,10,0', ',450,320,11,0')
    const preview = await ok<ResultsReport>('results-import', { fileName: 'ga4-november-fresh.csv', text: fresher, dryRun: true })
    expect(preview.period).toEqual({ from: '2026-11-05', to: '2026-11-30' })
    // The earlier file's rows of 5–6 Nov (4 rows), not those of 3–4 Nov.
    expect(preview.replaced).toEqual([{ fileName: 'ga4-traffic-acquisition.csv', from: '2026-11-05', to: '2026-11-06', numbers: 12 }])
    expect(preview.written).toBe(false)
    expect(sessions()).toBe(790)

    const done = await ok<ResultsReport>('results-import', { fileName: 'ga4-november-fresh.csv', text: fresher })
    expect(done).toMatchObject({ written: true, create: 12 })
    // 3–4 Nov from the first file (120 + 30), 5–6 Nov only from the fresher one (50 + 450 + 100 + 90).
    expect(sessions()).toBe(150 + 690)
    // The same fresher file again is not an overlap with itself.
    expect((await ok<ResultsReport>('results-import', { fileName: 'ga4-november-fresh.csv', text: fresher, dryRun: true })).replaced).toEqual([])

    await ok('history-undo', {})
    expect(sessions()).toBe(790)
  })

  it('writes nothing from a file with bad rows, naming each by row and column', async () => {
    const r = await importFile('salesforce-leads-bad.csv')
    expect(r.written).toBe(false)
    expect(r.errors).toEqual([
      { row: 2, column: 'Created Date', message: '31 Nov 2026 is not a date (November 2026 has 30 days)' },
      { row: 4, column: 'Lead ID', message: 'No record id: without it a re-import would count this row twice' }
    ])
    expect(count('SELECT count(*) AS n FROM outcome')).toBe(0)
    const dry = await importFile('hubspot-contacts.csv', { dryRun: true })
    expect(dry).toMatchObject({ written: false, create: 3 })
    expect(count('SELECT count(*) AS n FROM outcome')).toBe(0)
    const e = await fails('results-import', { fileName: 'notes.csv', text: 'Name,Phone\nAna,123\n' })
    expect(e.message).toContain('does not look like a GA4, HubSpot or Salesforce export')
  })
})

describe("money in the team's currency", () => {
  it('refuses deals in a currency without a rate, naming row and column, and converts them once the team has one', async () => {
    await ok('workspace-profile-save', { currency: 'EUR' })
    const r = await importFile('hubspot-deals-currencies.csv')
    expect(r.written).toBe(false)
    // One problem per row (its pipeline and closed revenue are one amount), at the column that named the currency.
    expect(r.errors).toEqual([
      {
        row: 2,
        column: 'Currency',
        message: 'The amount is in USD and the team counts in EUR: give what 1 USD is worth in EUR (Settings → Team → Exchange rates, or --rate USD=…), or export the report in EUR'
      },
      { row: 5, column: 'Amount', message: expect.stringContaining('The amount is in GBP and the team counts in EUR') }
    ])
    expect(r.money).toEqual({ team: 'EUR', converted: [], assumed: 1, missing: ['GBP', 'USD'] })
    expect(count('SELECT count(*) AS n FROM outcome')).toBe(0)

    // A rate for this import only, then the team's own: the same numbers either way.
    const once = await importFile('hubspot-deals-currencies.csv', { dryRun: true, rates: { USD: 0.9, GBP: 1.2 } })
    expect(once.errors).toEqual([])
    await ok('workspace-profile-save', { exchangeRates: { USD: 0.9, GBP: 1.2 } })
    const done = await importFile('hubspot-deals-currencies.csv')
    expect(done).toMatchObject({ written: true, errors: [] })
    expect(done.money).toEqual({ team: 'EUR', converted: [{ currency: 'USD', rate: 0.9, numbers: 2 }, { currency: 'GBP', rate: 1.2, numbers: 1 }], assumed: 1, missing: [] })
    // 10,000 USD → 9,000 € pipeline and closed; 8,000 € as it was; 2,500 taken as euros; £4,000 → 4,800 €.
    expect(Object.fromEntries(done.totals.map((t) => [t.metric, t.value]))).toEqual({ opportunities: 4, pipeline_value: 9000 + 8000 + 2500 + 4800, closed_revenue: 9000 })
    const rows = b.db.raw.prepare("SELECT external_id, value, currency, original_value FROM outcome WHERE metric = 'pipeline_value' ORDER BY external_id").all()
    expect(rows).toEqual([
      { external_id: '9101', value: 9000, currency: 'USD', original_value: 10000 },
      { external_id: '9102', value: 8000, currency: 'EUR', original_value: null },
      { external_id: '9103', value: 2500, currency: '', original_value: null },
      { external_id: '9104', value: 4800, currency: 'GBP', original_value: 4000 }
    ])
    // A new rate and the same file: the converted numbers are updated, not added.
    await ok('workspace-profile-save', { exchangeRates: { USD: 0.95, GBP: 1.2 } })
    const later = await importFile('hubspot-deals-currencies.csv')
    expect(later).toMatchObject({ create: 0, update: 2 })
    expect(count("SELECT sum(value) AS n FROM outcome WHERE metric = 'closed_revenue' AND deleted_at IS NULL")).toBe(9500)
  })
})

describe('the model reads the ledger', () => {
  it("counts an item's ledger leads as its results when its goal takes progress from results", async () => {
    const { modelInputs } = await import('../../../src/main/backend/services/modelInputs')
    // Set up as published with results (the approval path is not what this test is about).
    b.db.raw.prepare("UPDATE content_item SET status = 'published', planned_date = '2026-11-02', goal_id = ?, result_reach = 500, result_conversions = 0 WHERE id = ?").run(ids.goal, ids.item)
    const before = modelInputs(b).input.posts.find((p) => p.channelId === ids.channel)
    expect(before?.conversions).toBe(0)
    await importFile('hubspot-contacts.csv')
    const after = modelInputs(b).input.posts.find((p) => p.channelId === ids.channel)
    expect(after?.conversions).toBe(2)
  })
})
