import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const smo = join(process.cwd(), 'bin', 'smo.mjs')

/** Run the real `smo` binary (Node 24, from source) with its settings kept in `userData`, never the user's. */
export function runSmo(userData: string, ...args: string[]) {
  return spawnSync(process.execPath, [smo, ...args], { encoding: 'utf8', env: { ...process.env, SMO_USER_DATA: userData } })
}
