import { writeFileSync } from 'node:fs'
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

const fixture = join(__dirname, '../../fixtures/monitoring/brandwatch.csv')

// Real `smo` processes; on a busy machine each takes several seconds.
describe('smo import --kind conversation --preset', { timeout: 240_000 }, () => {
  it('imports a Brandwatch export, a second run adds nothing, a row without URL is refused by line (exit 1)', () => {
    const ws = join(t.dir, 'desk')
    expect(run('new', '--workspace', ws).status).toBe(0)
    const first = run('import', '--workspace', ws, '--kind', 'conversation', '--file', fixture, '--preset', 'brandwatch', '--create-missing', '--zone', 'UTC', '--json')
    expect(first.status, first.stderr).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ rows: 3, create: 3, errors: [], written: true })
    const again = run('import', '--workspace', ws, '--kind', 'conversation', '--file', fixture, '--preset', 'brandwatch', '--create-missing', '--zone', 'UTC', '--json')
    expect(again.status, again.stderr).toBe(0)
    const report = JSON.parse(again.stdout) as { create: number; duplicates: { row: number; reason: string }[] }
    expect(report.create).toBe(0)
    expect(report.duplicates.map((d) => d.row)).toEqual([2, 3, 4])

    const f = join(t.dir, 'no-url.csv')
    writeFileSync(f, 'Date,Title,Url,Snippet,Author,Sentiment,Page Type\n2026-11-12 08:00:00,,,"No link",someone,neutral,forum\n')
    const bad = run('import', '--workspace', ws, '--kind', 'conversation', '--file', f, '--preset', 'brandwatch', '--json')
    expect(bad.status).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ errors: [{ row: 2, column: 'Url' }], written: false })

    const wrong = run('import', '--workspace', ws, '--kind', 'conversation', '--file', fixture, '--preset', 'hootsuite')
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(/--preset must be one of generic, hootsuite-streams, sprout, brandwatch, mention, talkwalker for --kind conversation/)
  })
})
