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
    const links = run('links', '--workspace', ws, '--json')
    expect(links.status, links.stderr).toBe(0)
    expect(JSON.parse(links.stdout)).toEqual({ items: [], duplicates: 0, conflicts: 0, offConvention: 0 })
  })
})
