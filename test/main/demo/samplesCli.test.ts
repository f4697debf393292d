import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSmo } from '../helpers/runSmo'
import { tempDir } from '../helpers/tempWorkspace'

let t: { dir: string; cleanup: () => void }
const run = (...args: string[]) => runSmo(join(t.dir, 'userdata'), ...args)
beforeAll(() => {
  t = tempDir()
})
afterAll(() => t.cleanup())

describe('smo samples', { timeout: 240_000 }, () => {
  it('writes the four sample exports of a demo and says how to try each; then refuses to overwrite them; --out is required', () => {
    const ws = join(t.dir, 'demo')
    expect(run('demo', '--workspace', ws).status).toBe(0)
    const out = join(t.dir, 'samples')
    const r = run('samples', '--workspace', ws, '--out', out)
    expect(r.status, r.stderr).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['crm-influencers.csv', 'ga4-traffic-acquisition.csv', 'hootsuite-bulk-schedule.csv', 'hubspot-deals.csv'])
    expect(r.stdout).toContain('ga4-traffic-acquisition.csv — a GA4 traffic-acquisition export of the last four weeks. Try it: Goals → Import results…')
    const again = run('samples', '--workspace', ws, '--out', out)
    expect(again.status).toBe(2)
    expect(again.stderr).toMatch(/already holds ga4-traffic-acquisition\.csv, hubspot-deals\.csv.*nothing was written/)
    const none = run('samples', '--workspace', ws)
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('--out FOLDER is required')
    // The GA4 sample goes through `smo results` as a user would try it.
    const tried = run('results', '--workspace', ws, '--file', join(out, 'ga4-traffic-acquisition.csv'), '--dry-run', '--json')
    expect(tried.status, tried.stderr).toBe(0)
    expect(existsSync(join(ws, 'workspace.sqlite'))).toBe(true)
  })
})
