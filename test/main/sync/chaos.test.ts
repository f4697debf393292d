/**
 * The multi-process chaos harness (SYNC.md §3.4, scripts/chaos) in its short CI form: three real
 * workspaces in their own processes edit and sync through their own views of a simulated cloud
 * folder, get SIGKILLed and restarted, and are checked at quiescence for I1, I2, I6 and I10. The
 * seeds are fixed; a failure names the seed and the command that replays it. The nightly job runs
 * the same harness for 30 minutes (`npm run chaos -- --minutes 30 --workers 4 --seed N`).
 *
 * The second run is a signed team (issue #14) with an attacking worker: tampered, forged and replayed
 * files, and a member the owner demotes mid-run who keeps writing; every honest replica must refuse
 * all of it alike and apply none of it.
 *
 * The last tests prove the checks have teeth without processes: a folder a worker tampered with,
 * replicas that diverged or lost a write, and an attack applied or not listed, are reported. (With
 * the signature or the role check taken out of signingGuard, the signed run fails with S2/S3 breaches.)
 */
import { appendFileSync, mkdirSync, rmSync, unlinkSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { seededRandom } from '../../../src/core/demo/seededRandom'
import { ackedBeforeDemotion, checkAttacks } from '../../../scripts/chaos/checkAttacks'
import type { AttackerState } from '../../../scripts/chaos/checkAttacks'
import { checkInvariants } from '../../../scripts/chaos/checkInvariants'
import { CloudSimulator } from '../../../scripts/chaos/cloudSimulator'
import { runChaos } from '../../../scripts/chaos/runChaos'
import type { ReplicaReport } from '../../../scripts/chaos/workerProtocol'
import { tempDir } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('chaos harness, CI mode', () => {
  for (const seed of [20261123]) {
    it(`seed ${seed}: 3 workers, kills, torn and hidden files, conflicted copies — every invariant holds`, async () => {
      const lines: string[] = []
      const r = await runChaos({ seed, workers: 3, durationMs: 20_000, checkEveryMs: 10_000, killMeanMs: 2_000, log: (l) => lines.push(l) })
      const replay = `replay: npm run chaos -- --seed ${seed} --workers 3 --seconds 20 --check-every 10 --kill-every 2`
      expect(r.breaches, `chaos seed ${seed} breached an invariant (${replay})\n${lines.join('\n')}`).toEqual([])
      // The run must have exercised something, or passing means nothing.
      expect(r.stats.checks).toBe(2)
      expect(r.stats.edits).toBeGreaterThan(30)
      expect(r.stats.kills).toBeGreaterThan(0)
      expect(r.stats.acked).toBeGreaterThan(30)
      expect(r.stats.sim.delivered).toBeGreaterThan(10)
    }, 300_000)
  }
})

describe('chaos harness, CI mode, signed team under attack (issue #14)', () => {
  const seed = 6
  it(`seed ${seed}: an attacker tampers, forges, replays, is demoted and writes on — every honest replica refuses it alike`, async () => {
    const lines: string[] = []
    const r = await runChaos({ seed, workers: 3, durationMs: 20_000, checkEveryMs: 10_000, killMeanMs: 2_000, signed: { attackers: 1 }, log: (l) => lines.push(l) })
    const replay = `replay: npm run chaos -- --signed --seed ${seed} --workers 3 --seconds 20 --check-every 10 --kill-every 2`
    expect(r.breaches, `chaos seed ${seed} breached an invariant (${replay})\n${lines.join('\n')}`).toEqual([])
    expect(r.stats.checks).toBe(2)
    expect(r.stats.demoted).toBe(true)
    expect(r.stats.attacks).toBeGreaterThan(5)
    expect(r.stats.refused).toBeGreaterThan(5)
    expect(r.stats.edits).toBeGreaterThan(30)
    expect(r.stats.kills).toBeGreaterThan(0)
  }, 300_000)
})

const A = 'aaaaaaaaaaaaaaaa'
const B = 'bbbbbbbbbbbbbbbb'

function twoViews() {
  const t = tempDir('smo-chaos-sim-')
  cleanups.push(t.cleanup)
  const view = (n: string) => join(t.dir, n, 'SMO Desk Team')
  for (const n of ['a', 'b']) mkdirSync(join(view(n), 'devices'), { recursive: true })
  const sim = new CloudSimulator(seededRandom(1, 'test'))
  sim.addView(0, view('a'), join(t.dir, 'stash-a'), A)
  sim.addView(1, view('b'), join(t.dir, 'stash-b'), B)
  return { sim, a: view('a'), b: view('b') }
}

describe('the chaos checks have teeth', () => {
  it('the cloud delivers and propagates an owner’s deletion, and reports every write outside the rules (I6)', () => {
    const { sim, a, b } = twoViews()
    const own = join(a, 'devices', A)
    mkdirSync(own)
    writeFileSync(join(own, 'ops-000000000001-000000000002.log'), 'one\n')
    writeFileSync(join(own, 'ops-000000000003-000000000003.log'), 'two\n')
    sim.settle()
    expect(existsSync(join(b, 'devices', A, 'ops-000000000001-000000000002.log'))).toBe(true)
    unlinkSync(join(own, 'ops-000000000001-000000000002.log'))
    sim.settle()
    expect(existsSync(join(b, 'devices', A, 'ops-000000000001-000000000002.log'))).toBe(false)
    expect(sim.violations).toEqual([])

    appendFileSync(join(b, 'devices', A, 'ops-000000000003-000000000003.log'), 'x')
    appendFileSync(join(own, 'ops-000000000003-000000000003.log'), 'y')
    writeFileSync(join(b, 'devices', A, 'ops-000000000009-000000000009.log'), 'forged\n')
    sim.settle()
    rmSync(join(b, 'devices', A, 'ops-000000000003-000000000003.log'))
    sim.settle()
    const text = sim.violations.join('\n')
    expect(text).toMatch(/w1: modified an existing file: devices\/a+\/ops-0+3-0+3\.log \(delivered\)/)
    expect(text).toMatch(/w0: modified an existing file: devices\/a+\/ops-0+3-0+3\.log \(its own\)/)
    expect(text).toMatch(/w1: created a file outside devices\/<own>: devices\/a+\/ops-0+9/)
    expect(text).toMatch(/w1: a foreign file was deleted by its worker/)
  })

  it('diverged replicas, a lost acknowledged write and an undrained outbox are breaches (I1, I2, I10)', () => {
    const base: ReplicaReport = { dev: A, digest: 'd', conflicts: '', tables: 't', heads: { 'channel/r/name': [`${B}:2`] }, hwm: { [A]: 1, [B]: 2 }, waiting: 0, gaps: 0, forks: 0, published: 1, refused: [] }
    // b:2 superseded a:1 on the name; a:1 is an ancestor of the head, so it is not lost.
    const graph = new Map([
      [`${A}:1`, new Map([['channel/r/name', []]])],
      [`${B}:2`, new Map([['channel/r/name', [`${A}:1`]]])],
      [`${B}:1`, new Map([['channel/r/notes', []]])]
    ])
    const ok = checkInvariants({ replicas: [{ name: 'w0', report: base }, { name: 'w1', report: { ...base, dev: B } }], acked: [`${A}:1`, `${B}:2`], graph, quietPass: 3, maxQuietPass: 8 })
    expect(ok).toEqual([])
    const bad = checkInvariants({
      replicas: [{ name: 'w0', report: base }, { name: 'w1', report: { ...base, dev: B, digest: 'other', waiting: 2 } }],
      acked: [`${A}:1`, `${B}:1`, `${A}:7`],
      graph,
      quietPass: null,
      maxQuietPass: 8
    })
    const text = bad.join('\n')
    expect(text).toMatch(/I1 digest of w1 differs/)
    expect(text).toMatch(/I2 w0: acknowledged op b+:1 is neither a head nor an ancestor/)
    expect(text).toMatch(/I2 acknowledged op a+:7 is in no published file/)
    expect(text).toMatch(/I10 still moving/)
    expect(text).toMatch(/I10 w1: 2 edit\(s\) still unpublished/)
  })

  it('an applied attack, a missing refusal and refusals that differ are breaches (S1–S3)', () => {
    const C = 'cccccccccccccccc'
    const honest = (refused: string[], heads: Record<string, string[]>, tables = 't'): ReplicaReport => ({ dev: A, digest: 'd', conflicts: '', tables, heads, hwm: {}, waiting: 0, gaps: 0, forks: 0, published: 0, refused })
    const attacker: AttackerState = {
      name: 'w2',
      fakeDev: 'ffffffffffffffff',
      lines: [
        { kind: 'forge', dev: C, first: 1_000_000_100, last: 1_000_000_100, file: 'devices/ffffffffffffffff/x.log' },
        { kind: 'demoted', dev: C, published: 4 }
      ],
      report: { ...honest([], {}), dev: C, published: 6 }
    }
    const all = [`${C} 5 w2: viewer`, `${C} 6 w2: viewer`, `${C} 1000000100 w2: forged`]
    expect(checkAttacks([{ name: 'w0', report: honest(all, { 'channel/r/name': [`${C}:4`] }) }, { name: 'w1', report: honest(all, {}) }], [attacker])).toEqual([])
    // Acknowledged before it read the demotion: kept; after it: not required to stay.
    expect(ackedBeforeDemotion([`${C}:4`, `${C}:5`, `${A}:9`], [attacker])).toEqual([`${C}:4`, `${A}:9`])
    const text = checkAttacks(
      [
        { name: 'w0', report: honest(all.slice(0, 2), { 'channel/r/name': [`${C}:5`] }, '{"name":"ATTACK kept writing 1"}') },
        { name: 'w1', report: honest(all, { 'channel/r/notes': [`${C}:1000000100`] }) }
      ],
      [attacker]
    ).join('\n')
    expect(text).toMatch(/S1 w1 lists other refusals than w0/)
    expect(text).toMatch(/S2 w0 applied w2's refused change c+:5/)
    expect(text).toMatch(/S2 w1 applied w2's refused change c+:1000000100/)
    expect(text).toMatch(/S2 w0 shows a value only an attack wrote/)
    expect(text).toMatch(/S3 w0 does not list w2's change c+:1000000100 as refused/)
  })
})
