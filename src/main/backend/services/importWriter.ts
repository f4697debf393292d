import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { importLabel } from '../../../core/transfer/importLabel'
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
  // Inside the installed desktop app's archive (app.asar) a worker thread cannot be relied on to load
  // its file: that app writes after the checks, as before, rather than risk failing every large import.
  if (file.includes('.asar')) return null
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

/** Rows from which an import is written while it is checked: below, starting a writer thread (~40 ms) costs more than the overlap saves. */
export const PIPELINED_ROWS = 5000

/**
 * What a pipelined import's op holds, said before its rows are read: a file this large (≥ BULK_MIN
 * rows) has its creations logged in chunks (bulkCreations.ts), and its table's indexes are dropped
 * and built again at the end, as `mutate` does for a batch this large. Kept up to date row by row
 * instead, they cost the writer three times as much (1.7 s of the 100k-row calendar against 0.6 s
 * with the rebuild): more than the checks it runs beside, so the whole import took as long as before.
 */
const pipelinePlan = (kind: KindName): StreamPlan => ({ bulkKinds: [kind], rebuildTables: [recordKinds[kind].table] })

/** The writer for an import of `rows` rows of `kind` from `fileName`, or null where it is written after its checks (small files, no built writer). */
export function pipelinedImportWriter(b: Backend, fileName: string, kind: KindName, rows: number): ImportWriter | null {
  return rows >= PIPELINED_ROWS ? importWriter(b, importLabel(fileName), pipelinePlan(kind)) : null
}
