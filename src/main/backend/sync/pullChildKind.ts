/**
 * Where a bulk pull runs (see pullInChild), chosen from what the host can start:
 * - `node-process`: a Node host (`smo`, `smo serve`, tests) starts `smo __sync-pull` with its own
 *   Node and a capped heap, and waits for it.
 * - `in-process`: the desktop app. Its Electron binary cannot run as plain Node there, because the
 *   packaged app's fuses switch ELECTRON_RUN_AS_NODE off (issue #17 item 1): starting
 *   process.execPath would open a second window, not a pull. Electron's own child, utilityProcess,
 *   only answers asynchronously, and a sync round is synchronous from start to end (it holds the
 *   workspace between its steps), so until rounds can wait, the app pulls in its own process —
 *   the same result, with the larger peak memory pullInChild describes.
 * - `in-process` too when the `smo` script is missing (a copy without bin/).
 */
export type PullChildKind = 'node-process' | 'in-process'

export type PullHost = { electron: string | undefined; smoScript: boolean }

export function pullChildKind(host: PullHost): PullChildKind {
  if (host.electron !== undefined) return 'in-process'
  return host.smoScript ? 'node-process' : 'in-process'
}
