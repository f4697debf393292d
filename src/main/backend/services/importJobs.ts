import { ApiError } from '../../../core/api/apiError'
import type { ImportInput, ImportProgress } from '../../../core/api/methods/transferMethods'
import type { Backend } from '../backend'
import { removeUpload } from './importUploads'
import { holdWrites } from './importWriteHold'
import { pipelinedImportWriter, type ImportWriter } from './importWriter'
import { applyPrepared, importWritten, loadImportTable, prepareImportSteps } from './transferImport'

type Job = { progress: ImportProgress; cancel: AbortController; input: ImportInput }

const jobsOf = new WeakMap<Backend, Map<string, Job>>()
const jobs = (b: Backend): Map<string, Job> => {
  let m = jobsOf.get(b)
  if (!m) jobsOf.set(b, (m = new Map()))
  return m
}

/** Let the host answer other requests (progress, cancel, other tabs) between two steps. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

async function run(b: Backend, job: Job): Promise<void> {
  const p = job.progress
  let writer: ImportWriter | null = null
  let release: (() => void) | null = null
  try {
    const table = await loadImportTable(b, job.input)
    // A large file is written by its own thread while its rows are checked here (importWriter.ts):
    // faster, and this process keeps answering while it is written. Other writes wait for it (importWriteHold.ts).
    writer = pipelinedImportWriter(b, job.input.fileName, job.input.kind, table.data.length)
    if (writer !== null) release = holdWrites(b, job.input.fileName)
    const sink = writer === null ? undefined : writer.write
    const steps = prepareImportSteps(b, job.input, table, sink)
    let prepared
    for (;;) {
      if (job.cancel.signal.aborted) {
        p.phase = 'cancelled'
        return
      }
      const s = steps.next()
      if (s.done) {
        prepared = s.value
        break
      }
      p.rowsDone = s.value.done
      p.rowsTotal = s.value.total
      await breathe()
    }
    p.rowsDone = p.rowsTotal
    if (job.cancel.signal.aborted) {
      p.phase = 'cancelled'
      return
    }
    p.phase = 'writing'
    await breathe()
    // Past this point the import is one transaction: all rows are written or none.
    if (writer === null || prepared.allProblems.length > 0) {
      // A file with problems is refused by applyPrepared, with its sentence; the writer's rows roll back.
      if (writer !== null) await writer.abort()
      writer = null
      p.result = applyPrepared(b, job.input, prepared)
    } else {
      const w = writer
      writer = null
      w.write(prepared.changes)
      p.result = importWritten(b, job.input, prepared, await w.finish())
    }
    p.phase = 'done'
  } catch (e) {
    p.phase = 'failed'
    p.error = e instanceof Error ? e.message : String(e)
  } finally {
    // Cancelled or failed with rows already handed to the writer: rolled back, the workspace as it was.
    if (writer !== null) await writer.abort().catch(() => undefined)
    release?.()
    removeUpload(b.ws.paths.dir, job.input.upload)
  }
}

/**
 * An import the page follows: rows are checked a few thousand at a time (progress after each step,
 * Cancel honoured between steps), then written in one transaction through the one mutation path —
 * from 5,000 rows by a writer thread while the next rows are checked, committed after the last.
 * Cancelled before writing, nothing is written and the uploaded file is removed; a problem in any
 * row fails the job with the same sentence as `import-apply`, also writing nothing.
 */
export function startImport(b: Backend, input: ImportInput): { job: string } {
  const id = b.newId()
  const job: Job = { progress: { phase: 'checking', rowsDone: 0, rowsTotal: 0 }, cancel: new AbortController(), input }
  jobs(b).set(id, job)
  void run(b, job)
  return { job: id }
}

export function importProgress(b: Backend, id: string): ImportProgress {
  const job = jobs(b).get(id)
  if (!job) throw new ApiError('not_found', `There is no import ${id} (it belongs to an earlier start of SMO Desk)`, [{ path: ['job'], message: 'Unknown import' }])
  // A finished job is reported once more and then forgotten.
  if (job.progress.phase === 'done' || job.progress.phase === 'failed' || job.progress.phase === 'cancelled') jobs(b).delete(id)
  return { ...job.progress }
}

export function cancelImport(b: Backend, id: string): { cancelled: boolean } {
  const job = jobs(b).get(id)
  if (!job || job.progress.phase !== 'checking') return { cancelled: job?.progress.phase === 'cancelled' }
  job.cancel.abort()
  return { cancelled: true }
}
