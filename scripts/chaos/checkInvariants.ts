/**
 * The SYNC.md §3.1 invariants the chaos harness checks at quiescence, over the replicas' reports:
 * I1 convergence (same field registers, same open conflicts, same app tables everywhere), I2 no
 * acknowledged write lost (each acked op is on every replica a head or an ancestor of a head, for
 * every field it wrote), I10 liveness (quiet within a few rounds, outboxes drained, no gaps left).
 * I6 breaches come from the cloud simulator and are merged in by the driver.
 */
import type { OpGraph } from './opGraph'
import type { ReplicaReport } from './workerProtocol'

export type CheckInput = {
  replicas: { name: string; report: ReplicaReport }[]
  /** Every op id a worker was told was saved. */
  acked: readonly string[]
  graph: OpGraph
  /** The pass (of one round per worker) after which nothing moved; null if it never got quiet. */
  quietPass: number | null
  maxQuietPass: number
}

const MAX_PER_KIND = 8

function firstDifference(a: string, b: string): string {
  const la = a.split('\n')
  const lb = b.split('\n')
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) return `line ${i + 1}: ${JSON.stringify(la[i] ?? '(none)')} vs ${JSON.stringify(lb[i] ?? '(none)')}`
  return 'no difference'
}

/** Every op that `head` supersedes, transitively, along one field's base pointers. */
function ancestors(graph: OpGraph, field: string, heads: readonly string[]): Set<string> {
  const seen = new Set<string>(heads)
  const todo = [...heads]
  while (todo.length > 0) {
    const id = todo.pop() as string
    for (const b of graph.get(id)?.get(field) ?? []) {
      if (seen.has(b)) continue
      seen.add(b)
      todo.push(b)
    }
  }
  return seen
}

function convergence(input: CheckInput, out: string[]): void {
  const [first, ...rest] = input.replicas
  if (!first) return
  for (const r of rest) {
    for (const part of ['digest', 'conflicts', 'tables'] as const) {
      if (r.report[part] === first.report[part]) continue
      out.push(`I1 ${part} of ${r.name} differs from ${first.name}: ${firstDifference(r.report[part], first.report[part])}`)
    }
  }
}

function noLostWrite(input: CheckInput, out: string[]): void {
  let n = 0
  const push = (s: string): void => {
    if (n++ < MAX_PER_KIND) out.push(s)
  }
  for (const id of input.acked) {
    const writes = input.graph.get(id)
    if (!writes) {
      push(`I2 acknowledged op ${id} is in no published file`)
      continue
    }
    const [dev = '', seqText = '0'] = id.split(':')
    for (const { name, report } of input.replicas) {
      if ((report.hwm[dev] ?? 0) < Number(seqText)) push(`I2 ${name} has not received acknowledged op ${id} (mark ${report.hwm[dev] ?? 0})`)
      for (const field of writes.keys()) {
        const heads = report.heads[field] ?? []
        if (!ancestors(input.graph, field, heads).has(id)) push(`I2 ${name}: acknowledged op ${id} is neither a head nor an ancestor of the heads [${heads.join(' ')}] of ${field}`)
      }
    }
  }
  if (n > MAX_PER_KIND) out.push(`I2 … ${n - MAX_PER_KIND} more`)
}

function liveness(input: CheckInput, out: string[]): void {
  if (input.quietPass === null) out.push(`I10 still moving ops after ${input.maxQuietPass} passes of rounds with every file delivered`)
  else if (input.quietPass > 3) out.push(`I10 took ${input.quietPass} passes to get quiet (expected ≤ 3: publish, receive, confirm)`)
  for (const { name, report } of input.replicas) {
    if (report.waiting > 0) out.push(`I10 ${name}: ${report.waiting} edit(s) still unpublished at quiescence`)
    if (report.gaps > 0) out.push(`I10 ${name}: ${report.gaps} gap(s) still open at quiescence`)
  }
}

/** The breaches, each one line; empty when every invariant holds. */
export function checkInvariants(input: CheckInput): string[] {
  const out: string[] = []
  convergence(input, out)
  noLostWrite(input, out)
  liveness(input, out)
  return out
}
