import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDemoWorkspace, removeWorkspace, serveWorkspace, type Served } from './serveWorkspace'

const smo = join(process.cwd(), 'bin', 'smo.mjs')
// Rounds run when a test asks: a long debounce keeps the browser hosts from syncing on their own.
export const teamEnv = { SMO_SYNC_DEBOUNCE_MS: '600000' }

/**
 * Runs `smo` for one computer of a test team: its own settings folder beside its workspace, so two
 * workspaces on this machine are two computers. A join that must wait for an owner to admit it says so
 * and exits 1; `waitingIsFine` takes that as the starting point of an admit test.
 */
export function teamCli(args: string[], wsDir: string, opts: { waitingIsFine?: boolean } = {}): string {
  const r = spawnSync(process.execPath, [smo, ...args], { encoding: 'utf8', env: { ...process.env, ...teamEnv, SMO_USER_DATA: join(wsDir, '..', 'userdata') } })
  const waiting = opts.waitingIsFine === true && /no owner has admitted this computer yet/.test(r.stdout)
  if (r.status !== 0 && !waiting) throw new Error(`smo ${args.join(' ')} failed: ${r.stderr}${r.stdout}`)
  return r.stdout
}

export type TeamOfTwo = { folder: string; aDir: string; bDir: string; a: Served; b: Served; stop: () => Promise<void> }

/**
 * Two computers on one shared temp folder, each with its browser host: A is a demo workspace that founds
 * the team (signed when asked), B is created by `smo sync join` and filled from the folder.
 */
export async function teamOfTwo(prefix: string, opts: { signed?: boolean } = {}): Promise<TeamOfTwo> {
  const folder = mkdtempSync(join(tmpdir(), `smo-e2e-${prefix}-`))
  const aDir = createDemoWorkspace()
  const bDir = join(mkdtempSync(join(tmpdir(), 'smo-e2e-')), 'ws')
  teamCli(['sync', 'init', '--workspace', aDir, '--folder', folder, ...(opts.signed === true ? ['--signed'] : [])], aDir)
  teamCli(['sync', 'join', '--workspace', bDir, '--folder', folder], bDir, { waitingIsFine: opts.signed === true })
  const a = await serveWorkspace(aDir, teamEnv)
  const b = await serveWorkspace(bDir, teamEnv)
  return {
    folder, aDir, bDir, a, b,
    stop: async () => {
      await a.stop()
      await b.stop()
      removeWorkspace(aDir)
      removeWorkspace(bDir)
      rmSync(folder, { recursive: true, force: true })
    }
  }
}

/** One API call to a test computer's browser host; a refusal throws with the backend's sentence. */
export async function apiCall(s: Served, method: string, data: unknown): Promise<unknown> {
  const r = await fetch(`${s.base}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body: JSON.stringify(data) })
  const body = (await r.json()) as { ok: boolean; data: unknown; error?: { message: string } }
  if (!body.ok) throw new Error(body.error?.message)
  return body.data
}
