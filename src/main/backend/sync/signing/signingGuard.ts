/**
 * The reader's check of every ops file in a signed team (docs/SYNC-SECURITY.md). A file is judged
 * whole, after its trailer verified: its signature must be by an admitted key of the device the file
 * claims, over the file's SHA-256 (which covers the header's causal past and every record's bytes and
 * base pointers). Each op is then checked against the member list as of the file's causal past.
 *
 * Outcomes, all deterministic (they depend on the file and on ops every reader holds):
 * - accepted ops are applied;
 * - ops of a genuine file whose author's role does not allow them are received but never applied
 *   (so later ops that name them as a base still merge the same everywhere);
 * - a file that is unsigned, signed by an unknown key, or whose signature does not verify changes
 *   nothing at all — not even the received set, so a forged file cannot block the real one;
 * - a file whose causal past has not all arrived waits and is read again later.
 * Everything refused is listed in sync_refused with who and why.
 */
import type Database from 'better-sqlite3'
import { authorizeOp } from '../../../../core/sync/access/authorizeOp'
import { memberRoles, MEMBER_TABLE } from '../../../../core/sync/access/memberRoles'
import type { Genesis, MemberListWrite } from '../../../../core/sync/access/memberRoles'
import type { Json, ReceivedOp } from '../../../../core/sync/op'
import { opId } from '../../../../core/sync/op'
import type { SegmentHeader } from '../segmentCodec'
import { verifySignature } from './memberKey'
import type { KeyEntry, TeamTrust } from './teamTrust'

export type FileJudgement =
  | { kind: 'judged'; accept: ReceivedOp[]; refuse: { op: ReceivedOp; reason: string }[]; who: string; member: string }
  /** Nothing of the file counts (forged, unknown key, unsigned). */
  | { kind: 'rejected'; reason: string; who: string }
  | { kind: 'wait'; reason: string }

export type FileGuard = {
  judge: (header: SegmentHeader, trailer: { sha256: string; sig: string | null }, ops: readonly ReceivedOp[], highWaterMark: (dev: string) => number) => FileJudgement
  /** Writes what a judgement refused to sync_refused; called in the pull's transaction. */
  record: (path: string, header: SegmentHeader, judgement: FileJudgement, at: string) => void
}

type WriteRow = { dev: string; seq: number; hlc: string; author: string; member_id: string; col: string; value: string | null }

function parseJson(text: string | null): Json {
  return text === null ? null : (JSON.parse(text) as Json)
}

export function signingGuard(db: Database.Database, trust: TeamTrust): FileGuard {
  const { genesis: g } = trust
  const genesis: Genesis = { root: g.root.member, roles: g.roles }
  const names = new Map(Object.entries(g.names))
  for (const k of trust.keys.values()) if (!names.has(k.member)) names.set(k.member, k.name)
  const nameOf = (member: string): string => names.get(member) ?? member
  const allWrites = db.prepare(`SELECT dev, seq, hlc, author, member_id, col, value FROM sync_member_write`)
  const insWrite = db.prepare(`INSERT OR IGNORE INTO sync_member_write (dev, seq, hlc, author, member_id, col, value) VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const insRefused = db.prepare(`INSERT OR REPLACE INTO sync_refused (path, dev, seq, hlc, key_id, member_id, who, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const ownerCols = new Map<string, boolean>()
  const rowOwner = (tbl: string, row: string): string | null => {
    // Table names come from the wire: only tables of this database with an owner column are asked.
    let has = ownerCols.get(tbl)
    if (has === undefined) {
      const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(tbl) as { name: string }[]
      has = cols.some((c) => c.name === 'owner_id')
      ownerCols.set(tbl, has)
    }
    if (!has) return null
    const r = db.prepare(`SELECT owner_id FROM "${tbl.replace(/"/g, '')}" WHERE id = ?`).get(row) as { owner_id: string | null } | undefined
    return r?.owner_id ?? null
  }

  /** Member-list writes in the causal past `deps` (plus the author's own earlier ops). */
  const pastWrites = (deps: Record<string, number>, dev: string, before: number): MemberListWrite[] =>
    (allWrites.all() as WriteRow[])
      .filter((w) => (w.dev === dev ? w.seq < before : w.seq <= (deps[w.dev] ?? 0)))
      .map((w) => ({ id: opId(w.dev, w.seq), h: w.hlc, author: w.author, member: w.member_id, col: w.col, v: parseJson(w.value) }))

  /** An admitted key counts if whoever admitted it was an owner when they did (by the admission's stamp). */
  const keyValid = (k: KeyEntry, writes: readonly MemberListWrite[]): boolean => {
    if (k.key === g.root.key || k.admittedBy === g.root.key) return true
    const admitter = trust.keys.get(k.admittedBy ?? '')
    if (!admitter || admitter === k) return false
    return memberRoles(genesis, writes.filter((w) => w.h < k.h)).role(admitter.member) === 'owner' && keyValid(admitter, writes)
  }

  const judge: FileGuard['judge'] = (header, trailer, ops, hwm) => {
    const sign = header.sign
    if (!sign) {
      // Before signing began, a team's files carried no signature: those stay readable up to the
      // high-water mark the root owner recorded then. Anything later unsigned is refused.
      const legacy = g.legacy[header.dev] ?? 0
      if (header.last <= legacy) return { kind: 'judged', accept: [...ops], refuse: [], who: 'legacy, unsigned', member: '' }
      return { kind: 'rejected', reason: 'the file is not signed, and this team signs every change', who: `device ${header.dev}` }
    }
    const key = trust.keys.get(sign.key)
    if (!key) return { kind: 'rejected', reason: `signed by key ${sign.key}, which no owner has admitted to the team`, who: `device ${header.dev}` }
    const who = nameOf(key.member)
    if (key.dev !== header.dev) return { kind: 'rejected', reason: `signed with ${who}'s key from another computer (device ${key.dev}), not device ${header.dev}`, who }
    if (trailer.sig === null || !verifySignature(key.publicKey, trailer.sha256, trailer.sig)) {
      return { kind: 'rejected', reason: 'its signature does not match its content (changed after signing, or forged)', who }
    }
    for (const [dev, seq] of Object.entries(sign.deps)) {
      if (dev !== header.dev && hwm(dev) < seq) return { kind: 'wait', reason: `waiting for changes of device ${dev} up to ${seq} that it builds on` }
    }
    const writes = pastWrites(sign.deps, header.dev, header.first)
    if (!keyValid(key, writes)) return { kind: 'rejected', reason: `${who}'s key was admitted by someone who was not an owner then`, who }
    const accept: ReceivedOp[] = []
    const refuse: { op: ReceivedOp; reason: string }[] = []
    // The fold is redone only after the file itself changed the member list (rare): a file of
    // thousands of ops costs one fold, not one per op.
    let role = memberRoles(genesis, writes).role(key.member)
    for (const r of ops) {
      const reason = authorizeOp({ member: key.member, name: who, role, rowOwner }, r.op)
      if (reason !== null) {
        refuse.push({ op: r, reason })
        continue
      }
      accept.push(r)
      for (const w of r.op.tx) {
        if (w.t !== MEMBER_TABLE) continue
        for (const col of Object.keys(w.set)) {
          const v = w.set[col] ?? null
          writes.push({ id: opId(r.op.d, r.op.s), h: r.op.h, author: key.member, member: w.r, col, v })
          insWrite.run(r.op.d, r.op.s, r.op.h, key.member, w.r, col, JSON.stringify(v))
          role = memberRoles(genesis, writes).role(key.member)
        }
      }
    }
    return { kind: 'judged', accept, refuse, who, member: key.member }
  }

  const record: FileGuard['record'] = (path, header, j, at) => {
    if (j.kind === 'judged') {
      for (const { op, reason } of j.refuse) insRefused.run(path, op.op.d, op.op.s, op.op.h, header.sign?.key ?? '', j.member, j.who, reason, at)
    } else if (j.kind === 'rejected') {
      insRefused.run(path, header.dev, header.first, '', header.sign?.key ?? '', '', j.who, `${header.last - header.first + 1} change(s) refused: ${j.reason}`, at)
    }
  }
  return { judge, record }
}

/** Logs this computer's own member-list writes as it publishes them (they are signed by `member`). */
export function logOwnMemberWrites(db: Database.Database, member: string, ops: readonly ReceivedOp[]): void {
  const ins = db.prepare(`INSERT OR IGNORE INTO sync_member_write (dev, seq, hlc, author, member_id, col, value) VALUES (?, ?, ?, ?, ?, ?, ?)`)
  for (const { op } of ops) {
    for (const w of op.tx) {
      if (w.t !== MEMBER_TABLE) continue
      for (const col of Object.keys(w.set)) ins.run(op.d, op.s, op.h, member, w.r, col, JSON.stringify(w.set[col] ?? null))
    }
  }
}
