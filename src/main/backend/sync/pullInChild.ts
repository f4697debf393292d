/**
 * A bulk pull (a member's first sync without a usable snapshot, a long absence) in a child process.
 *
 * Merging a million ops holds every touched field in memory at once, and V8 sizes its heap at up
 * to about three times that before it collects: in the app's own process that was 0.5–0.6 GB at
 * peak for a 1 M-op join, and the heap stays large afterwards. A child started with a capped heap
 * (`--max-old-space-size`, `--max-semi-space-size`) does the same merge in about 360 MB and gives
 * all of it back when it exits. The parent is blocked meanwhile (sync rounds are synchronous), so
 * the two connections never write at once; the child's one transaction either commits whole or
 * not at all.
 *
 * Returns null when no child can be used (no `smo` binary next to this app, a crash, a heap too
 * small for a very large team even at the larger cap): the caller then pulls in-process, which
 * gives the same result.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { DataKey } from './blockCipher'
import { packageRoot } from '../packageRoot'
import type { PullRequest, PullResponse } from './pullChild'
import { pullChildKind } from './pullChildKind'

/** Heap caps tried in turn (MB of old generation): the second covers teams about three times larger. */
const HEAP_CAPS_MB = [512, 1536]

/** `keys`: every key generation this computer holds; `signed`: the child judges every file with the team's guard. */
export type PullInChildInput = { db: string; dir: string; teamId: string; device: string; keys: readonly DataKey[]; signed: boolean; wallMs: number; schema: number; app: string }

export function pullInChild(input: PullInChildInput): PullResponse | null {
  const smo = path.join(packageRoot(), 'bin', 'smo.mjs')
  if (pullChildKind({ electron: process.versions.electron, smoScript: existsSync(smo) }) !== 'node-process') return null
  const request: PullRequest = {
    db: input.db,
    dir: input.dir,
    teamId: input.teamId,
    device: input.device,
    keys: input.keys.map((k) => ({ keyId: k.keyId, key: k.key.toString('base64') })),
    signed: input.signed,
    wallMs: input.wallMs,
    schema: input.schema,
    app: input.app
  }
  for (const cap of HEAP_CAPS_MB) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // NODE_OPTIONS reaches the Node 24 that bin/smo.mjs may re-execute itself with.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${cap} --max-semi-space-size=32`.trim()
    }
    // Taken when a pull needs it: at the top it loaded child_process (net, streams, dgram) with the handlers on every start.
    const { spawnSync } = process.getBuiltinModule('node:child_process')
    const r = spawnSync(process.execPath, [smo, '__sync-pull'], { input: JSON.stringify(request), encoding: 'utf8', env, maxBuffer: 64 << 20 })
    const line = r.status === 0 ? (r.stdout.trim().split('\n').pop() ?? '') : ''
    if (line.startsWith('{')) return JSON.parse(line) as PullResponse
  }
  return null
}
