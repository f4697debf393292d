import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decryptBlocks, encryptBlocks } from '../../../src/main/backend/sync/blockCipher'
import type { DataKey } from '../../../src/main/backend/sync/blockCipher'
import { SyncFolderError } from '../../../src/main/backend/sync/folderError'
import { decodeRecordLine, encodeRecordLine } from '../../../src/main/backend/sync/recordFrame'
import { decodeSegment, encodeSegment } from '../../../src/main/backend/sync/segmentCodec'
import type { DecodedSegment, SegmentHeader } from '../../../src/main/backend/sync/segmentCodec'
import { createTeamKey, unwrapDataKey, wrapDataKey } from '../../../src/main/backend/sync/teamKey'

const KEY: DataKey = { keyId: 'k1', key: randomBytes(32) }
const header = (over: Partial<SegmentHeader> = {}): SegmentHeader => ({
  fmt: 1, kind: 'ops', team: '01JTEAM', dev: 'a1b2c3d4e5f60718', first: 1, last: 3, schema: 7, app: '0.1.0', enc: null, ...over
})
const recs = ['{"s":1,"h":"x","tx":[],"x":7}', '{"s":2,"h":"y","tx":[{"t":"a","r":"b","set":{"n":"line\\nbreak"},"b":{}}],"x":7}', '{"s":3,"h":"z","tx":[],"x":7}']
const keys = (id: string): DataKey | null => (id === KEY.keyId ? KEY : null)
const ok = (d: DecodedSegment): Extract<DecodedSegment, { status: 'ok' }> => {
  if (d.status !== 'ok') throw new Error(`status ${d.status}`)
  return d
}

describe('record framing (crc32 + JSON)', () => {
  it('round-trips and rejects any damaged line', () => {
    const line = encodeRecordLine(recs[1] ?? '')
    expect(line).toMatch(/^[0-9a-f]{8} \{/)
    expect(decodeRecordLine(line)).toBe(recs[1])
    expect(decodeRecordLine(line.slice(0, -1))).toBeNull()
    expect(decodeRecordLine(line.replace('break', 'brake'))).toBeNull()
    expect(decodeRecordLine('00000000{}')).toBeNull()
  })
})

describe.each([
  ['plain chunk', false, null],
  ['sealed gzip', true, null],
  ['encrypted chunk', false, KEY],
  ['encrypted sealed', true, KEY]
] as const)('segment: %s', (_name, sealed, key) => {
  const hdr = header(key ? { enc: { alg: 'A256GCM', keyId: 'k1' } } : {})
  const buf = encodeSegment(hdr, recs, sealed, key)

  it('decodes whole, with a verified trailer', () => {
    const d = ok(decodeSegment(buf, { keys }))
    expect(d).toMatchObject({ complete: true, damage: null, records: recs })
    expect(d.header.dev).toBe(hdr.dev)
  })

  it('treats every truncation as incomplete and returns only verified records', () => {
    for (let cut = 0; cut < buf.length; cut += Math.max(1, buf.length >> 6)) {
      const d = decodeSegment(buf.subarray(0, cut), { keys })
      if (d.status === 'ok') {
        // Only a cut inside gzip's own footer can leave the content whole; the SHA trailer vouches for it.
        if (d.complete) expect(sealed && !key && d.records.length === recs.length).toBe(true)
        expect(recs.slice(0, d.records.length)).toEqual(d.records)
      } else expect(d.status).toBe('unreadable')
    }
  })

  it('never applies a flipped byte (I9)', () => {
    for (let at = 0; at < buf.length; at++) {
      const bad = Buffer.from(buf)
      bad[at] = (bad[at] ?? 0) ^ 0x10
      const d = decodeSegment(bad, { keys })
      if (d.status !== 'ok') continue
      expect(d.complete && d.records.length === recs.length && d.header.dev === hdr.dev && d.header.first === 1).toBe(
        d.complete
      )
      for (const [i, r] of d.records.entries()) expect(r).toBe(recs[i])
    }
  })

  it('ignores garbage appended after the trailer', () => {
    expect(ok(decodeSegment(Buffer.concat([buf, Buffer.from('junk\n')]), { keys })).records).toEqual(recs)
  })
})

describe('encryption (AES-256-GCM blocks, SYNC.md §2.11)', () => {
  const ctx = { team: 'T', dev: 'a1b2c3d4e5f60718', first: 1, last: 9 }
  const plain = randomBytes(200_000)
  const body = encryptBlocks(plain, KEY, ctx)

  it('round-trips over several 64 KiB blocks', () => {
    expect(decryptBlocks(body, KEY, ctx)).toEqual({ plain, complete: true, damage: null })
  })

  it('detects a cut at a block boundary (isLast flag) and keeps the verified prefix', () => {
    const firstBlock = 4 + 12 + 65536 + 16
    const d = decryptBlocks(body.subarray(0, firstBlock), KEY, ctx)
    expect(d.complete).toBe(false)
    expect(d.plain.equals(plain.subarray(0, 65536))).toBe(true)
  })

  it('detects blocks swapped between files, devices or positions', () => {
    expect(decryptBlocks(body, KEY, { ...ctx, dev: 'ffffffffffffffff' }).plain.length).toBe(0)
    expect(decryptBlocks(body, KEY, { ...ctx, first: 2 }).complete).toBe(false)
    const firstBlock = 4 + 12 + 65536 + 16
    const swapped = Buffer.concat([body.subarray(firstBlock, 2 * firstBlock), body.subarray(0, firstBlock), body.subarray(2 * firstBlock)])
    expect(decryptBlocks(swapped, KEY, ctx)).toMatchObject({ complete: false, damage: 'block 0: authentication failed' })
  })

  it('moves nothing from a segment copied into another device\'s directory', () => {
    const seg = encodeSegment(header({ enc: { alg: 'A256GCM', keyId: 'k1' } }), recs, true, KEY)
    const text = seg.toString('latin1').replace('a1b2c3d4e5f60718', 'ffffffffffffffff')
    const d = decodeSegment(Buffer.from(text, 'latin1'), { keys })
    expect(d.status === 'ok' ? d.records.length : 0).toBe(0)
  })

  it('says "locked" without the key and "newer format" for fmt 2', () => {
    const seg = encodeSegment(header({ enc: { alg: 'A256GCM', keyId: 'k9' } }), recs, false, { keyId: 'k9', key: randomBytes(32) })
    expect(decodeSegment(seg, { keys }).status).toBe('locked')
    expect(decodeSegment(encodeSegment(header({ fmt: 2 }), recs, false, null), { keys })).toEqual({ status: 'newer-format', fmt: 2 })
    expect(decodeSegment(Buffer.alloc(0), { keys })).toEqual({ status: 'unreadable', reason: 'empty file' })
  })

  it('wraps the data key under scrypt(passphrase); a wrong passphrase is a plain-English error', () => {
    const { encryption, keyFile, dataKey } = createTeamKey('correct horse battery staple', '01JTEAM', 'k1', 1024)
    expect(unwrapDataKey('correct horse battery staple', encryption, keyFile).key.equals(dataKey.key)).toBe(true)
    const err = (() => {
      try {
        unwrapDataKey('Correct horse battery staple', encryption, keyFile)
      } catch (e) {
        return e
      }
      return null
    })()
    expect(err).toBeInstanceOf(SyncFolderError)
    expect((err as SyncFolderError).code).toBe('wrong-passphrase')
    expect((err as SyncFolderError).message).toMatch(/passphrase is not correct/)
    // a passphrase change re-wraps the same data key
    const rewrapped = wrapDataKey('new passphrase', '01JTEAM', encryption, dataKey)
    expect(unwrapDataKey('new passphrase', encryption, rewrapped).key.equals(dataKey.key)).toBe(true)
  })
})
