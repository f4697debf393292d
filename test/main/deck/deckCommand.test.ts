import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tempWorkspace'

const root = join(import.meta.dirname, '../../..')
const t = tempDir('smo-deck-cli-')
const ws = join(t.dir, 'ws')
const out = join(t.dir, 'out')
afterAll(() => t.cleanup())

function smo(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/smo.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '')

beforeAll(() => {
  mkdirSync(out)
  const r = smo('demo', '--workspace', ws)
  expect(r.code, r.stderr).toBe(0)
})

describe('smo deck', () => {
  const quarter = () => {
    // The demo covers this quarter and the last; the last one is complete, as in a real review.
    const d = new Date()
    const q = Math.floor(d.getUTCMonth() / 3) + 1
    return q === 1 ? `${d.getUTCFullYear() - 1}-Q4` : `${d.getUTCFullYear()}-Q${q - 1}`
  }

  it('writes a PPTX whose slide count matches the deck it reports, and a PDF', async () => {
    const pptx = join(out, 'review.pptx')
    const pdf = join(out, 'review.pdf')
    const r = smo('deck', '--workspace', ws, '--quarter', quarter(), '--out', pptx, '--pdf', pdf)
    expect(r.code, r.stderr).toBe(0)
    const m = /\((\d+) slides, input [0-9a-f]{12}\)/.exec(r.stdout)
    expect(m, r.stdout).not.toBeNull()
    const zip = await JSZip.loadAsync(readFileSync(pptx))
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    expect(slides).toHaveLength(Number(m?.[1]))
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    // The slides, then the speaker notes pages.
    expect(readFileSync(pdf).toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(Number(m?.[1]))
    expect(readdirSync(out).sort()).toEqual(['review.pdf', 'review.pptx'])
  })

  // Exit codes as the README promises: 2 for every usage mistake or invalid argument, 1 for the rest.
  const refusals: [string, string[], RegExp, number][] = [
    ['a quarter with n = 5', ['--quarter', '2026-Q5'], /^smo deck: Unknown quarter "2026-Q5": use YYYY-Qn/, 2],
    ['a two-digit year', ['--quarter', '26Q1'], /^smo deck: Unknown quarter "26Q1"/, 2],
    ['a quarter entirely in the future', ['--quarter', '2031-Q1'], /^smo deck: 2031-Q1 has not started yet \(it runs 1 Jan – 31 Mar 2031\)/, 2],
    ['an impossible as-of day', ['--as-of', '2026-02-31'], /^smo deck: --as-of: 31 Feb 2026 is not a date/, 2],
    ['a past quarter without data', ['--quarter', '2001-Q1'], /^smo deck: No data for 2001-Q1 \(1 Jan – 31 Mar 2001\)/, 1],
    ['a missing output folder', ['--out', join(t.dir, 'missing', 'x.pptx')], /^smo deck: Cannot write .*missing\/x\.pptx: the folder .* does not exist or is not writable$/, 1],
    ['a PDF into a missing folder', ['--pdf', join(t.dir, 'missing', 'x.pdf')], /^smo deck: Cannot write .*x\.pdf/, 1],
    ['a non-PPTX output name', ['--out', join(out, 'x.docx')], /^smo deck: --out must name a \.pptx file/, 2]
  ]
  for (const [what, override, message, code] of refusals) {
    it(`refuses ${what} with one line, exit ${code} and no file`, () => {
      const args: Record<string, string> = { '--workspace': ws, '--quarter': quarter(), '--out': join(out, 'bad.pptx') }
      for (let i = 0; i < override.length; i += 2) args[override[i] ?? ''] = override[i + 1] ?? ''
      const before = readdirSync(out).sort()
      const r = smo('deck', ...Object.entries(args).flat())
      expect(r.code, r.stderr).toBe(code)
      expect(lines(r.stderr), r.stderr).toHaveLength(1)
      expect(r.stderr.trim()).toMatch(message)
      expect(readdirSync(out).sort()).toEqual(before)
      expect(existsSync(join(t.dir, 'missing'))).toBe(false)
    })
  }

  it('refuses a read-only output folder without leaving a temp file', () => {
    if (process.getuid?.() === 0) return // root writes anywhere; the permission check cannot be exercised
    const ro = join(t.dir, 'ro')
    mkdirSync(ro)
    chmodSync(ro, 0o555)
    const r = smo('deck', '--workspace', ws, '--quarter', quarter(), '--out', join(ro, 'x.pptx'))
    expect(r.code).not.toBe(0)
    expect(lines(r.stderr)).toHaveLength(1)
    expect(readdirSync(ro)).toEqual([])
  })
})
