import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSmo } from '../helpers/runSmo'
import { tempDir } from '../helpers/tempWorkspace'

const run = (...args: string[]) => runSmo(join(t.dir, 'userdata'), ...args)

let t: { dir: string; cleanup: () => void }
let ws: string
beforeAll(() => {
  t = tempDir()
  ws = join(t.dir, 'demo')
  expect(run('demo', '--workspace', ws).status).toBe(0)
})
afterAll(() => t.cleanup())

describe('smo export / import / backup / restore', () => {
  it('exports a kind as CSV and everything as JSON; loads the JSON into a new workspace, where the CSV changes nothing (--dry-run)', () => {
    const csv = join(t.dir, 'members.csv')
    const e = run('export', '--workspace', ws, '--kind', 'member', '--out', csv)
    expect(e.status, e.stderr).toBe(0)
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe('id,name,role,email,weeklyCapacityHours,otherWorkHoursPerWeek,active,access,createdAt,updatedAt')
    const json = join(t.dir, 'all.json')
    expect(run('export', '--workspace', ws, '--all', '--out', json).status).toBe(0)
    const fresh = join(t.dir, 'fresh')
    const l = run('import', '--workspace', fresh, '--all', '--file', json)
    expect(l.status, l.stderr).toBe(0)
    expect(l.stdout).toMatch(/^Loaded all\.json: \d+ member/)
    // The loaded workspace has an owner, and nobody is "me" in it yet on this computer: act as her.
    const dry = run('import', '--workspace', fresh, '--kind', 'member', '--file', csv, '--update', '--dry-run', '--as', 'Hannah Vogel')
    expect(dry.status, dry.stderr).toBe(0)
    expect(dry.stdout).toMatch(/would create 0 and update 0 members \(\d+ unchanged\)/)
  })

  it('reports every bad row with file, row and field, writes nothing, and exits 1; --map maps headers', () => {
    const f = join(t.dir, 'channels.csv')
    writeFileSync(f, 'Channel,Kind,Audience\nNew blog,blog,"3,000"\nBad,blog,-1\nWorse,fax,2\n')
    const before = run('check', '--workspace', ws, '--json')
    const r = run('import', '--workspace', ws, '--kind', 'channel', '--file', f, '--map', 'Channel=name,Kind=platform,Audience=audienceSize')
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('channels.csv row 3, Audience size: Must not be negative')
    expect(r.stderr).toMatch(/channels\.csv row 4, Platform: Unknown value "fax"/)
    expect(r.stderr).toContain('nothing was imported: 2 problems in channels.csv')
    expect(run('check', '--workspace', ws, '--json').stdout).toBe(before.stdout)
    writeFileSync(f, 'Channel,Kind,Audience\nNew blog,blog,"3,000"\n')
    const good = run('import', '--workspace', ws, '--kind', 'channel', '--file', f, '--map', 'Channel=name,Kind=platform,Audience=audienceSize')
    expect(good.status, good.stderr).toBe(0)
    expect(good.stdout).toContain('created 1, updated 0, unchanged 0 channels')
  })

  it('backs up into backups/, restores it, and refuses a file that is not a database', () => {
    const b = run('backup', '--workspace', ws)
    expect(b.status, b.stderr).toBe(0)
    const file = /to (\S+\.sqlite)/.exec(b.stdout)?.[1] ?? ''
    expect(file).toContain(join(ws, 'backups', 'workspace-manual-'))
    const r = run('restore', '--workspace', ws, '--from', file)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('is kept as')
    expect(readdirSync(join(ws, 'backups')).some((n) => n.startsWith('workspace-before-restore-'))).toBe(true)
    const junk = join(t.dir, 'junk.sqlite')
    writeFileSync(junk, 'not a database')
    const bad = run('restore', '--workspace', ws, '--from', junk)
    expect(bad.status).toBe(3)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toContain('is not an SQLite database')
    const usage = run('export', '--workspace', ws, '--kind', 'nope')
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/--kind must be one of member, goal/)
  })
})
