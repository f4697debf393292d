import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSmo } from '../helpers/runSmo'
import { tempDir } from '../helpers/tempWorkspace'

let t: { dir: string; cleanup: () => void }
const run = (...args: string[]) => runSmo(join(t.dir, 'userdata'), ...args)
const fixture = (name: string) => join(process.cwd(), 'test', 'fixtures', 'results', name)
beforeAll(() => {
  t = tempDir()
})
afterAll(() => t.cleanup())

// Real `smo` processes; on a busy machine each takes several seconds.
describe('smo results and smo links', { timeout: 240_000 }, () => {
  it('previews, imports once, refuses a file with bad rows (exit 1) and lists links as JSON', () => {
    const ws = join(t.dir, 'team')
    expect(run('new', '--workspace', ws).status).toBe(0)
    const dry = run('results', '--workspace', ws, '--file', fixture('hubspot-deals.csv'), '--dry-run', '--json')
    expect(dry.status, dry.stderr).toBe(0)
    const preview = JSON.parse(dry.stdout) as Record<string, unknown>
    expect(preview).toMatchObject({ format: 'hubspot', entity: 'deals', rows: 3, create: 6, written: false })
    // No campaigns yet: every row is listed with why.
    expect(preview.unmatched).toContainEqual({ row: 2, reason: 'campaign "spring-launch" is not one of our campaigns or links' })
    const done = run('results', '--workspace', ws, '--file', fixture('hubspot-deals.csv'), '--format', 'hubspot', '--json')
    expect(JSON.parse(done.stdout)).toMatchObject({ create: 6, written: true })
    const again = run('results', '--workspace', ws, '--file', fixture('hubspot-deals.csv'), '--json')
    expect(JSON.parse(again.stdout)).toMatchObject({ create: 0, unchanged: 6 })
    const bad = run('results', '--workspace', ws, '--file', fixture('salesforce-leads-bad.csv'), '--json')
    expect(bad.status).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ written: false, counts: { errors: 2 } })
    expect(run('results', '--workspace', ws, '--file', fixture('hubspot-deals.csv'), '--format', 'matomo').status).toBe(2)
    // Without --file: what the ledger adds up to. No campaigns here, so every number is outside one.
    const sum = run('results', '--workspace', ws, '--by', 'campaign', '--quarter', '2026-Q4', '--json')
    expect(sum.status, sum.stderr).toBe(0)
    expect(JSON.parse(sum.stdout)).toMatchObject({ groupBy: 'campaign', period: { from: '2026-10-01', to: '2026-12-31' }, rows: [], outside: { values: { opportunities: 3, pipeline_value: 20000, closed_revenue: 12000 } }, unmatched: 6 })
    const text = run('results', '--workspace', ws)
    expect(text.status, text.stderr).toBe(0)
    expect(text.stdout).toMatch(/^Results 2026-11-\d\d to 2026-11-\d\d: 6 numbers from 1 file; opportunities 3, pipeline value 20,000 USD, closed revenue 12,000 USD/)
    const wrongBy = run('results', '--workspace', ws, '--by', 'owner')
    expect([wrongBy.status, wrongBy.stderr]).toEqual([2, expect.stringContaining('--by owner: use campaign, channel or item')])
    expect(run('results', '--workspace', ws, '--file', fixture('hubspot-deals.csv'), '--by', 'channel').status).toBe(2)
    expect(run('results', '--workspace', ws, '--from', '2026-10-01').status).toBe(2)
    // Deals in euros and pounds for a team counting in dollars: refused without rates, converted with them.
    const cur = run('results', '--workspace', ws, '--file', fixture('hubspot-deals-currencies.csv'), '--dry-run')
    expect(cur.status).toBe(1)
    expect(cur.stdout).toContain('row 3, Currency: The amount is in EUR and the team counts in USD')
    const rated = run('results', '--workspace', ws, '--file', fixture('hubspot-deals-currencies.csv'), '--rate', 'EUR=1.1', '--rate', 'gbp=1.25', '--dry-run')
    expect(rated.status, rated.stdout).toBe(0)
    expect(rated.stdout).toContain('Amounts in USD: 1 converted from EUR at 1.1; 1 converted from GBP at 1.25; 1 named no currency and were taken as USD.')
    const badRate = run('results', '--workspace', ws, '--file', fixture('hubspot-deals-currencies.csv'), '--rate', 'EUR=abc')
    expect([badRate.status, badRate.stderr]).toEqual([2, expect.stringContaining('--rate EUR=abc: write a currency code and what one unit is worth')])
    const links = run('links', '--workspace', ws, '--json')
    expect(links.status, links.stderr).toBe(0)
    expect(JSON.parse(links.stdout)).toEqual({ items: [], duplicates: 0, conflicts: 0, offConvention: 0 })
  })
})
