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

type Range = { goalId: string; point: number; low: number; high: number }
type ScoreJson = {
  capacity: number
  scenario: string
  todayHours: number
  source: string
  channels: { id: string; channelId: string; name: string; rank: number; holds: number; predicted: Range[]; score: number; breakdown: Record<string, { share: number; points: number }>; flags: string[] }[]
  allocation: { channelId: string; hours: number; currentHours: number; pinned: { reason: string } | null; min: number; max: number }[]
  changes?: { since: { name: string } | null; channels: { sentence: string }[] }
}

describe('smo score', () => {
  it('prints the JSON scripts read: scenario, todayHours, allocation and channels with rank, holds and predicted ranges', () => {
    const r = run('score', '--workspace', ws, '--json')
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as ScoreJson
    expect(out.scenario).toBe('same-hours')
    expect(out.todayHours).toBeGreaterThan(0)
    expect(out.channels).toHaveLength(14)
    expect(out.channels.map((c) => c.rank)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1))
    for (const c of out.channels) {
      expect(c.holds).toBeGreaterThanOrEqual(0)
      expect(c.holds).toBeLessThanOrEqual(1)
      for (const p of c.predicted) {
        expect(Object.keys(p)).toEqual(['goalId', 'point', 'low', 'high'])
        expect(p.low).toBeLessThanOrEqual(p.point)
        expect(p.high).toBeGreaterThanOrEqual(p.point)
      }
      // The first model's fields stay for older scripts.
      expect(Number.isFinite(c.score)).toBe(true)
      expect(Array.isArray(c.flags)).toBe(true)
    }
    // The imported LinkedIn page has no estimate or results: ranked last, never NaN.
    expect(out.channels.at(-1)?.flags).toContain('needs-estimate')
    for (const a of out.allocation) {
      expect(Object.keys(a).slice(0, 4)).toEqual(['channelId', 'hours', 'currentHours', 'pinned'])
      expect(a.hours).toBeGreaterThanOrEqual(a.min - 0.01)
      expect(a.hours).toBeLessThanOrEqual(a.max + 0.01)
    }
    // same-hours re-divides today's hours and never exceeds them.
    const hours = out.allocation.reduce((s, a) => s + a.hours, 0)
    expect(hours).toBeCloseTo(out.todayHours, 0)
    expect(hours).toBeLessThanOrEqual(out.todayHours + 0.05)
  })

  it('plus N spends N more hours and says where they come from; invalid arguments exit 2 with a sentence', () => {
    const base = { todayHours: (JSON.parse(run('score', '--workspace', ws, '--json').stdout) as ScoreJson).todayHours }
    const r = run('score', '--workspace', ws, '--scenario', 'plus', '--hours', '6', '--json')
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as ScoreJson
    expect(out.scenario).toBe('plus')
    expect(out.allocation.reduce((s, a) => s + a.hours, 0)).toBeCloseTo(base.todayHours + 6, 0)
    expect(out.source).toMatch(/^\+6 h\/week beyond today’s plan: /)
    for (const args of [['--scenario', 'more'], ['--hours', '4']]) {
      const bad = run('score', '--workspace', ws, ...args)
      expect(bad.status, args.join(' ')).toBe(2)
      expect(bad.stderr).toMatch(/^smo score: --(scenario|hours) .+/)
    }
  }, 240_000)

  it('prints a ranked table, stale notices and what changed since a snapshot', () => {
    // The first scoring took this quarter's automatic snapshot; the header names the quarter.
    const first = run('score', '--workspace', ws)
    const q = /\d{4}-Q[1-4]/.exec(first.stdout)?.[0] ?? 'none'
    const r2 = run('score', '--workspace', ws, '--since', q)
    expect(r2.status, r2.stderr).toBe(0)
    expect(r2.stdout).toMatch(/#\s+Channel\s+Holds\s+Today h\s+Rec\. h\s+Bounds\s+Posts\/wk/)
    expect(r2.stdout).toMatch(/^\s+1\s+\S/m)
    expect(r2.stdout).toMatch(/Stale: .*not reviewed for \d+ days/)
    expect(r2.stdout).toMatch(/Since .* baseline \(automatic\)/)
    expect(r2.stdout).toMatch(/unchanged at #1/)
    // Predictions read as on the Priorities screen: the demo's pipeline goal in euros, grouped ("6,903 € (4,739–10,055)").
    expect(r2.stdout).toMatch(/^ {2}Influenced pipeline: \d{1,3}(,\d{3})* € \(\d{1,3}(,\d{3})*–\d{1,3}(,\d{3})*\); /m)
  })

  it('exits non-zero with one line for an unknown workspace, a bad capacity or an unknown snapshot', () => {
    for (const args of [
      ['--workspace', join(dir, 'missing')],
      ['--workspace', ws, '--capacity', 'lots'],
      ['--workspace', ws, '--capacity', '-3'],
      ['--workspace', ws, '--capacity=-3'],
      ['--workspace', ws, '--capacity', 'Infinity'],
      ['--workspace', ws, '--since', 'no-such-snapshot'],
      ['--workspace', ws, '--quarter', '2027-Q5'],
      ['--workspace', ws, '--quarter', '2027-Q1', '--since', '2026-Q4'],
      []
    ]) {
      const r = run('score', ...args)
      expect(r.status, args.join(' ')).not.toBe(0)
      expect(r.stdout).toBe('')
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(r.stderr).toMatch(/^smo score: /)
    }
  }, 240_000)
})
