/**
 * Which data keys one sync round reads and writes with in a signed, encrypted team (see keyRing.ts):
 * publish this computer's box key, let an owner's computer renew or hand on the team key, then read
 * with every generation this computer can open and write with the newest one. A computer that sees
 * a newer generation it has not been handed yet keeps its edits unshared rather than write them
 * under an older key a removed member may hold.
 */
import type Database from 'better-sqlite3'
import { memberRoles } from '../../../../core/sync/access/memberRoles'
import type { MemberListWrite } from '../../../../core/sync/access/memberRoles'
import type { Json } from '../../../../core/sync/op'
import { opId } from '../../../../core/sync/op'
import type { DataKey } from '../blockCipher'
import type { FolderIo } from '../folderIo'
import type { BoxKey } from './boxKey'
import { generations, newGeneration, planRenewal, publishBoxKey, readKeyRing, unwrapOwn, writeWraps } from './keyRing'
import type { MemberKey } from './memberKey'
import type { TeamTrust } from './teamTrust'

export type RoundKeysInput = {
  io: FolderIo
  dir: string
  db: Database.Database
  trust: TeamTrust | null
  signing: { key: MemberKey; member: string; box?: BoxKey | undefined } | null
  admitted: boolean
  /** Generation 0: the key every member unwraps with the passphrase. */
  passphraseKey: DataKey | null
  /** This computer's member-list writes not published yet (a removal made here counts at once). */
  ownWrites: readonly MemberListWrite[]
  stamp: string
}

export type RoundKeys = {
  writeKey: DataKey | null
  readKeys: DataKey[]
  /** Set when this computer must not publish: a newer key generation exists that it does not hold. */
  waitingFor: string | null
  /** The generation this round created (an owner's computer after a removal). */
  renewed: string | null
}

type WriteRow = { dev: string; seq: number; hlc: string; author: string; member_id: string; col: string; value: string | null }

function memberWrites(db: Database.Database): MemberListWrite[] {
  const rows = db.prepare(`SELECT dev, seq, hlc, author, member_id, col, value FROM sync_member_write`).all() as WriteRow[]
  return rows.map((w) => ({ id: opId(w.dev, w.seq), h: w.hlc, author: w.author, member: w.member_id, col: w.col, v: w.value === null ? null : (JSON.parse(w.value) as Json) }))
}

export function roundKeys(input: RoundKeysInput): RoundKeys {
  const { io, dir, trust, signing, passphraseKey } = input
  const plain: RoundKeys = { writeKey: passphraseKey, readKeys: passphraseKey ? [passphraseKey] : [], waitingFor: null, renewed: null }
  if (trust === null || passphraseKey === null || !signing?.box) return plain
  const box = signing.box
  publishBoxKey(io, dir, trust.genesis.team, signing.key, box)
  const writes = [...memberWrites(input.db), ...input.ownWrites]
  const { role } = memberRoles({ root: trust.genesis.root.member, roles: trust.genesis.roles }, writes)
  let ring = readKeyRing(io, dir, trust)
  let renewed: string | null = null
  if (input.admitted && role(signing.member) === 'owner') {
    const ever = new Set([...Object.keys(trust.genesis.roles), ...[...trust.keys.values()].map((k) => k.member), ...writes.map((w) => w.member)])
    const plan = planRenewal(trust, ring, role, [...ever])
    if (plan.kind === 'renew') {
      const gen = Math.max(0, ...ring.wraps.map((w) => w.gen)) + 1
      const dk = newGeneration(gen)
      writeWraps(io, dir, trust, ring, signing.key, dk, gen, plan.to, input.stamp)
      renewed = dk.keyId
    } else if (plan.kind === 'hand') {
      // Only an owner who holds the generation can pass it on; another owner's computer will.
      const dk = unwrapOwn([plan.gen], trust.genesis.team, signing.key.keyId, box).get(plan.gen.keyId)
      if (dk) writeWraps(io, dir, trust, ring, signing.key, dk, plan.gen.gen, plan.to, input.stamp)
    }
    if (plan.kind !== 'none') ring = readKeyRing(io, dir, trust)
  }
  const gens = generations(ring, trust, role)
  const mine = unwrapOwn(gens, trust.genesis.team, signing.key.keyId, box)
  const newest = gens[0]
  const readKeys = [passphraseKey, ...mine.values()]
  if (!newest) return { ...plain, renewed }
  const writeKey = mine.get(newest.keyId) ?? null
  return { writeKey, readKeys, waitingFor: writeKey ? null : newest.keyId, renewed }
}
