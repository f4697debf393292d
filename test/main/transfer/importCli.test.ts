import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
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

  it('a file large enough to be written while it is checked: all of it as one op, or — one bad row near the end — nothing', () => {
    const ws = join(t.dir, 'big')
    expect(run('new', '--workspace', ws).status).toBe(0)
    const f = join(t.dir, 'big.csv')
    const rows = Array.from({ length: 6000 }, (_, i) => `ext-${i},Post ${i},2026-12-${String((i % 28) + 1).padStart(2, '0')},Blog,Priya,1.5`)
    const header = 'id,Title,Publish date,Channel,Owner,Effort'
    const db = join(ws, 'workspace.sqlite')
    const counts = () => {
      const d = new Database(db, { readonly: true })
      try {
        return d.prepare(`SELECT (SELECT count(*) FROM content_item) AS items, (SELECT count(*) FROM channel) AS channels, (SELECT count(*) FROM change_tx) AS ops`).get()
      } finally {
        d.close()
      }
    }
    // Row 5,900 (line 5,901) fails after the rows before it were handed to the writer: it rolls them back.
    writeFileSync(f, [header, ...rows.map((r, i) => (i === 5899 ? r.replace(/1\.5$/, 'lots') : r))].join('\n'))
    const bad = run('import', '--workspace', ws, '--kind', 'content', '--file', f, '--create-missing', '--json')
    expect(bad.status, bad.stderr).toBe(1)
    expect((JSON.parse(bad.stdout) as { errors: unknown[] }).errors).toEqual([{ row: 5901, column: 'Effort', message: 'Must be a number' }])
    expect(counts()).toEqual({ items: 0, channels: 0, ops: 0 })

    writeFileSync(f, [header, ...rows].join('\n'))
    const ok = run('import', '--workspace', ws, '--kind', 'content', '--file', f, '--create-missing', '--json')
    expect(ok.status, ok.stderr).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ rows: 6000, create: 6000, errors: [], written: true })
    expect(counts()).toEqual({ items: 6000, channels: 1, ops: 1 })
    // The same export again finds every record by its external id: nothing changes, nothing is written.
    const again = run('import', '--workspace', ws, '--kind', 'content', '--file', f, '--create-missing', '--json')
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 6000, create: 0, update: 0, unchanged: 6000 })
    expect(counts()).toEqual({ items: 6000, channels: 1, ops: 1 })
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
