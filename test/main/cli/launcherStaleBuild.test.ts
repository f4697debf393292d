/**
 * The `smo` launcher runs the built JavaScript only while no source it was built from is newer
 * (bin/smo.mjs). It stats the files the build lists in out/main/sources.json rather than walking the
 * source folders (issue #17: `smo check` ≤ 200 ms). Each case is a copy of the launcher in a temp
 * folder with a stand-in build; without tsx there, a stale build ends in the "not built" message.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const made: string[] = []
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true })
})

const old = new Date('2026-01-01T00:00:00Z')
const built = new Date('2026-02-01T00:00:00Z')
const later = new Date('2026-03-01T00:00:00Z')

/** A root with bin/smo.mjs, src/main/a.ts and src/core/b.ts (old), and a build of February. */
function root(listed: string[] | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'smo-launcher-'))
  made.push(dir)
  mkdirSync(join(dir, 'bin'))
  copyFileSync(join(process.cwd(), 'bin', 'smo.mjs'), join(dir, 'bin', 'smo.mjs'))
  for (const f of ['src/main/a.ts', 'src/core/b.ts', 'src/main/unused/c.ts']) {
    mkdirSync(join(dir, f, '..'), { recursive: true })
    writeFileSync(join(dir, f), '')
    utimesSync(join(dir, f), old, old)
  }
  mkdirSync(join(dir, 'out', 'main'), { recursive: true })
  writeFileSync(join(dir, 'out', 'main', 'cli.js'), "export async function main() { console.log('ran the build'); return 0 }\n")
  if (listed) writeFileSync(join(dir, 'out', 'main', 'sources.json'), JSON.stringify(listed))
  utimesSync(join(dir, 'out', 'main', 'cli.js'), built, built)
  return dir
}

const touch = (dir: string, f: string) => utimesSync(join(dir, f), later, later)
function run(dir: string): { built: boolean; out: string } {
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'smo.mjs'), 'help'], { encoding: 'utf8', env: { ...process.env, SMO_FROM_SOURCE: '' } })
  const out = r.stdout + r.stderr
  if (r.status === 0 && out.includes('ran the build')) return { built: true, out }
  expect(out).toContain('has not been built')
  return { built: false, out }
}

describe('the smo launcher and a build older than its sources', () => {
  it('runs the build while none of its listed sources is newer', () => {
    expect(run(root(['src/main/a.ts', 'src/core/b.ts'])).built).toBe(true)
  })

  it('does not run it once a listed source is edited', () => {
    const dir = root(['src/main/a.ts', 'src/core/b.ts'])
    touch(dir, 'src/core/b.ts')
    expect(run(dir).built).toBe(false)
  })

  it('does not run it when a listed source is gone', () => {
    const dir = root(['src/main/a.ts', 'src/main/gone.ts'])
    expect(run(dir).built).toBe(false)
  })

  it('ignores a file the build was not made from', () => {
    const dir = root(['src/main/a.ts'])
    touch(dir, 'src/main/unused/c.ts')
    expect(run(dir).built).toBe(true)
  })

  it('without the list (an older build) walks src/main and src/core as before', () => {
    const dir = root(null)
    expect(run(dir).built).toBe(true)
    touch(dir, 'src/main/unused/c.ts')
    expect(run(dir).built).toBe(false)
  })
})
