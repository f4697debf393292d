/**
 * The multi-process chaos harness of SYNC.md §3.4. K worker processes, each a real workspace on its
 * own local view of the team folder, edit and sync at random; a cloud simulator replicates between
 * the views late, torn, duplicated and out of order; the driver SIGKILLs workers at random moments
 * and restarts them. Every `checkEveryMs` (and at the end) it stops the chaos, lets everything be
 * delivered, syncs until quiet and checks the invariants. Every random choice of the driver and the
 * simulator comes from `seed`; process scheduling does not, so a seed replays the same kind of run,
 * not the same interleaving.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { seededRandom } from '../../src/core/demo/seededRandom'
import { TEAM_FOLDER_NAME } from '../../src/main/backend/sync/teamFolder'
import { CloudSimulator } from './cloudSimulator'
import type { SimStats } from './cloudSimulator'
import { fakeDevice } from './attacks'
import { quiesceAndCheck } from './quiesceAndCheck'
import type { Roster } from './signedTeam'
import { WorkerHandle } from './workerHandle'
import type { WorkerTeam } from './workerProtocol'

const attackLogOf = (root: string, name: string): string => path.join(root, 'attacks', `${name}.log`)

export type ChaosOptions = {
  seed: number
  workers: number
  durationMs: number
  checkEveryMs: number
  /** Mean time between two SIGKILLs (exponentially distributed). */
  killMeanMs: number
  /** Where to put workspaces, views and logs; a new temp folder by default. */
  dir?: string
  /** Keep the folder even when every check passed (it is always kept on a breach). */
  keep?: boolean
  /** Timeout of one request to a worker; generous, a loaded 2-core machine is slow, never wrong. */
  timeoutMs?: number
  log?: (line: string) => void
  /**
   * A signed team (docs/SYNC-SECURITY.md): w0 founds it as root owner, the others join and are
   * admitted as editors; the last `attackers` workers attack (attacks.ts), and w0 demotes the first
   * of them to viewer at a random moment of the first half of the run.
   */
  signed?: { attackers: number }
}

export type ChaosStats = {
  rounds: number
  checkRounds: number
  edits: number
  resolves: number
  rejected: number
  kills: number
  restarts: number
  checks: number
  acked: number
  ops: number
  attacks: number
  refused: number
  demoted: boolean
  sim: SimStats
}

export type ChaosResult = { seed: number; ok: boolean; breaches: string[]; stats: ChaosStats; dir: string; seconds: number }

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-12).join('\n')
  } catch {
    return ''
  }
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosResult> {
  const log = opts.log ?? ((line: string) => console.log(line))
  const timeoutMs = opts.timeoutMs ?? 180_000
  const root = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'smo-chaos-'))
  const rng = seededRandom(opts.seed, 'driver')
  const sim = new CloudSimulator(seededRandom(opts.seed, 'cloud'))
  const breaches: string[] = []
  const stats: ChaosStats = { rounds: 0, checkRounds: 0, edits: 0, resolves: 0, rejected: 0, kills: 0, restarts: 0, checks: 0, acked: 0, ops: 0, attacks: 0, refused: 0, demoted: false, sim: sim.stats }
  const t0 = Date.now()
  const secs = (): string => ((Date.now() - t0) / 1000).toFixed(1)
  log(`chaos: seed ${opts.seed}, ${opts.workers} workers, ${Math.round(opts.durationMs / 1000)} s, check every ${Math.round(opts.checkEveryMs / 1000)} s, folder ${root}`)

  for (const sub of ['ws', 'views', 'acks', 'logs', 'stash', 'attacks']) mkdirSync(path.join(root, sub), { recursive: true })
  const signed = opts.signed ?? null
  const attackerCount = signed ? Math.min(signed.attackers, opts.workers - 2) : 0
  const isAttacker = (index: number): boolean => index >= opts.workers - attackerCount
  // Members are named after their workers: w0 the root owner, everyone else an editor at first.
  const roster: Roster = Object.fromEntries(Array.from({ length: opts.workers }, (_, i) => [`w${i}`, i === 0 ? 'owner' : 'editor'] as const))
  const workers = Array.from({ length: opts.workers }, (_, index) => {
    const name = `w${index}`
    const teamDir = path.join(root, 'views', name, TEAM_FOLDER_NAME)
    mkdirSync(path.dirname(teamDir), { recursive: true })
    const team: WorkerTeam = signed ? { roster, owner: 'w0', ...(isAttacker(index) ? { attackLog: attackLogOf(root, name) } : {}) } : {}
    return new WorkerHandle({ index, wsDir: path.join(root, 'ws', name), teamDir, ackLog: path.join(root, 'acks', `${name}.log`), stderrLog: path.join(root, 'logs', `${name}.log`), seed: opts.seed, team })
  })
  const attackers = workers.filter((w) => isAttacker(w.spec.index))
  const restarting = new Map<WorkerHandle, Promise<void>>()
  let checking = false

  // Each incarnation gets its own clock: within ±10 min mostly, now and then 3 days ahead, so a
  // restart can also move the wall clock backwards under a saved HLC (SYNC.md §3.3 20–21).
  const skew = (): number => (rng.chance(0.05) ? 3 * 86_400_000 : rng.int(-600_000, 600_000))
  const restart = (w: WorkerHandle, after: number, resume: boolean): Promise<void> => {
    const p = (async () => {
      await sleep(after)
      try {
        await w.start('run', timeoutMs, skew())
      } catch (err) {
        breaches.push(`restart of ${w.name} failed: ${err instanceof Error ? err.message : String(err)}\n${tail(w.spec.stderrLog)}`)
        await w.kill()
        await w.start('run', timeoutMs, skew())
      }
      stats.restarts++
      if (resume && !checking) w.send({ t: 'resume' })
    })()
    restarting.set(w, p)
    return p.finally(() => restarting.delete(w))
  }

  for (const w of workers) {
    w.onMessage = (m) => {
      if (m.t === 'did') {
        if (m.action === 'round') stats.rounds++
        else if (m.action === 'edit') stats.edits++
        else if (m.action === 'resolve') stats.resolves++
        else if (m.action === 'attack') stats.attacks++
        else stats.rejected++
      } else if (m.t === 'error') breaches.push(`engine error in ${w.name}: ${m.message.split('\n').slice(0, 6).join('\n')}`)
      else if (m.t === 'dev') {
        log(`  ${w.name} re-keyed ${m.from} → ${m.dev} (it believed it was a copied profile)${signed ? '; it asks to be admitted again' : ''}`)
        sim.addDevice(w.spec.index, m.dev)
      }
    }
    w.onCrash = (_w, detail) => {
      breaches.push(`${w.name} died on its own (${detail}):\n${tail(w.spec.stderrLog)}`)
      if (!restarting.has(w)) void restart(w, 200, true)
    }
  }

  try {
    // Set-up without chaos: the founder creates the team, the cloud hands TEAM.json to everyone, the
    // others join in parallel.
    const [founder, ...joiners] = workers
    if (!founder) throw new Error('no workers')
    const created = await founder.start('create', timeoutMs, skew())
    workers.forEach((w, i) => sim.addView(i, w.spec.teamDir, path.join(root, 'stash', w.name), i === 0 ? created.dev : ''))
    sim.adoptTeamFiles(0)
    sim.settle()
    const joined = await Promise.all(joiners.map((w) => w.start('join', timeoutMs, skew())))
    joined.forEach((j, i) => sim.addDevice(i + 1, j.dev))
    for (const a of attackers) sim.addDevice(a.spec.index, fakeDevice(a.name))
    sim.settle()
    if (signed) {
      // The owner's computer admits everyone with the roster's role; the cloud brings the admissions back.
      await founder.request({ t: 'admit', roles: roster }, 'admitted', timeoutMs)
      sim.settle()
    }
    log(`  [${secs()} s] team ${created.teamId}: ${workers.map((w) => `${w.name}=${w.dev}`).join(' ')}`)

    const end = Date.now() + opts.durationMs
    let nextCheck = Date.now() + opts.checkEveryMs
    const nextKillIn = (): number => Math.round(-Math.log(1 - rng.next()) * opts.killMeanMs)
    let nextKill = Date.now() + nextKillIn()
    // The owner demotes the first attacker to viewer somewhere in the first half of the run.
    const victim = attackers[0]
    const demoteAt = victim ? Date.now() + Math.round(opts.durationMs * (0.15 + 0.35 * rng.next())) : Infinity
    for (const w of workers) w.send({ t: 'resume' })
    for (;;) {
      const final = Date.now() >= end
      if (final || Date.now() >= nextCheck) {
        checking = true
        await Promise.all([...restarting.values()])
        for (const w of workers) if (!w.alive) await restart(w, 0, false)
        const c = await quiesceAndCheck(workers, sim, timeoutMs, signed ? { founder, roster, attackers: attackers.map((a) => ({ handle: a, log: attackLogOf(root, a.name), fakeDev: fakeDevice(a.name) })) } : null)
        stats.refused = c.refused
        stats.checks++
        stats.checkRounds += c.rounds
        stats.acked = c.acked
        stats.ops = c.ops
        breaches.push(...c.breaches, ...sim.violations.splice(0))
        log(`  [${secs()} s] check ${stats.checks}: quiet after pass ${c.quietPass ?? 'never'}, ${c.ops} ops published, ${c.acked} acked, ${c.rows} rows, ${c.conflicts} open conflicts, ${stats.edits} edits, ${stats.rounds} rounds, ${stats.kills} kills — ${breaches.length === 0 ? 'OK' : `${breaches.length} breach(es)`}`)
        checking = false
        if (final) break
        for (const w of workers) w.send({ t: 'resume' })
        nextCheck = Date.now() + opts.checkEveryMs
        nextKill = Date.now() + nextKillIn()
        continue
      }
      await sleep(40)
      sim.tick()
      if (victim && !stats.demoted && Date.now() >= demoteAt && founder.alive && !restarting.has(founder)) {
        try {
          const m = await founder.request({ t: 'demote', member: victim.name }, 'demoted', timeoutMs)
          stats.demoted = m.t === 'demoted' && m.ok
          if (stats.demoted) log(`  [${secs()} s] w0 demoted ${victim.name} to viewer`)
        } catch {
          // Killed while demoting: try again once it is back.
        }
      }
      if (Date.now() >= nextKill) {
        const candidates = workers.filter((w) => w.alive && !restarting.has(w))
        if (candidates.length > 0) {
          const w = rng.pick(candidates)
          await w.kill()
          stats.kills++
          void restart(w, rng.int(100, 1500), true)
        }
        nextKill = Date.now() + nextKillIn()
      }
    }
  } catch (err) {
    breaches.push(`harness stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  } finally {
    await Promise.allSettled([...restarting.values()])
    await Promise.all(workers.map((w) => w.stop()))
  }
  const ok = breaches.length === 0
  const seconds = (Date.now() - t0) / 1000
  const s = stats
  log(
    `chaos ${ok ? 'OK' : 'FAILED'} (seed ${opts.seed}, ${seconds.toFixed(0)} s): ${signed ? `signed team, ${attackerCount} attacker(s), ${s.attacks} attacks, ${s.demoted ? 'demoted mid-run' : 'never demoted'}, ${s.refused} changes refused; ` : ''}${s.edits} edits, ${s.resolves} resolutions, ${s.rejected} refused, ${s.rounds} rounds (+${s.checkRounds} in checks), ${s.kills} kills, ${s.restarts} restarts, ${s.checks} checks; ` +
      `cloud: ${s.sim.delivered} deliveries (${s.sim.partial} torn first), ${s.sim.copies} conflicted copies, ${s.sim.hiddenFiles} files and ${s.sim.hiddenDirs} folders hidden, ${s.sim.deletes} deletions, ${s.sim.zombies} zombies`
  )
  for (const b of breaches) log(`  BREACH (seed ${opts.seed}): ${b}`)
  if (ok && !opts.keep && !opts.dir) rmSync(root, { recursive: true, force: true })
  else log(`  kept ${root} (workspaces in ws/, views in views/, worker logs in logs/); replay with --seed ${opts.seed}`)
  return { seed: opts.seed, ok, breaches, stats, dir: root, seconds }
}
