/**
 * When sync runs by itself (SYNC.md §2.12): a few seconds after local changes (debounced), when files
 * in the team folder change (fs.watch, which misses events on SMB and cloud placeholders, hence also
 * a poll every minute), and once more when the host shuts down. Watch events for our own device
 * folder are ignored, or every manifest we write would start another round.
 */
import { watch } from 'node:fs'
import path from 'node:path'
import type { Backend } from '../backend'
import { syncFolderOf, syncNow } from './syncService'
import { writesHeld } from './importWriteHold'

export type SyncScheduler = { stop: () => void; runNow: () => void; kick: () => void }

/** What the scheduler needs of a folder watcher (an `fs.FSWatcher` is one). */
export type FolderWatcher = { close: () => void; on: (event: 'error', listener: (err: Error) => void) => unknown }
/** Starts watching `dir` recursively; `name` is the changed path relative to `dir`, when known. */
export type WatchFolder = (dir: string, listener: (name: string | null) => void) => FolderWatcher

export type SchedulerOptions = {
  debounceMs?: number
  pollMs?: number
  log?: (msg: string) => void
  /** One sync round; tests pass a recorder to see when rounds run. Default: syncNow. */
  round?: (b: Backend) => void
  /** Default: recursive fs.watch. Tests pass one they can fire by hand. */
  watch?: WatchFolder
}

const watchFolder: WatchFolder = (dir, listener) => watch(dir, { recursive: true }, (_event, name) => listener(typeof name === 'string' ? name : null))

const schedulers = new WeakMap<Backend, { scheduler: SyncScheduler; round: (b: Backend) => void }>()

export function startSyncScheduler(b: Backend, opts: SchedulerOptions = {}): SyncScheduler {
  const debounceMs = opts.debounceMs ?? 3000
  const runRound = opts.round ?? ((x: Backend) => void syncNow(x))
  const watchDir = opts.watch ?? watchFolder
  let timer: NodeJS.Timeout | null = null
  let watcher: FolderWatcher | null = null
  let watched: string | null = null
  let stopped = false
  let running = false
  let again = false

  const round = (): void => {
    timer = null
    if (stopped || !syncFolderOf(b)) return
    // An import is being written by its own thread, which holds the write lock: try again shortly.
    if (writesHeld(b) !== undefined) {
      schedule(1000)
      return
    }
    // Rounds are synchronous, so the only way into a second one is from inside the first (a
    // listener of the round's own events calling runNow). It runs right after, never inside.
    if (running) {
      again = true
      return
    }
    running = true
    try {
      do {
        again = false
        try {
          runRound(b)
        } catch (err) {
          opts.log?.(`sync: ${err instanceof Error ? err.message : String(err)}`)
        }
      } while (again && !stopped)
    } finally {
      running = false
    }
    ensureWatcher()
  }
  const schedule = (ms = debounceMs): void => {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(round, ms)
  }
  const ensureWatcher = (): void => {
    if (stopped) return
    const dir = syncFolderOf(b)
    if (dir === watched) return
    watcher?.close()
    watcher = null
    watched = dir
    if (!dir) return
    try {
      const own = path.join('devices', b.ws.deviceId)
      watcher = watchDir(dir, (name) => {
        const rel = name ?? ''
        // Our own device folder only changes because we wrote to it; temp files are half-written.
        if (rel === own || rel.startsWith(own + path.sep) || rel.includes('.tmp-')) return
        schedule()
      })
      watcher.on('error', () => {
        watcher?.close()
        watcher = null
        watched = null
      })
    } catch {
      watched = null // unplugged or not there yet: the poll keeps trying
    }
  }
  const offEvents = b.events.on((event, payload) => {
    if (event === 'data-changed' && typeof payload === 'object' && payload !== null && 'tx' in payload) {
      const tx = String(payload.tx)
      if (tx.startsWith(`${b.ws.deviceId}:`)) schedule()
    }
  })
  const poll = setInterval(() => schedule(0), opts.pollMs ?? 60_000)
  poll.unref()
  ensureWatcher()
  schedule(500)
  const s: SyncScheduler = {
    stop: () => {
      stopped = true
      if (timer) clearTimeout(timer)
      clearInterval(poll)
      watcher?.close()
      watcher = null
      offEvents()
      schedulers.delete(b)
    },
    runNow: () => {
      if (timer) clearTimeout(timer)
      round()
    },
    kick: () => {
      ensureWatcher()
      schedule()
    }
  }
  schedulers.set(b, { scheduler: s, round: runRound })
  return s
}

/** Sync once before the host closes the workspace, so edits made just before quitting are shared. */
export function syncOnQuit(b: Backend): void {
  const entry = schedulers.get(b)
  entry?.scheduler.stop()
  if (!syncFolderOf(b)) return
  try {
    const last = entry?.round ?? syncNow
    last(b)
  } catch {
    // Quitting must never hang or fail on sync; the edits stay in the outbox for next time.
  }
}

export function schedulerOf(b: Backend): SyncScheduler | undefined {
  return schedulers.get(b)?.scheduler
}
