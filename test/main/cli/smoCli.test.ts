import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSmo } from '../helpers/runSmo'
import { tempDir } from '../helpers/tempWorkspace'

const run = (...args: string[]) => runSmo(join(t.dir, 'userdata'), ...args)

let t: { dir: string; cleanup: () => void }
let ws: string
beforeAll(() => {
  t = tempDir()
  ws = join(t.dir, 'demo')
  const r = run('demo', '--workspace', ws)
  expect(r.status, r.stderr).toBe(0)
})
afterAll(() => t.cleanup())

describe('smo (the command line)', () => {
  it('--help lists every command with examples', () => {
    const r = run('--help')
    expect(r.status).toBe(0)
    for (const c of ['demo', 'serve', 'check']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'))
    expect(r.stdout).toContain('smo demo --workspace')
    expect(r.stdout).toContain('Examples:')
  })

  it('check --json reports the schema version and the counts of the demo', () => {
    const r = run('check', '--workspace', ws, '--json')
    expect(r.status, r.stderr).toBe(0)
    const report = JSON.parse(r.stdout) as { ok: boolean; schemaVersion: number; counts: Record<string, number> }
    expect(report.ok).toBe(true)
    expect(report.schemaVersion).toBeGreaterThanOrEqual(1)
    expect(Object.keys(report.counts).sort()).toEqual(['campaigns', 'channels', 'contentItems', 'conversations', 'goals', 'influencers', 'measurements', 'members'])
    expect(report.counts.members).toBeGreaterThanOrEqual(5)
    expect(report.counts.channels).toBeGreaterThanOrEqual(10)
    expect(report.counts.channels).toBeLessThanOrEqual(14)
    expect(report.counts.contentItems).toBeGreaterThanOrEqual(300)
    expect(report.counts.influencers).toBeGreaterThanOrEqual(80)
    expect(report.counts.conversations).toBeGreaterThanOrEqual(100)
    expect(report.counts.campaigns).toBeGreaterThanOrEqual(2)
  })

  it('makes the same demo from the same seed (ids and values)', () => {
    const a = join(t.dir, 'a')
    const b = join(t.dir, 'b')
    expect(run('demo', '--workspace', a, '--seed', '7').status).toBe(0)
    expect(run('demo', '--workspace', b, '--seed', '7').status).toBe(0)
    // Every record of every kind, ids and values, without the wall-clock creation stamps.
    const dump = (w: string) => {
      const db = new Database(join(w, 'workspace.sqlite'), { readonly: true })
      const out = ['member', 'goal', 'measurement', 'channel', 'campaign', 'content_item', 'influencer', 'conversation'].map((table) =>
        db.prepare(`SELECT * FROM ${table} ORDER BY id`).all().map((r) => JSON.stringify({ ...(r as object), created_at: null, updated_at: null }))
      )
      db.close()
      return out
    }
    const first = dump(a)
    expect(first.flat().length).toBeGreaterThan(700)
    expect(dump(b)).toEqual(first)
  })

  it('refuses to put the demo into a workspace that has data', () => {
    const r = run('demo', '--workspace', ws)
    expect(r.status).not.toBe(0)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/already holds \d+ records/)
  })

  it('answers an unknown workspace, a non-database file and a usage mistake with one line and a non-zero exit', () => {
    const missing = run('check', '--workspace', join(t.dir, 'nowhere'))
    expect(missing.status).toBe(3)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    const notDb = join(t.dir, 'notdb')
    run('demo', '--workspace', notDb)
    writeFileSync(join(notDb, 'workspace.sqlite'), 'hello')
    const bad = run('check', '--workspace', notDb)
    expect(bad.status).toBe(3)
    expect(bad.stderr).toMatch(/is not an SQLite database/)
    const usage = run('check')
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/--workspace DIR is required/)
    const unknown = run('explode')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/unknown command "explode"/)
  })
})
