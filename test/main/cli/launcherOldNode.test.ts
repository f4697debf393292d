/**
 * The `smo` launcher must start under the Node a machine happens to have on its PATH (here the system's
 * Node 20) and re-run itself with the project's Node 24. A named import of an API newer than that Node
 * (enableCompileCache, 22.1+) once made the file fail to link before its version check could run.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => {
  const r = spawnSync(p, ['-p', 'process.versions.node'], { encoding: 'utf8' })
  return r.status === 0 && Number(r.stdout.split('.')[0]) < 24
})

describe('the smo launcher under an older Node', () => {
  it.skipIf(systemNode === undefined)('re-runs itself with the project’s Node 24 and answers', () => {
    const r = spawnSync(systemNode ?? 'node', [join(process.cwd(), 'bin', 'smo.mjs'), '--help'], { encoding: 'utf8' })
    expect(r.stderr).not.toMatch(/SyntaxError/)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Usage: smo <command>')
  })
})
