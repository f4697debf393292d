/**
 * What an attacking chaos worker does to a signed team (issue #14 "Bad input and attack",
 * docs/SYNC-SECURITY.md), from its own computer and its own view of the folder:
 *
 * - `tamper`: one of its own signed files, a record's value changed or a line appended, every CRC
 *   and the trailer's hash recomputed, the original signature kept;
 * - `forge`: a change signed with a key nobody admitted (or claiming its own key, signed by another);
 * - `replay`: another member's signed file copied under new op ids, into its own log or still
 *   claiming the other computer;
 * - after the owner demoted it to viewer: `keep-writing` (its app's role checks skipped, as a changed
 *   app would) and `direct` (written straight through the database's one write path, under every
 *   service: a channel renamed, or itself made owner), then syncing as usual.
 *
 * The forged files go to a folder of their own (`devices/<fake>/`, see `fakeDevice`), at op ids far
 * beyond anything real (`ATTACK_SEQ_BASE`): the attacker's own folder must stay its app's (a file
 * there it did not write would make it re-key as a copied profile), and an id a real change will
 * take one day would let a reader that already holds it skip the file, so readers would list
 * different refusals for reasons that have nothing to do with the attack. Every attack is appended
 * to the attack log (`AttackLine`), which the checks compare with what every honest replica refused.
 */
import { createHash } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { encodeOpRecord } from '../../src/core/sync/op'
import { opsFileName, parseSyncFileName } from '../../src/core/sync/syncFileName'
import type { Rng } from '../../src/core/demo/seededRandom'
import type { Backend } from '../../src/main/backend/backend'
import { latestVersion } from '../../src/main/backend/db/migrations/index'
import { sql } from '../../src/main/backend/db/sql'
import type { Change } from '../../src/main/backend/mutate'
import { withActing } from '../../src/main/backend/people/currentMember'
import { recordService } from '../../src/main/backend/services/recordService'
import { appVersion, syncStateOf } from '../../src/main/backend/services/syncService'
import { signingFor } from '../../src/main/backend/services/syncSigning'
import { teamKeyCache } from '../../src/main/backend/services/teamKeyCache'
import type { DataKey } from '../../src/main/backend/sync/blockCipher'
import { encodeSegment, FORMAT_VERSION, scanSegment } from '../../src/main/backend/sync/segmentCodec'
import type { SegmentHeader } from '../../src/main/backend/sync/segmentCodec'
import { newMemberKey } from '../../src/main/backend/sync/signing/memberKey'
import { ATTACK_MARK, ATTACK_SEQ_BASE } from './attackMarks'
import { chaosIds } from './chaosEdit'
import { memberIdByName } from './signedTeam'


export type FileAttack = 'tamper' | 'forge' | 'replay'
export type AttackLine =
  /** A forged file: readers must refuse it whole and list it (`dev`, `first`). */
  | { kind: FileAttack; dev: string; first: number; last: number; file: string }
  /** The attacker's computer read its demotion when it had published up to `published` on `dev`. */
  | { kind: 'demoted'; dev: string; published: number }
  /** A write its app would have refused, committed locally as op `dev:seq`. */
  | { kind: 'keep-writing' | 'direct'; dev: string; seq: number }

/** The folder an attacker puts its forged files in: a device id nobody has, derived from its name. */
export function fakeDevice(name: string): string {
  return createHash('sha256').update(`chaos attacker ${name}`).digest('hex').slice(0, 16)
}

export function readAttackLog(file: string): AttackLine[] {
  if (!existsSync(file)) return []
  const text = readFileSync(file, 'utf8')
  // A line torn by SIGKILL was never finished: the attack it describes did not happen yet.
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as AttackLine)
}

export type Attacker = { b: Backend; rng: Rng; name: string; teamDir: string; log: string; owner: string }

const teamOf = (b: Backend): string => b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'sync_team'`)?.value ?? ''

/**
 * Whether this computer noted its demotion. The attack log remembers it across restarts, and must:
 * once it made itself owner, its own database no longer shows the demotion.
 */
export function demotedSeen(a: Attacker): boolean {
  return readAttackLog(a.log).some((l) => l.kind === 'demoted' && l.dev === a.b.ws.deviceId)
}

/**
 * Called after every round (and at start): once this computer's causal past holds its demotion —
 * the viewer role's write is received with every change of that device before it, so whatever it
 * publishes from now on names the demotion — note what it had published by then. Merely holding the
 * demotion is not enough: a change it publishes while an older change of the owner is still missing
 * is concurrent with the demotion, and stands (docs/SYNC-SECURITY.md, "Concurrent removal").
 */
export function noteDemotion(a: Attacker): void {
  if (demotedSeen(a)) return
  const me = memberIdByName(a.b, a.name)
  if (me === null) return
  const store = syncStateOf(a.b).store
  const heads = a.b.db.all<{ op: string; value: string | null }>(sql`SELECT op, value FROM field_head WHERE tbl = 'member' AND row_id = ${me} AND col = 'access'`)
  const viewer = heads.find((h) => h.value === JSON.stringify('viewer'))
  if (!viewer) return
  const [dev = '', seq = '0'] = viewer.op.split(':')
  if (store.highWaterMark(dev) < Number(seq)) return
  append(a, { kind: 'demoted', dev: a.b.ws.deviceId, published: store.lastPublished() })
}

function append(a: Attacker, line: AttackLine): void {
  appendFileSync(a.log, `${JSON.stringify(line)}\n`)
}

/** One attack; which kinds are possible depends on whether the demotion was read. */
export function attack(a: Attacker): string {
  const kinds: string[] = ['tamper', 'forge', 'replay']
  if (demotedSeen(a)) kinds.push('keep-writing', 'keep-writing', 'direct', 'direct')
  const kind = a.rng.pick(kinds)
  if (kind === 'keep-writing') return keepWriting(a)
  if (kind === 'direct') return direct(a)
  return fileAttack(a, kind as FileAttack)
}

/** A viewer's app with its role checks taken out: an ordinary edit, as if it were the owner. */
function keepWriting(a: Attacker): string {
  const id = a.rng.pick(chaosIds('channel'))
  const exists = a.b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM channel WHERE id = ${id} AND deleted_at IS NULL`)?.n === 1
  const name = `${ATTACK_MARK} kept writing ${a.rng.int(1, 999)}`
  withActing(a.b, a.owner, () => (exists ? recordService.update(a.b, 'channel', { id, name }) : recordService.create(a.b, 'channel', { name, platform: 'blog' }, id)))
  append(a, { kind: 'keep-writing', dev: a.b.ws.deviceId, seq: syncStateOf(a.b).store.lastLocalSeq() })
  return 'keep-writing'
}

/**
 * Straight into its own database under every service and role check (the one write path every
 * change goes through, called as a changed app or a script on the file would): a channel renamed,
 * or itself made owner.
 */
function direct(a: Attacker): string {
  const me = memberIdByName(a.b, a.name) ?? ''
  const change: Change = a.rng.chance(0.5) ? { op: 'update', kind: 'member', id: me, set: { access: 'owner' } } : { op: 'update', kind: 'channel', id: a.rng.pick(chaosIds('channel')), set: { name: `${ATTACK_MARK} direct ${a.rng.int(1, 999)}` } }
  if (!a.b.db.get(sql`SELECT 1 FROM ${sql.id(change.kind === 'member' ? 'member' : 'channel')} WHERE id = ${change.id}`)) return 'none'
  a.b.mutate('Direct write', [change])
  append(a, { kind: 'direct', dev: a.b.ws.deviceId, seq: syncStateOf(a.b).store.lastLocalSeq() })
  return 'direct'
}

type Genuine = { header: SegmentHeader; records: string[]; sig: string }

/** The newest complete ops file in `devices/<dev>/` of this view that it can read, with its signature. */
function newestGenuine(dir: string, dev: string, keys: (id: string) => DataKey | null): Genuine | null {
  let names: string[]
  try {
    names = readdirSync(path.join(dir, 'devices', dev))
  } catch {
    return null
  }
  const ops = names.filter((n) => {
    const p = parseSyncFileName(n)
    return p.kind === 'ops' && p.conflicted === null
  })
  for (const name of ops.sort().reverse()) {
    let buf: Buffer
    try {
      buf = readFileSync(path.join(dir, 'devices', dev, name))
    } catch {
      continue
    }
    const records: string[] = []
    const s = scanSegment(buf, { keys }, (json) => (records.push(json), true))
    if (s.status === 'ok' && s.complete && typeof s.sig === 'string' && s.header.sign) return { header: s.header, records, sig: s.sig }
  }
  return null
}

/** Renumbers records to `first…` (the `s` of each record; the device comes from the header). */
function renumber(records: readonly string[], first: number): string[] {
  return records.map((r, i) => JSON.stringify({ ...(JSON.parse(r) as object), s: first + i }))
}

function fileAttack(a: Attacker, kind: FileAttack): string {
  const store = syncStateOf(a.b).store
  const teamId = teamOf(a.b)
  const own = signingFor(a.b, teamId)
  if (!own) return 'none'
  const dk = teamKeyCache.load(a.b, teamId)
  const keys = (id: string): DataKey | null => (dk !== null && dk.keyId === id ? dk : null)
  const n = readAttackLog(a.log).length + 1
  const first = ATTACK_SEQ_BASE + n * 100
  const deps = Object.fromEntries(store.knownDevices().filter((d) => d !== store.device).map((d) => [d, store.highWaterMark(d)]))
  const base: SegmentHeader = { fmt: FORMAT_VERSION, kind: 'ops', team: teamId, dev: store.device, first, last: first, schema: latestVersion, app: appVersion(), enc: dk ? { alg: 'A256GCM', keyId: dk.keyId } : null, sign: { key: own.key.keyId, deps } }
  let header: SegmentHeader
  let records: string[]
  let signer: (sha: string) => string
  if (kind === 'forge') {
    const stranger = newMemberKey().key
    const rec = encodeOpRecord({ d: store.device, s: first, h: store.clock().millis.toString(16).padStart(12, '0') + '0000' + store.device, tx: [{ t: 'channel', r: a.rng.pick(chaosIds('channel')), set: { name: `${ATTACK_MARK} forged ${n}` }, b: { name: [] } }], x: latestVersion })
    records = [rec]
    // Half the time a key nobody admitted says so; the other half it claims this computer's own key.
    header = a.rng.chance(0.5) ? { ...base, sign: { key: stranger.keyId, deps } } : base
    signer = (sha) => stranger.sign(sha)
  } else {
    const from = kind === 'tamper' ? store.device : pickOther(a, store.device)
    const g = from === null ? null : newestGenuine(a.teamDir, from, keys)
    if (!g) return 'none'
    records = renumber(g.records, first)
    if (kind === 'tamper') {
      // Change a value, or append a line of its own, under the signature the file had.
      if (a.rng.chance(0.5) || records.length === 0) records.push(renumber([encodeOpRecord({ d: store.device, s: 0, h: JSON.parse(records.at(-1) ?? '{"h":"0"}').h as string, tx: [{ t: 'channel', r: a.rng.pick(chaosIds('channel')), set: { name: `${ATTACK_MARK} appended ${n}` }, b: { name: [] } }], x: latestVersion })], first + records.length)[0] ?? '')
      else records[0] = (records[0] ?? '').replace(/"set":\{/, `"set":{"notes":"${ATTACK_MARK} tampered ${n}",`)
      header = { ...g.header, first, last: first + records.length - 1, enc: base.enc }
    } else {
      // Another member's signed changes under new ids: in this computer's log, or still claiming theirs.
      header = { ...g.header, dev: a.rng.chance(0.5) ? store.device : g.header.dev, first, last: first + records.length - 1, enc: base.enc }
    }
    signer = () => g.sig
  }
  const file = writeForged(a, header, records, dk, signer)
  append(a, { kind, dev: header.dev, first: header.first, last: header.last, file })
  return kind
}

function pickOther(a: Attacker, self: string): string | null {
  let devs: string[]
  try {
    devs = readdirSync(path.join(a.teamDir, 'devices')).filter((d) => d !== self && d !== fakeDevice(a.name))
  } catch {
    return null
  }
  return devs.length === 0 ? null : a.rng.pick(devs.sort())
}

/** Written under a temporary name and renamed, like the app does: the cloud never sees half of it. */
function writeForged(a: Attacker, header: SegmentHeader, records: readonly string[], dk: DataKey | null, signer: (sha: string) => string): string {
  const dir = path.join(a.teamDir, 'devices', fakeDevice(a.name))
  mkdirSync(dir, { recursive: true })
  const name = opsFileName(header.first, header.last, false, dk !== null)
  const tmp = path.join(dir, `${name}.tmp-${process.pid}`)
  writeFileSync(tmp, encodeSegment(header, records, false, dk, signer))
  renameSync(tmp, path.join(dir, name))
  return `devices/${fakeDevice(a.name)}/${name}`
}
