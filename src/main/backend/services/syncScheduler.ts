/**
 * When sync runs by itself (SYNC.md §2.12): a few seconds after local changes (debounced), when files
 * in the team folder change (fs.watch, which misses events on SMB and cloud placeholders, hence also
 * a poll every minute), and once more when the host shuts down. Watch events for our own device
 * folder are ignored, or every manifest we write would start another round.
 */
import { watch, type FSWatcher } from 'node:fs'
import path from 'node:path'
import type { Backend } from '../backend'
import { syncFolderOf, syncNow } from './syncService'

export type SyncScheduler = { stop: () => void; runNow: () => void; kick: () => void }

export type SchedulerOptions = { debounceMs?: number; pollMs?: number; log?: (msg: string) => void }

const schedulers = new WeakMap<Backend, SyncScheduler>()

export function startSyncScheduler(b: Backend, opts: SchedulerOptions = {}): SyncScheduler {
  const debounceMs = opts.debounceMs ?? 3000
  let timer: NodeJS.Timeout | null = null
  let watcher: FSWatcher | null = null
  let watched: string | null = null
  let stopped = false

  const round = (): void => {
    timer = null
    if (stopped || !syncFolderOf(b)) return
    try {
      syncNow(b)
    } catch (err) {
      opts.log?.(`sync: ${err instanceof Error ? err.message : String(err)}`)
    }
    ensureWatcher()
  }
  const schedule = (ms = debounceMs): void => {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(round, ms)
  }
  const ensureWatcher = (): void => {
    const dir = syncFolderOf(b)
    if (dir === watched) return
    watcher?.close()
    watcher = null
    watched = dir
    if (!dir) return
    try {
      watcher = watch(dir, { recursive: true }, (_event, name) => {
        const rel = typeof name === 'string' ? name : ''
        if (rel.startsWith(path.join('devices', b.ws.deviceId)) || rel.includes('.tmp-')) return
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
  schedulers.set(b, s)
  return s
}

/** Sync once before the host closes the workspace, so edits made just before quitting are shared. */
export function syncOnQuit(b: Backend): void {
  const s = schedulers.get(b)
  s?.stop()
  if (!syncFolderOf(b)) return
  try {
    syncNow(b)
  } catch {
    // Quitting must never hang or fail on sync; the edits stay in the outbox for next time.
  }
}

export function schedulerOf(b: Backend): SyncScheduler | undefined {
  return schedulers.get(b)
}
