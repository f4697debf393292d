/**
 * Tamper evidence of signed files, as a property (docs/SYNC-SECURITY.md): whatever one changes in a
 * signed file's header or records — with every CRC and the trailer's SHA-256 recomputed, so only the
 * signature can tell — the reader's guard refuses the whole file; the untouched file is accepted.
 */
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeOpRecord, parseOpRecord } from '../../../src/core/sync/op'
import type { Op } from '../../../src/core/sync/op'
import migration from '../../../src/main/backend/db/migrations/m012_signing'
import { encodeSegment, scanSegment } from '../../../src/main/backend/sync/segmentCodec'
import type { SegmentHeader } from '../../../src/main/backend/sync/segmentCodec'
import { newMemberKey } from '../../../src/main/backend/sync/signing/memberKey'
import { signingGuard } from '../../../src/main/backend/sync/signing/signingGuard'
import type { TeamTrust } from '../../../src/main/backend/sync/signing/teamTrust'

const TEAM = 'team-1'
const DEV = 'a1b2c3d4e5f60718'
const RUNS = Number(process.env.SYNC_SIGNING_RUNS ?? 300)

const author = newMemberKey().key
const root = newMemberKey().key
const trust: TeamTrust = {
  genesis: { magic: 'smo-desk-signing', team: TEAM, root: { member: 'root', name: 'Root', key: root.keyId, dev: 'ffffffffffffffff', publicKey: root.publicKey }, roles: { ed: 'editor' }, names: { ed: 'Ed' }, legacy: {}, h: '', sig: '' },
  keys: new Map([[author.keyId, { magic: 'smo-desk-member-key', team: TEAM, key: author.keyId, dev: DEV, publicKey: author.publicKey, member: 'ed', name: 'Ed', h: '', admittedBy: root.keyId, sig: '' }]]),
  requests: []
}

function db(): Database.Database {
  const d = new Database(':memory:')
  migration.up(d)
  return d
}

const ops = (n: number): Op[] =>
  Array.from({ length: n }, (_, i) => ({ d: DEV, s: i + 1, h: (i + 1).toString(16).padStart(12, '0') + '0000' + DEV, tx: [{ t: 'channel', r: `row-${i % 3}`, set: { name: `name ${i}` }, b: { name: i >= 3 ? [`${DEV}:${i - 2}`] : [] } }], x: 12 }))

/** Judges a file as a reader would: scan, parse, then the guard. */
function judge(buf: Buffer): string {
  const texts: string[] = []
  const scanned = scanSegment(buf, { keys: () => null }, (t) => (texts.push(t), true))
  if (scanned.status !== 'ok' || !scanned.complete) return 'unreadable'
  const received = texts.map((t) => ({ op: parseOpRecord(scanned.header.dev, JSON.parse(t)) as Op, hash: t }))
  const j = signingGuard(db(), trust).judge(scanned.header, { sha256: scanned.sha256 ?? '', sig: scanned.sig ?? null }, received, () => 0)
  return j.kind === 'judged' ? `accepted ${j.accept.length}` : j.kind
}

describe('signed files', () => {
  it(`refuse any change made after signing, over ${RUNS} random tamperings`, () => {
    const original = ops(6)
    const header: SegmentHeader = { fmt: 1, kind: 'ops', team: TEAM, dev: DEV, first: 1, last: 6, schema: 12, app: '0.1.0', enc: null, sign: { key: author.keyId, deps: {} } }
    const records = original.map(encodeOpRecord)
    let sig = ''
    const genuine = encodeSegment(header, records, false, null, (sha) => (sig = author.sign(sha)))
    expect(judge(genuine)).toBe('accepted 6')
    const tamper = fc.oneof(
      // A value, a base pointer, a seq (replay under another id), a stamp, a row.
      fc.record({ kind: fc.constant('record' as const), at: fc.nat(5), what: fc.constantFrom('value', 'base', 'seq', 'hlc', 'row'), n: fc.integer({ min: 1, max: 99 }) }),
      // The header: another device, range, or causal past.
      fc.record({ kind: fc.constant('header' as const), at: fc.nat(5), what: fc.constantFrom('dev', 'deps', 'key'), n: fc.integer({ min: 1, max: 99 }) })
    )
    fc.assert(
      fc.property(tamper, fc.boolean(), (t, sealed) => {
        let h = { ...header }
        const recs = original.map((o) => ({ ...o, tx: o.tx.map((w) => ({ ...w, set: { ...w.set }, b: { ...w.b } })) }))
        const op = recs[t.at] as Op
        const w = op.tx[0] as Op['tx'][number]
        if (t.kind === 'record') {
          if (t.what === 'value') w.set.name = `forged ${t.n}`
          if (t.what === 'base') w.b.name = [`${DEV}:${t.n + 10}`]
          if (t.what === 'seq') op.s = 100 + t.n
          if (t.what === 'hlc') op.h = (200 + t.n).toString(16).padStart(12, '0') + '0000' + DEV
          if (t.what === 'row') w.r = `row-${t.n + 10}`
        } else {
          if (t.what === 'dev') h = { ...h, dev: 'b'.repeat(16) }
          if (t.what === 'deps') h = { ...h, sign: { key: author.keyId, deps: { ['c'.repeat(16)]: t.n } } }
          if (t.what === 'key') h = { ...h, sign: { key: root.keyId, deps: {} } }
        }
        if (t.what === 'seq') h = { ...h, last: Math.max(h.last, op.s) }
        const forged = encodeSegment(h, recs.map(encodeOpRecord), sealed, null, () => sig)
        expect(judge(forged)).toBe('rejected')
      }),
      { numRuns: RUNS }
    )
  })
})
