import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectBulkDeletes } from '../../../src/core/sync/bulkDelete'
import { deleteRow, localWrite, resolveField, restoreRow } from '../../../src/core/sync/localWrite'
import { MemorySyncStore } from '../../../src/core/sync/memorySyncStore'
import { encodeOpRecord, opHash, parseOpRecord } from '../../../src/core/sync/op'
import type { Op, ReceivedOp } from '../../../src/core/sync/op'
import { openConflicts } from '../../../src/core/sync/openConflicts'
import { replayPending } from '../../../src/core/sync/pendingOps'
import { receiveOps } from '../../../src/core/sync/receiveOps'
import { fieldValue, replicaDigest } from '../../../src/core/sync/replicaDigest'

const A = 'aaaaaaaaaaaaaaaa'
const B = 'bbbbbbbbbbbbbbbb'
const C = 'cccccccccccccccc'
const T0 = Date.UTC(2026, 10, 23)
const DAY = 86_400_000
const title = { tbl: 'item', row: 'r1', col: 'title' }

const rx = (ops: readonly Op[]): ReceivedOp[] => ops.map((op) => ({ op, hash: opHash(encodeOpRecord(op)) }))
const edit = (s: MemorySyncStore, wall: number, v: string, col = 'title', row = 'r1'): Op => localWrite(s, wall, [{ t: 'item', r: row, set: { [col]: v } }])

describe('field register merge (SYNC.md §2.6)', () => {
  it('a causally later edit beats an ancestor whose clock is 3 days ahead; the skew is reported', () => {
    const a = new MemorySyncStore(A)
    const b = new MemorySyncStore(B)
    const future = edit(a, T0 + 3 * DAY, 'from the future')
    expect(receiveOps(b, rx([future]), T0).skewedDevices).toEqual([A])
    const later = edit(b, T0, 'fixed')
    expect(later.h < future.h).toBe(true)
    receiveOps(a, rx([later]), T0 + 3 * DAY)
    for (const s of [a, b]) {
      expect(fieldValue(s, title)).toBe('fixed')
      expect(openConflicts(s)).toEqual([])
    }
  })

  it('concurrent offline edits raise the same conflict everywhere; resolving on one clears it on all', () => {
    const [a, b, c] = [A, B, C].map((d) => new MemorySyncStore(d)) as [MemorySyncStore, MemorySyncStore, MemorySyncStore]
    const ea = edit(a, T0, 'Summer reel')
    const eb = edit(b, T0 + 1, 'Summer launch')
    for (const s of [a, b, c]) receiveOps(s, rx([ea, eb]), T0 + 2)
    for (const s of [a, b, c]) expect(openConflicts(s)).toHaveLength(1)
    expect(fieldValue(c, title)).toBe('Summer launch')
    const res = resolveField(c, T0 + 3, title, 'Summer reel')
    for (const s of [a, b]) receiveOps(s, rx([res]), T0 + 4)
    for (const s of [a, b, c]) {
      expect(openConflicts(s)).toEqual([])
      expect(fieldValue(s, title)).toBe('Summer reel')
    }
    expect(replicaDigest(a)).toBe(replicaDigest(c))
  })

  it('equal concurrent values auto-merge without a review item', () => {
    const a = new MemorySyncStore(A)
    const b = new MemorySyncStore(B)
    const ea = edit(a, T0, 'same')
    receiveOps(a, rx([edit(b, T0, 'same')]), T0)
    expect(a.heads(title)).toHaveLength(2)
    expect(openConflicts(a)).toEqual([])
    expect(ea.tx[0]?.b.title).toEqual([])
  })

  it('a delete concurrent with an edit raises "deleted while edited"; restore clears it', () => {
    const a = new MemorySyncStore(A)
    const b = new MemorySyncStore(B)
    const base = edit(a, T0, 'x')
    receiveOps(b, rx([base]), T0)
    const del = deleteRow(a, T0 + 1, 'item', 'r1')
    const ed = edit(b, T0 + 2, 'y', 'status')
    receiveOps(a, rx([ed]), T0 + 3)
    receiveOps(b, rx([del]), T0 + 3)
    for (const s of [a, b]) expect(openConflicts(s).map((c) => c.kind)).toEqual(['deleted-while-edited'])
    const restore = restoreRow(b, T0 + 4, 'item', 'r1')
    receiveOps(a, rx([restore]), T0 + 5)
    for (const s of [a, b]) expect(openConflicts(s)).toEqual([])
  })

  it('flags bulk deletions (>50 rows, or >20 % of a table of 10+) but still applies them', () => {
    const a = new MemorySyncStore(A)
    const b = new MemorySyncStore(B)
    const ops: Op[] = []
    for (let i = 0; i < 60; i++) ops.push(edit(a, T0, 'x', 'title', `r${i}`))
    receiveOps(b, rx(ops), T0)
    const dels = Array.from({ length: 13 }, (_, i) => deleteRow(a, T0 + 1, 'item', `r${i}`))
    const r = receiveOps(b, rx(dels), T0 + 2)
    expect(r.bulkDeletes).toEqual([{ dev: A, tbl: 'item', rows: expect.any(Array), tableRows: 60 }])
    expect(fieldValue(b, { tbl: 'item', row: 'r0', col: '_deleted' })).toBe(true)
    expect(detectBulkDeletes([{ dev: A, tbl: 't', row: '1' }], () => 3)).toEqual([])
    const many = Array.from({ length: 51 }, (_, i) => ({ dev: A, tbl: 't', row: String(i) }))
    expect(detectBulkDeletes(many, () => 100_000)).toHaveLength(1)
  })

  it('parks writes for unknown tables and columns, and replays them after upgrade in any order', () => {
    const newer = new MemorySyncStore(A)
    const o1 = edit(newer, T0, 'v1', 'budget')
    const o2 = edit(newer, T0 + 1, 'v2', 'budget')
    const o3 = localWrite(newer, T0 + 2, [{ t: 'new_table', r: 'x', set: { a: 1 } }])
    const old = new MemorySyncStore(B, new Map([['item', new Set(['title', '_deleted'])]]))
    const r = receiveOps(old, rx([o2, o3, o1]), T0 + 3)
    expect(r.parkedWrites).toBe(3)
    expect(old.highWaterMark(A)).toBe(3)
    expect(old.heads({ tbl: 'item', row: 'r1', col: 'budget' })).toEqual([])
    expect(() => edit(old, T0, 'no', 'budget')).toThrow(/unknown column/)
    old.schema = new Map([['item', new Set(['title', '_deleted', 'budget'])], ['new_table', new Set(['a'])]])
    expect(replayPending(old)).toBe(3)
    expect(old.heads({ tbl: 'item', row: 'r1', col: 'budget' }).map((h) => h.v)).toEqual(['v2'])
    expect(old.parked()).toEqual([])
  })

  it('detects a fork: same dev:seq with different content is kept and reported, never merged silently', () => {
    const a = new MemorySyncStore(A)
    const clone = new MemorySyncStore(A)
    const one = edit(a, T0, 'original')
    const other = edit(clone, T0 + 5, 'cloned profile')
    const b = new MemorySyncStore(B)
    receiveOps(b, rx([one]), T0)
    const r = receiveOps(b, rx([other, one]), T0)
    expect(r.forks).toHaveLength(1)
    expect(r.duplicates).toBe(1)
    expect(b.forks()[0]?.other.tx[0]?.set.title).toBe('cloned profile')
    // the device itself notices when its own seq comes back different
    expect(receiveOps(a, rx([other]), T0).forks).toHaveLength(1)
  })

  it('rejects malformed records from the wire', () => {
    expect(parseOpRecord(A, { s: 0, h: 'x', tx: [] })).toBeNull()
    expect(parseOpRecord(A, { s: 1, h: '0'.repeat(32), x: 1, tx: [{ t: 1 }] })).toBeNull()
    expect(parseOpRecord(A, JSON.parse(encodeOpRecord(edit(new MemorySyncStore(A), T0, 'ok'))))).not.toBeNull()
  })

  it('I4/I5: any permutation, duplicates and partial subsets followed by everything give the same state', () => {
    // Build a shared history: 3 devices editing 2 fields of 2 rows, exchanging some ops as they go.
    const history = fc.array(fc.record({ d: fc.nat(2), row: fc.nat(1), col: fc.nat(1), v: fc.nat(2), sync: fc.boolean(), del: fc.nat(9) }), { minLength: 5, maxLength: 40 })
    fc.assert(
      fc.property(history, fc.nat(), (steps, seed) => {
        const devs = [A, B, C].map((d) => new MemorySyncStore(d))
        const all: Op[] = []
        steps.forEach((st, i) => {
          const s = devs[st.d] as MemorySyncStore
          const op = st.del === 0 ? deleteRow(s, T0 + i, 'item', `r${st.row}`) : edit(s, T0 + i * 1000 - st.d * 7 * DAY, `v${st.v}`, st.col ? 'status' : 'title', `r${st.row}`)
          all.push(op)
          if (st.sync) for (const o of devs) receiveOps(o, rx(all), T0 + i)
        })
        const reference = new MemorySyncStore('dddddddddddddddd')
        receiveOps(reference, rx(all), T0)
        const want = replicaDigest(reference)
        const shuffled = fc.sample(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), { seed, numRuns: 1 })[0] ?? all
        const partial = new MemorySyncStore('eeeeeeeeeeeeeeee')
        receiveOps(partial, rx(shuffled.slice(0, shuffled.length >> 1)), T0)
        receiveOps(partial, rx([...shuffled].reverse()), T0)
        receiveOps(partial, rx(all), T0)
        expect(replicaDigest(partial)).toBe(want)
        for (const d of devs) {
          receiveOps(d, rx(shuffled), T0)
          expect(replicaDigest(d)).toBe(want)
        }
      }),
      { numRuns: 300 }
    )
  })
})
