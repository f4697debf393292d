import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Backend } from '../backend'
import type { Change, MutationResult, StreamPlan } from '../mutate'
import { packageRoot } from '../packageRoot'
import { currentMember } from '../people/currentMember'
import { WRITER_KEY, type WriterMessage, type WriterReply, type WriterStart } from './importWriterWorker'

export type ImportWriter = {
  /** Hands a part of the import to the writer; it is written while the next part is checked. */
  write: (changes: Change[]) => void
  /** Commits everything written as one op (one undo step), or rejects with the writer's first failure. */
  finish: () => Promise<MutationResult>
  /** Rolls everything back: the workspace is as it was. */
  abort: () => Promise<void>
}

/** The built writer thread's file, beside the built CLI (electron.vite.config.ts). */
const builtWriter = (): string | null => {
  // Only when this code is itself the build: sources (tests, tsx) would start a stale or missing build.
  if (!import.meta.url.includes('/out/main/')) return null
  const file = join(packageRoot(), 'out', 'main', 'importWriter.js')
  return existsSync(file) ? file : null
}

/**
 * A pipelined import's writer (issue #15): while this thread reads and checks the file a step at a
 * time, a worker thread with its own connection writes the steps already checked, inside one open
 * transaction (importWriterWorker.ts) — the two halves of an import each take about half its time,
 * and on two cores they now overlap. The transaction commits only when every row has passed, so
 * a file with a bad row still writes nothing; this thread's connection only reads meanwhile, and in
 * WAL mode sees the workspace as it was before the import (as the checks always have).
 *
 * Null where no worker can be started (the sources run without a build, as in unit tests): the
 * caller then checks everything first and writes it with one `mutate`, the same result.
 */
export function importWriter(b: Backend, label: string, plan: StreamPlan, file: string | null = builtWriter()): ImportWriter | null {
  if (file === null) return null
  const start: WriterStart = { db: b.ws.paths.db, deviceId: b.ws.deviceId, memberId: currentMember(b)?.id ?? null, wall: b.now(), label, plan }
  const worker = new Worker(file, { workerData: { [WRITER_KEY]: start } })
  // Listened to from the start: a worker that fails before `finish` must not throw an unhandled 'error'.
  const reply = new Promise<WriterReply>((resolve) => {
    worker.once('message', (m: WriterReply) => resolve(m))
    worker.once('error', (e) => resolve({ type: 'error', message: e.message }))
    worker.once('exit', (code) => resolve({ type: 'error', message: `the import's writer stopped (exit code ${code})` }))
  })
  const send = (m: WriterMessage) => worker.postMessage(m)
  return {
    write: (changes) => {
      if (changes.length > 0) send({ type: 'write', changes })
    },
    finish: async () => {
      send({ type: 'finish' })
      const r = await reply
      await worker.terminate()
      // Rolled back: say so, with the cause (a full disk, a record id that exists…), and where.
      if (r.type !== 'done') throw new Error(`Nothing was imported into ${b.ws.paths.dir}: writing it failed (${r.type === 'error' ? r.message : 'the writer was stopped'}); the workspace is as it was`)
      // Announced here, where screens listen, as `mutate` announces its own ops.
      if (r.changed !== null) b.events.emit('data-changed', r.changed)
      return r.result
    },
    abort: async () => {
      send({ type: 'abort' })
      await reply
      await worker.terminate()
    }
  }
}
