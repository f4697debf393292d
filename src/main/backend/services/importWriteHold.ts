import type { Backend } from '../backend'

/** An import being written by its writer thread: the file, and when the workspace can be written again. */
export type WriteHold = { file: string; done: Promise<void> }

const holds = new WeakMap<Backend, WriteHold>()

/**
 * While a large import in the app is written by its own thread (importJobs.ts), that thread holds the
 * workspace's write lock from its first rows to its commit, a few seconds for 100,000. Meanwhile this
 * process keeps answering: reads see the workspace as it was before the import (WAL), `dispatch` makes
 * every call that may write wait for `done` (so another tab's edit is saved right after the import,
 * not refused), and the sync and desk-scan timers skip their turn. A write that still reaches SQLite
 * fails at once instead of freezing this process for the connection's busy timeout, and `dispatch`
 * says why. Returns the release, which is safe to call more than once.
 */
export function holdWrites(b: Backend, file: string): () => void {
  let release: () => void = () => {}
  const done = new Promise<void>((resolve) => (release = resolve))
  const hold: WriteHold = { file, done }
  holds.set(b, hold)
  const timeout = Number(b.db.raw.pragma('busy_timeout', { simple: true }))
  b.db.raw.pragma('busy_timeout = 0')
  let released = false
  return () => {
    if (released) return
    released = true
    if (holds.get(b) === hold) holds.delete(b)
    if (b.db.raw.open) b.db.raw.pragma(`busy_timeout = ${timeout}`)
    release()
  }
}

/** The import being written now, if any. */
export function writesHeld(b: Backend): WriteHold | undefined {
  return holds.get(b)
}
