import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type Served = { url: string; base: string; token: string; dir: string; stop: () => Promise<void> }

const smo = join(process.cwd(), 'bin', 'smo.mjs')

/**
 * Create a demo workspace in a temp folder (through the real CLI). Its settings go where `serveWorkspace`
 * reads them, so the demo's owner is "me" in the served app (never the user's own settings).
 */
export function createDemoWorkspace(extra: string[] = []): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'smo-e2e-')), 'ws')
  const r = spawnSync(process.execPath, [smo, 'demo', '--workspace', dir, ...extra], { encoding: 'utf8', env: { ...process.env, SMO_USER_DATA: join(dir, '..', 'userdata') } })
  if (r.status !== 0) throw new Error(`smo demo failed: ${r.stderr}`)
  return dir
}

/** Start `smo serve` on a workspace and wait for its Ready line. */
export function serveWorkspace(dir: string, env: Record<string, string> = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [smo, 'serve', '--workspace', dir, '--no-open', '--port', '0'], {
      env: { ...process.env, SMO_USER_DATA: join(dir, '..', 'userdata'), ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`smo serve did not start: ${out} ${err}`)), 30_000)
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()))
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Ready: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({
          url: m[1] ?? '',
          base: `http://127.0.0.1:${m[2]}`,
          token: m[3] ?? '',
          dir,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done())
              child.kill('SIGTERM')
            })
        })
      }
    })
    child.once('exit', (code) => reject(new Error(`smo serve exited with ${code}: ${err}`)))
  })
}

export function removeWorkspace(dir: string): void {
  rmSync(join(dir, '..'), { recursive: true, force: true })
}
