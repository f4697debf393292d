/**
 * One check of the chaos run: pause every worker between two actions, let the cloud deliver
 * everything, run passes of one sync round per worker (delivering after each) until a whole pass
 * moves no op, then compare the replicas (SYNC.md §3.1 I1, I2, I10) and collect I6 breaches.
 */
import { existsSync, readFileSync } from 'node:fs'
import { readAttackLog } from './attacks'
import { ackedBeforeDemotion, checkAttacks } from './checkAttacks'
import type { AttackerState } from './checkAttacks'
import { checkInvariants } from './checkInvariants'
import type { CloudSimulator } from './cloudSimulator'
import { opGraph } from './opGraph'
import type { Roster } from './signedTeam'
import type { WorkerHandle } from './workerHandle'
import type { ReplicaReport } from './workerProtocol'

export type CheckOutcome = { breaches: string[]; quietPass: number | null; rounds: number; acked: number; ops: number; conflicts: number; rows: number; refused: number }

/** A signed run: who admits, with which roles, and the attacking workers with their logs. */
export type SignedCheck = { founder: WorkerHandle; roster: Roster; attackers: { handle: WorkerHandle; log: string; fakeDev: string }[] }

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

export async function quiesceAndCheck(workers: readonly WorkerHandle[], sim: CloudSimulator, timeoutMs: number, signed: SignedCheck | null = null): Promise<CheckOutcome> {
  for (const w of workers) await w.request({ t: 'pause' }, 'paused', timeoutMs)
  sim.settle()
  if (signed) {
    // A worker that re-keyed (a copied profile) asked to join again: its owner admits it, role kept.
    await signed.founder.request({ t: 'admit', roles: Object.fromEntries(Object.keys(signed.roster).map((n) => [n, null])) }, 'admitted', timeoutMs)
    sim.settle()
  }
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
  const graph = opGraph(sim.cloudOpsFiles())
  // An attacker's replica shows its own refused writes: only the honest ones must agree.
  const attackerNames = new Set(signed?.attackers.map((a) => a.handle.name) ?? [])
  const honest = replicas.filter((r) => !attackerNames.has(r.name))
  const attackers: AttackerState[] = (signed?.attackers ?? []).flatMap((a) => {
    const report = replicas.find((r) => r.name === a.handle.name)?.report
    return report ? [{ name: a.handle.name, lines: readAttackLog(a.log), fakeDev: a.fakeDev, report }] : []
  })
  const acked = ackedBeforeDemotion(readAcks(workers.map((w) => w.spec.ackLog)), attackers)
  const breaches = checkInvariants({ replicas: honest, acked, graph, quietPass, maxQuietPass: MAX_PASSES })
  if (signed) breaches.push(...checkAttacks(honest, attackers))
  const first = replicas[0]?.report
  return {
    breaches,
    quietPass,
    rounds,
    acked: acked.length,
    ops: graph.size,
    conflicts: first?.conflicts ? first.conflicts.split('\n').length : 0,
    rows: first ? first.tables.split('\n').filter((l) => l.startsWith('{')).length : 0,
    refused: first?.refused.length ?? 0
  }
}
