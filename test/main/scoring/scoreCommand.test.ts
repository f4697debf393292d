import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tempWorkspace'

const smo = join(process.cwd(), 'bin', 'smo.mjs')
const run = (...args: string[]) => spawnSync(process.execPath, [smo, ...args], { encoding: 'utf8', env: { ...process.env, SMO_USER_DATA: join(dir, 'userdata') } })

let dir = ''
let cleanup: () => void = () => {}
let ws = ''
beforeAll(() => {
  const t = tempDir('smo-score-cli-')
  dir = t.dir
  cleanup = t.cleanup
  ws = join(dir, 'ws')
  const r = run('demo', '--workspace', ws)
  expect(r.status, r.stderr).toBe(0)
})
afterAll(() => cleanup())

type ScoreJson = {
  capacity: number
  channels: { id: string; name: string; rank: number; score: number; impact: number; effort: number; breakdown: Record<string, { share: number; points: number }>; flags: string[] }[]
  allocation: { channelId: string; hours: number; postsPerWeek: number }[]
  changes?: { since: { name: string } | null; channels: { sentence: string }[] }
}

describe('smo score', () => {
  it('prints the JSON shape of the issue, ranked, with flags and an allocation within capacity', () => {
    const r = run('score', '--workspace', ws, '--capacity', '60', '--json')
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as ScoreJson
    expect(out.capacity).toBe(60)
    expect(out.channels).toHaveLength(13)
    expect(out.channels.map((c) => c.rank)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1))
    for (const c of out.channels) {
      expect(Object.keys(c).slice(0, 8)).toEqual(['id', 'name', 'rank', 'score', 'impact', 'effort', 'breakdown', 'confidence'])
      expect(Number.isFinite(c.score) && Number.isFinite(c.impact) && Number.isFinite(c.effort)).toBe(true)
      expect(Array.isArray(c.flags)).toBe(true)
    }
    const shares = Object.values(out.channels[0]?.breakdown ?? {}).reduce((s, x) => s + x.share, 0)
    expect(shares).toBeCloseTo(1, 2)
    // The demo's imported LinkedIn page duplicates the company page: both flagged, the empty one last.
    expect(out.channels.filter((c) => c.flags.includes('duplicate'))).toHaveLength(2)
    expect(out.channels.at(-1)?.flags).toContain('needs-estimate')
    const hours = out.allocation.reduce((s, a) => s + a.hours, 0)
    expect(hours).toBeLessThanOrEqual(60)
    expect(hours).toBeGreaterThan(59)
    for (const a of out.allocation) expect(Object.keys(a).slice(0, 3)).toEqual(['channelId', 'hours', 'postsPerWeek'])
  })

  it('prints a ranked table, stale notices and what changed since a snapshot', () => {
    // The first scoring took this quarter's automatic snapshot; the header names the quarter.
    const first = run('score', '--workspace', ws)
    const q = /\d{4}-Q[1-4]/.exec(first.stdout)?.[0] ?? 'none'
    const r2 = run('score', '--workspace', ws, '--since', q)
    expect(r2.status, r2.stderr).toBe(0)
    expect(r2.stdout).toMatch(/#\s+Channel\s+Score\s+Impact\s+Effort h\/mo\s+Hours\/wk/)
    expect(r2.stdout).toMatch(/^\s+1\s+\S/m)
    expect(r2.stdout).toMatch(/Stale: .*not reviewed for \d+ days/)
    expect(r2.stdout).toMatch(/Since .* baseline \(automatic\)/)
    expect(r2.stdout).toMatch(/unchanged at #1/)
  })

  it('exits non-zero with one line for an unknown workspace, a bad capacity or an unknown snapshot', () => {
    for (const args of [
      ['--workspace', join(dir, 'missing')],
      ['--workspace', ws, '--capacity', 'lots'],
      ['--workspace', ws, '--capacity', '-3'],
      ['--workspace', ws, '--capacity=-3'],
      ['--workspace', ws, '--capacity', 'Infinity'],
      ['--workspace', ws, '--since', 'no-such-snapshot'],
      []
    ]) {
      const r = run('score', ...args)
      expect(r.status, args.join(' ')).not.toBe(0)
      expect(r.stdout).toBe('')
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(r.stderr).toMatch(/^smo score: /)
    }
  })
})
