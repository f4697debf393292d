import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { connectionPragmas } from '../db/connectionPragmas'
import { wrapDb } from '../db/db'
import { createMutator, type Change, type DataChanged, type MutationResult, type StreamPlan } from '../mutate'

/** What the writer thread is started with: the workspace file and who, when and what the op is. */
export type WriterStart = { db: string; deviceId: string; memberId: string | null; wall: number; label: string; plan: StreamPlan }
export type WriterMessage = { type: 'write'; changes: Change[] } | { type: 'finish' } | { type: 'abort' }
export type WriterReply = { type: 'done'; result: MutationResult; changed: DataChanged | null } | { type: 'aborted' } | { type: 'error'; message: string }

/** The key of `workerData` that makes this module start a writer when it is loaded as a worker. */
export const WRITER_KEY = 'smoImportWriter'

/**
 * The writer side of a pipelined import (services/importWriter.ts), in a worker thread with its own
 * connection to the workspace file: it opens one streamed op of the app's one write path
 * (`mutate.stream`: the same rows, change records, chunks and heads as `mutate`), writes each part the
 * import's checks pass to it, and commits when told — or rolls everything back. The first failure is
 * kept and reported for every later message, so the importing side learns of it at `finish`.
 */
export function importWriterWorker(port: MessagePort, start: WriterStart): void {
  const raw = new Database(start.db)
  let failure: string | null = null
  let stream: ReturnType<ReturnType<typeof createMutator>['stream']> | null = null
  let changed: DataChanged | null = null
  try {
    connectionPragmas(raw, false)
    const mutator = createMutator(wrapDb(raw), start.deviceId, () => start.wall, (e) => (changed = e), () => start.memberId)
    stream = mutator.stream(start.label, start.plan)
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e)
  }
  const close = () => {
    port.close()
    raw.close()
  }
  port.on('message', (m: WriterMessage) => {
    if (m.type === 'abort') {
      stream?.abort()
      port.postMessage({ type: 'aborted' } satisfies WriterReply)
      close()
      return
    }
    if (failure === null) {
      try {
        if (m.type === 'write') stream?.write(m.changes)
        else {
          const result = stream?.finish() ?? { tx: null, hlc: null, changedIds: [] }
          port.postMessage({ type: 'done', result, changed } satisfies WriterReply)
          close()
          return
        }
      } catch (e) {
        failure = e instanceof Error ? e.message : String(e)
      }
    }
    // After a failure the stream has rolled back: later parts are dropped and `finish` answers with it.
    if (m.type === 'finish' && failure !== null) {
      port.postMessage({ type: 'error', message: failure } satisfies WriterReply)
      close()
    }
  })
}

const given = (workerData as Record<string, unknown> | null)?.[WRITER_KEY] as WriterStart | undefined
if (!isMainThread && parentPort !== null && given !== undefined) importWriterWorker(parentPort, given)
