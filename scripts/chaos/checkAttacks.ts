/**
 * The signed-team invariants of the chaos harness (issue #14, docs/SYNC-SECURITY.md), over the honest
 * replicas' reports and the attackers' logs:
 * - S1 every honest replica lists the same refusals (who and what) in sync_refused;
 * - S2 no attacker change is applied on an honest replica: no field head is a forged op, or an op
 *   the attacker published after it had read its demotion, and no app table shows an attack's mark;
 * - S3 every forged file, and every change the demoted attacker published, is listed as refused on
 *   every honest replica.
 * Honest edits made before the demotion staying is I2, run over the attacker's acks up to the point
 * it read the demotion (`ackedBeforeDemotion`).
 */
import { ATTACK_MARK, ATTACK_SEQ_BASE } from './attackMarks'
import type { AttackLine } from './attacks'
import type { ReplicaReport } from './workerProtocol'

export type AttackerState = { name: string; lines: AttackLine[]; fakeDev: string; report: ReplicaReport }

const MAX = 8

/** Up to which seq each of the attacker's devices published before it read its demotion. */
function demotedAt(lines: readonly AttackLine[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const l of lines) if (l.kind === 'demoted' && !out.has(l.dev)) out.set(l.dev, l.published)
  return out
}

/** The attacker's acknowledged op ids that must stay: those published before it read its demotion. */
export function ackedBeforeDemotion(acked: readonly string[], attackers: readonly AttackerState[]): string[] {
  const limits = new Map<string, number>()
  for (const a of attackers) for (const [dev, p] of demotedAt(a.lines)) limits.set(dev, p)
  return acked.filter((id) => {
    const [dev = '', seq = '0'] = id.split(':')
    const limit = limits.get(dev)
    return limit === undefined || Number(seq) <= limit
  })
}

export function checkAttacks(honest: readonly { name: string; report: ReplicaReport }[], attackers: readonly AttackerState[]): string[] {
  const out: string[] = []
  let n = 0
  const push = (s: string): void => {
    if (n++ < MAX) out.push(s)
  }
  const [first, ...rest] = honest
  if (!first) return out
  for (const r of rest) {
    const a = first.report.refused.join('\n')
    const b = r.report.refused.join('\n')
    if (a !== b) {
      const only = (x: readonly string[], y: readonly string[]): string[] => x.filter((l) => !y.includes(l)).slice(0, 3)
      push(`S1 ${r.name} lists other refusals than ${first.name}: only on ${r.name}: ${JSON.stringify(only(r.report.refused, first.report.refused))}; only on ${first.name}: ${JSON.stringify(only(first.report.refused, r.report.refused))}`)
    }
  }
  for (const att of attackers) {
    const demoted = demotedAt(att.lines)
    const forbidden = (opId: string): boolean => {
      const [dev = '', seqText = '0'] = opId.split(':')
      const seq = Number(seqText)
      if (seq >= ATTACK_SEQ_BASE || dev === att.fakeDev) return true
      const p = demoted.get(dev)
      return p !== undefined && seq > p
    }
    // What the attacker published after reading its demotion: its own report says how far it got.
    const mustRefuse: string[] = []
    for (const [dev, p] of demoted) if (dev === att.report.dev) for (let s = p + 1; s <= att.report.published; s++) mustRefuse.push(`${dev} ${s}`)
    for (const l of att.lines) if (l.kind === 'tamper' || l.kind === 'forge' || l.kind === 'replay') mustRefuse.push(`${l.dev} ${l.first}`)
    for (const { name, report } of honest) {
      for (const [field, heads] of Object.entries(report.heads)) {
        for (const h of heads) if (forbidden(h)) push(`S2 ${name} applied ${att.name}'s refused change ${h} (a head of ${field})`)
      }
      const shown = report.tables.split('\n').find((l) => l.includes(ATTACK_MARK))
      if (shown) push(`S2 ${name} shows a value only an attack wrote: ${shown}`)
      const listed = new Set(report.refused.map((l) => l.split(' ').slice(0, 2).join(' ')))
      for (const id of mustRefuse) if (!listed.has(id)) push(`S3 ${name} does not list ${att.name}'s change ${id.replace(' ', ':')} as refused`)
    }
  }
  if (n > MAX) out.push(`S … ${n - MAX} more`)
  return out
}
