import { readFileSync, writeFileSync } from 'node:fs'
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

// Each case starts real `smo` processes; on a busy machine one takes several seconds.
describe('smo new and smo import --json', { timeout: 240_000 }, () => {
  it('a team starts from its spreadsheets: new workspace, a file with errors writes nothing (exit 1, JSON), --create-missing imports it', () => {
    const ws = join(t.dir, 'team')
    const n = run('new', '--workspace', ws)
    expect(n.status, n.stderr).toBe(0)
    const f = join(t.dir, 'plan.csv')
    const rows = Array.from({ length: 25 }, (_, i) => `Post ${i},2026-12-${String((i % 28) + 1).padStart(2, '0')},Blog,Priya,nope`)
    writeFileSync(f, ['Title,Publish date,Channel,Owner,Effort', ...rows].join('\n'))
    const bad = run('import', '--workspace', ws, '--kind', 'content', '--file', f, '--json')
    expect(bad.status).toBe(1)
    const report = JSON.parse(bad.stdout) as Record<string, unknown>
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['rows', 'create', 'update', 'unchanged', 'duplicates', 'errors', 'missing']))
    expect(report.rows).toBe(25)
    expect((report.errors as unknown[]).length).toBe(20)
    expect(report.errors).toContainEqual({ row: 2, column: 'Effort', message: 'Must be a number' })
    expect(report.errorCount).toBe(75)
    expect(readFileSync(String(report.errorsFile), 'utf8').split('\r\n')).toHaveLength(76)

    writeFileSync(f, ['Title,Publish date,Channel,Owner,Effort', ...rows.map((r) => r.replace(/nope$/, '1,5'))].join('\n').replace(/,1,5/g, ',"1.5"'))
    const ok = run('import', '--workspace', ws, '--kind', 'content', '--file', f, '--create-missing', '--json')
    expect(ok.status, ok.stderr).toBe(0)
    const done = JSON.parse(ok.stdout) as Record<string, unknown>
    expect(done).toMatchObject({ rows: 25, create: 25, update: 0, unchanged: 0, duplicates: [], errors: [], written: true })
    expect(done.missing).toEqual([{ kind: 'channel', name: 'Blog' }, { kind: 'member', name: 'Priya' }])
  })

  it('exits 2 for a bad argument or a file that is not what it claims', () => {
    const ws = join(t.dir, 'team2')
    const f = join(t.dir, 'fake.xlsx')
    writeFileSync(f, 'Title\nA\n')
    const r = run('import', '--workspace', ws, '--kind', 'content', '--file', f, '--json')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/fake\.xlsx is named like a spreadsheet workbook but is not one/)
    const p = run('import', '--workspace', ws, '--kind', 'content', '--file', f, '--preset', 'tweetdeck')
    expect(p.status).toBe(2)
    expect(p.stderr).toMatch(/--preset must be one of generic, hootsuite, buffer, sprout, later for --kind content/)
  })
})
