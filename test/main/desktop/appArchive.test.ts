import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAppArchive, extractAppArchive } from '../../../scripts/dist/appArchive'
import { runSmo } from '../helpers/runSmo'
import { tempDir } from '../helpers/tempWorkspace'

// What an installed copy holds, checked without the Electron binary: the archive is packed the way
// electron-builder packs it, then extracted and run by plain Node away from the source tree.
let t: { dir: string; cleanup: () => void }
let files: string[]
let archive: string
beforeAll(async () => {
  t = tempDir('smo-archive-')
  if (!existsSync(join(process.cwd(), 'out', 'main', 'cli.js'))) spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
  ;({ archive, files } = await buildAppArchive(process.cwd(), join(t.dir, 'dist')))
}, 300_000)
afterAll(() => t.cleanup())

describe('the app archive (app.asar)', () => {
  it('holds the built app and production modules, never sources, tests or development tools', () => {
    for (const f of ['/package.json', '/out/main/index.js', '/out/main/cli.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/bin/smo.mjs', '/node_modules/better-sqlite3/lib/index.js', '/node_modules/zod/package.json'])
      expect(files, f).toContain(f)
    for (const bad of ['/src/', '/test/', '/bench/', '/scripts/', '/node_modules/electron/', '/node_modules/vitest/', '/node_modules/typescript/', '/node_modules/tsx/', '/node_modules/electron-builder/', '/node_modules/better-sqlite3/deps/'])
      expect(files.filter((f) => f.startsWith(bad)), bad).toEqual([])
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([])
  })

  it('keeps the native SQLite module unpacked beside the archive', () => {
    expect(existsSync(join(`${archive}.unpacked`, 'node_modules', 'better-sqlite3', 'prebuilds', `${process.platform}-${process.arch}.node`))).toBe(true)
  })

  it('runs `smo check` on a demo workspace from the extracted archive alone', () => {
    const ws = join(t.dir, 'demo')
    const made = runSmo(join(t.dir, 'userdata'), 'demo', '--workspace', ws)
    expect(made.status, made.stderr).toBe(0)
    const app = join(t.dir, 'app')
    extractAppArchive(archive, app)
    expect(existsSync(join(app, 'src'))).toBe(false)
    const r = spawnSync(process.execPath, [join(app, 'bin', 'smo.mjs'), 'check', '--workspace', ws], {
      cwd: t.dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', SMO_USER_DATA: join(t.dir, 'userdata') }
    })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^OK: /)
  })
})
