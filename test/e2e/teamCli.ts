import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

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
