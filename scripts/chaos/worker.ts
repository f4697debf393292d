/**
 * One chaos worker process: a real workspace (SQLite, the real mutation path and sync service) on
 * its own local view of the team folder. It makes random edits and runs sync rounds until told to
 * pause, and can be SIGKILLed at any moment. Each edit's op id is appended to the ack log only after
 * its transaction committed, so the log lists exactly the writes a user was told were saved (I2).
 *
 * Usage: worker.ts WORKSPACE TEAMDIR ACKLOG SEED MODE NAME SKEW_MS [TEAM_JSON]   (MODE = create | join | run)
 * SKEW_MS offsets this process's wall clock (clock skew, and a jump at each restart: SYNC.md §3.3 20–21).
 * TEAM_JSON (`WorkerTeam`) makes the team a signed one: the roster, and whether this
 * worker is an attacker (attacks.ts) writing what it did to its attack log.
 */
import { appendFileSync } from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../src/core/api/apiError'
import { seededRandom } from '../../src/core/demo/seededRandom'
import { createBackend } from '../../src/main/backend/backend'
import { openWorkspace } from '../../src/main/backend/openWorkspace'
import { recordService } from '../../src/main/backend/services/recordService'
import { syncNow, syncSetup, syncStatus } from '../../src/main/backend/services/syncService'
import { memorySettings } from '../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../src/main/backend/settings/fileSecrets'
import { chaosEdit } from './chaosEdit'
import { replicaReport } from './replicaReport'
import { attack, noteDemotion } from './attacks'
import type { Attacker } from './attacks'
import { actAsNamed, admitWaiting, foundSignedTeam, joinSignedTeam, memberIdByName } from './signedTeam'
import { isDriverMessage } from './workerProtocol'
import type { WorkerMessage, WorkerTeam } from './workerProtocol'

const [wsDir = '', teamDir = '', ackLog = '', seedText = '0', mode = 'run', name = 'worker', skewText = '0', teamText = '{}'] = process.argv.slice(2)
const team = JSON.parse(teamText) as WorkerTeam
const skew = Number(skewText)
const send = (m: WorkerMessage): void => {
  process.send?.(m)
}
// Without the driver there is nobody to answer: stop rather than edit forever.
process.on('disconnect', () => process.exit(0))

const rng = seededRandom(Number(seedText), `worker:${name}`)
const ws = await openWorkspace(wsDir, { create: mode !== 'run', lock: `chaos ${name}` })
const b = createBackend(ws, memorySettings({ deviceName: name, syncFolders: { [path.resolve(wsDir)]: teamDir } }), fileSecrets(`${wsDir}-userdata`), () => Date.now() + skew)
b.events.on((event, payload) => {
  // Local commits carry their op id (dev:seq); a sync apply says 'sync'.
  if (event === 'data-changed' && /^[0-9a-f]{16}:\d+$/.test((payload as { tx: string }).tx)) appendFileSync(ackLog, `${(payload as { tx: string }).tx}\n`)
})
let joinKey = ''
if (!team.roster) {
  if (mode === 'create' || mode === 'join') syncSetup(b, { mode, folder: teamDir })
} else if (mode === 'create') foundSignedTeam(b, { folder: teamDir, roster: team.roster, me: name })
else if (mode === 'join') joinKey = joinSignedTeam(b, { folder: teamDir, me: name })
// "Me" is kept per computer in settings, which a restarted worker (memory settings) has lost.
else if (!actAsNamed(b, name)) throw new Error(`${name} is not in this workspace's member list`)
const attacker: Attacker | null = team.attackLog ? { b, rng, name, teamDir, log: team.attackLog, owner: team.owner ?? '' } : null
if (attacker) {
  attacker.owner = memberIdByName(b, team.owner ?? '') ?? ''
  noteDemotion(attacker)
}
let dev = b.ws.deviceId

/** A re-key changes which folder this view writes to; the driver must hear of it. */
function noteDevice(): void {
  if (b.ws.deviceId === dev) return
  send({ t: 'dev', dev: b.ws.deviceId, from: dev })
  dev = b.ws.deviceId
}

function round(): { sent: number; received: number; problems: string[] } {
  const r = syncNow(b)
  noteDevice()
  if (attacker) noteDemotion(attacker)
  return { sent: r.sent, received: r.received, problems: r.problems.map((p) => `${p.code}: ${p.detail}`) }
}

const expected = (err: unknown): boolean =>
  err instanceof ApiError || (err instanceof Error && /already exists|does not exist/.test(err.message))

let running = false
let timer: NodeJS.Timeout | null = null

function step(): void {
  timer = null
  if (!running) return
  try {
    if (rng.chance(0.15)) {
      round()
      send({ t: 'did', action: 'round' })
    } else if (attacker && rng.chance(0.3)) {
      const what = attack(attacker)
      if (what !== 'none') send({ t: 'did', action: 'attack' })
    } else {
      const out = chaosEdit(b, rng)
      if (out !== 'none') send({ t: 'did', action: out })
    }
  } catch (err) {
    if (expected(err)) send({ t: 'did', action: 'rejected' })
    else send({ t: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) })
  }
  timer = setTimeout(step, rng.int(5, 40))
}

process.on('message', (m: unknown) => {
  if (!isDriverMessage(m)) return
  if (m.t === 'resume') {
    running = true
    if (!timer) timer = setTimeout(step, rng.int(0, 20))
  } else if (m.t === 'pause') {
    running = false
    if (timer) clearTimeout(timer)
    timer = null
    send({ t: 'paused' })
  } else if (m.t === 'round') {
    try {
      send({ t: 'round', result: { ...round(), dev: b.ws.deviceId } })
    } catch (err) {
      send({ t: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) })
      send({ t: 'round', result: { sent: 0, received: 0, problems: ['exception'], dev: b.ws.deviceId } })
    }
  } else if (m.t === 'admit') {
    // The owner's computer: admit who waits (with the roster's role the first time), share at once.
    try {
      const n = admitWaiting(b, m.roles)
      syncNow(b)
      send({ t: 'admitted', count: n })
    } catch (err) {
      send({ t: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) })
      send({ t: 'admitted', count: 0 })
    }
  } else if (m.t === 'demote') {
    try {
      recordService.update(b, 'member', { id: memberIdByName(b, m.member) ?? m.member, access: 'viewer' })
      syncNow(b)
      send({ t: 'demoted', ok: true })
    } catch (err) {
      send({ t: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) })
      send({ t: 'demoted', ok: false })
    }
  } else if (m.t === 'report') {
    send({ t: 'report', report: replicaReport(b) })
  } else if (m.t === 'exit') {
    b.close()
    process.exit(0)
  }
})
send({ t: 'ready', dev: b.ws.deviceId, teamId: syncStatus(b).teamId ?? '', key: joinKey })
