/**
 * One check of the chaos run: pause every worker between two actions, let the cloud deliver
 * everything, run passes of one sync round per worker (delivering after each) until a whole pass
 * moves no op, then compare the replicas (SYNC.md §3.1 I1, I2, I10) and collect I6 breaches.
 */
import { existsSync, readFileSync } from 'node:fs'
import { checkInvariants } from './checkInvariants'
import type { CloudSimulator } from './cloudSimulator'
import { opGraph } from './opGraph'
import type { WorkerHandle } from './workerHandle'
import type { ReplicaReport } from './workerProtocol'

export type CheckOutcome = { breaches: string[]; quietPass: number | null; rounds: number; acked: number; ops: number; conflicts: number; rows: number }

const MAX_PASSES = 8

/** Op ids a worker logged after commit; a line torn by SIGKILL (no newline yet) was never acked. */
function readAcks(files: readonly string[]): string[] {
  const out: string[] = []
  for (const f of files) {
    if (!existsSync(f)) continue
    const text = readFileSync(f, 'utf8')
    const whole = text.slice(0, text.lastIndexOf('\n') + 1)
    for (const line of whole.split('\n')) if (line) out.push(line)
  }
  return out
}

export async function quiesceAndCheck(workers: readonly WorkerHandle[], sim: CloudSimulator, timeoutMs: number): Promise<CheckOutcome> {
  for (const w of workers) await w.request({ t: 'pause' }, 'paused', timeoutMs)
  sim.settle()
  let quietPass: number | null = null
  let rounds = 0
  for (let pass = 1; pass <= MAX_PASSES && quietPass === null; pass++) {
    let moved = 0
    for (const w of workers) {
      const m = await w.request({ t: 'round' }, 'round', timeoutMs)
      if (m.t === 'round') moved += m.result.sent + m.result.received
      rounds++
      // Deliver what this round published; the full re-hash runs before and after the passes.
      sim.settle(false)
    }
    if (pass >= 2 && moved === 0) quietPass = pass
  }
  const replicas: { name: string; report: ReplicaReport }[] = []
  for (const w of workers) {
    const m = await w.request({ t: 'report' }, 'report', timeoutMs)
    if (m.t === 'report') replicas.push({ name: w.name, report: m.report })
  }
  // Catch anything the check's own rounds did to the folder (I6).
  sim.settle()
  const acked = readAcks(workers.map((w) => w.spec.ackLog))
  const graph = opGraph(sim.cloudOpsFiles())
  const breaches = checkInvariants({ replicas, acked, graph, quietPass, maxQuietPass: MAX_PASSES })
  const first = replicas[0]?.report
  return {
    breaches,
    quietPass,
    rounds,
    acked: acked.length,
    ops: graph.size,
    conflicts: first?.conflicts ? first.conflicts.split('\n').length : 0,
    rows: first ? first.tables.split('\n').filter((l) => l.startsWith('{')).length : 0
  }
}
