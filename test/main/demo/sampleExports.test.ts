import { describe, expect, it } from 'vitest'
import type { ResultsReport } from '../../../src/core/api/methods/linkMethods'
import { sampleNames, type SampleName } from '../../../src/core/transfer/sampleFiles'
import { sampleExport } from '../../../src/main/backend/demo/sampleExports'
import { dispatch } from '../../../src/main/backend/dispatch'
import { actAsOwner } from '../helpers/tempWorkspace'
import { prepareImport } from '../../../src/main/backend/services/transferImport'
import { demoBackendPerTest } from '../helpers/demoBackendPerTest'

const t = demoBackendPerTest()
const sample = (name: SampleName) => sampleExport(t.b, name)
const results = async (fileName: SampleName, format: string): Promise<ResultsReport> => {
  actAsOwner(t.b)
  const r = await dispatch(t.b, 'results-import', { fileName, text: sample(fileName), format, dryRun: true })
  if (!r.ok) throw new Error(r.error.message)
  return r.data as ResultsReport
}

// The files `smo samples` writes for a newcomer to try every import on the demo: each must import
// into the workspace it was made from, matching most rows, with a few that real exports also have
// left unmatched and said why.
describe('sample exports made from the demo', () => {
  it('a GA4 export: most rows matched to single items by their parameters and pages, a search visit by its page, the rest said why', async () => {
    const r = await results('ga4-traffic-acquisition.csv', 'ga4')
    expect(r.errors).toEqual([])
    expect(r.rows).toBeGreaterThanOrEqual(15)
    expect(r.matched / r.rows).toBeGreaterThan(0.75)
    expect(r.byRule['tracking parameters (source, medium, campaign, content) and landing page']).toBeGreaterThanOrEqual(10)
    expect(r.byRule['landing page']).toBe(1)
    expect(r.unmatched.map((u) => u.reason)).toEqual(expect.arrayContaining(['no utm_campaign and no landing page', 'campaign "reseller-q4-push" is unknown and the landing page is not one of our links']))
  })

  it('the demo starts with a ledger from the months before the samples, which the samples add to and replace nothing of', async () => {
    actAsOwner(t.b)
    const s = await dispatch(t.b, 'results-summary', { groupBy: 'campaign' })
    if (!s.ok) throw new Error(s.error.message)
    const d = s.data as { ledger: { files: number; to: string } | null; rows: { numbers: number; cost: number | null }[]; total: { values: Record<string, number> } }
    expect(d.ledger?.files).toBe(2)
    // Some campaign brought numbers, and every campaign has a cost.
    expect(d.rows.some((r) => r.numbers > 0)).toBe(true)
    expect(d.rows.every((r) => (r.cost ?? 0) > 0)).toBe(true)
    expect(d.total.values.sessions).toBeGreaterThan(1000)
    expect(d.total.values.pipeline_value).toBeGreaterThan(0)
    const ga4 = await results('ga4-traffic-acquisition.csv', 'ga4')
    expect(ga4.replaced).toEqual([])
    expect(ga4.period?.from && ga4.period.from > (d.ledger?.to ?? '')).toBe(true)
    const deals = await results('hubspot-deals.csv', 'hubspot')
    expect(deals.update).toBe(0)
    expect(deals.create).toBeGreaterThan(0)
  })

  it('HubSpot deals: the tracked deals matched, the one sales brought in without tracking listed', async () => {
    const r = await results('hubspot-deals.csv', 'hubspot')
    expect(r.errors).toEqual([])
    expect(r.matched).toBeGreaterThanOrEqual(4)
    expect(r.unmatched.at(-1)?.reason).toBe('no utm_campaign and no landing page')
  })

  it('a Hootsuite bulk sheet and a CRM list import without a problem', async () => {
    const schedule = await prepareImport(t.b, { kind: 'content', fileName: 'hootsuite-bulk-schedule.csv', text: sample('hootsuite-bulk-schedule.csv') })
    expect(schedule.allProblems).toEqual([])
    expect(schedule.source?.preset).toBe('hootsuite')
    expect(schedule.creates).toBe(6)
    // The preview shows a time as the sheet gave it (the workspace's wall clock), not as a UTC instant.
    expect(schedule.sample[0]?.values.publishAt).toMatch(/^\d{4}-\d{2}-\d{2} 09:30$/)
    // The CRM's "Record ID" is recognised as its own id (kept as the external id), with no mapping given.
    const crm = await prepareImport(t.b, { kind: 'influencer', fileName: 'crm-influencers.csv', text: sample('crm-influencers.csv') })
    expect(crm.allProblems).toEqual([])
    expect(crm.mapping[crm.headers.indexOf('Record ID')]).toBe('id')
    expect(crm.creates).toBe(4)
  })

  it('is the same for the same workspace', () => {
    for (const name of sampleNames) expect(sampleExport(t.b, name), name).toBe(sampleExport(t.b, name))
  })
})
