/**
 * Ops file format (SYNC.md §2.3). Plaintext: a CRC-framed header line, `crc32 JSON` record lines, and a
 * trailer `{"end":true,"n":…,"sha256":…}` over the header and record lines. Sealed segments are
 * gzip-compressed. Encrypted files keep the header line in clear and put everything after it into
 * AES-256-GCM blocks (gzip first when sealed).
 *
 * Decoding never throws on damage: it returns the records verified before the first bad byte and
 * says whether the file is complete, so the caller applies what it can and retries the rest later.
 */
import { createHash } from 'node:crypto'
import { constants, crc32, gunzipSync, gzipSync, inflateRawSync } from 'node:zlib'
import { decryptBlocks, encryptBlocks } from './blockCipher'
import type { DataKey } from './blockCipher'
import { decodeRecordLine, encodeRecordLine } from './recordFrame'
import type { RecordLineDecoder } from './recordFrame'

export const FORMAT_VERSION = 1

export type SegmentHeader = {
  fmt: number
  kind: 'ops'
  team: string
  dev: string
  first: number
  last: number
  schema: number
  app: string
  enc: null | { alg: 'A256GCM'; keyId: string }
  /**
   * Signed teams (docs/SYNC-SECURITY.md): the author's key id and causal past (its high-water mark
   * per device when it wrote the file). Both sit in the header, so the trailer's signature over the
   * file's SHA-256 covers them; readers that predate signing ignore the field.
   */
  sign?: { key: string; deps: Record<string, number> }
}

/** Signs a file's SHA-256 (hex) on publish; returns the signature (base64). */
export type SegmentSigner = (sha256: string) => string

export type DecodedSegment =
  | { status: 'ok'; header: SegmentHeader; records: string[]; complete: boolean; damage: string | null }
  /** Not one of ours, or no readable header yet (zero-byte placeholder, torn first line). */
  | { status: 'unreadable'; reason: string }
  | { status: 'newer-format'; fmt: number }
  | { status: 'locked'; header: SegmentHeader; keyId: string }

export type DecodeOptions = {
  keys: (keyId: string) => DataKey | null
  /** Test seam: the mutant suite swaps in a decoder without the CRC check. */
  decodeLine?: RecordLineDecoder
}

export function encodeSegment(header: SegmentHeader, records: readonly string[], sealed: boolean, key: DataKey | null, signer?: SegmentSigner): Buffer {
  // The header is CRC-framed like a record: its dev and range decide where records are applied,
  // so a flipped byte there must not pass just because the records' own CRCs are fine.
  const headerLine = encodeRecordLine(JSON.stringify(header)) + '\n'
  let body = ''
  for (const rec of records) body += encodeRecordLine(rec) + '\n'
  const sha = createHash('sha256').update(headerLine).update(body).digest('hex')
  // One signature per file, over the hash that already covers every byte before the trailer: a
  // million changes cost a few hundred signatures, not a million (see docs/SYNC-SECURITY.md).
  const trailer: { end: true; n: number; sha256: string; sig?: string } = { end: true, n: records.length, sha256: sha }
  if (signer) trailer.sig = signer(sha)
  body += JSON.stringify(trailer) + '\n'
  if (key === null) {
    const plain = Buffer.from(headerLine + body)
    return sealed ? gzipSync(plain, { level: 6 }) : plain
  }
  const inner = sealed ? gzipSync(Buffer.from(body), { level: 6 }) : Buffer.from(body)
  const ctx = { team: header.team, dev: header.dev, first: header.first, last: header.last }
  return Buffer.concat([Buffer.from(headerLine), encryptBlocks(inner, key, ctx)])
}

function parseHeader(line: string): SegmentHeader | { newer: number } | null {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const h = value as Record<string, unknown>
  if (typeof h.fmt !== 'number') return null
  if (h.fmt > FORMAT_VERSION) return { newer: h.fmt }
  if (h.kind !== 'ops' || typeof h.team !== 'string' || typeof h.dev !== 'string' || !/^[0-9a-f]{16}$/.test(h.dev)) return null
  if (typeof h.first !== 'number' || typeof h.last !== 'number' || h.first < 1 || h.last < h.first) return null
  const enc = h.enc
  if (enc !== null) {
    if (typeof enc !== 'object' || enc === undefined) return null
    const e = enc as Record<string, unknown>
    if (e.alg !== 'A256GCM' || typeof e.keyId !== 'string') return null
  }
  if (h.sign !== undefined) {
    const g = h.sign as Record<string, unknown> | null
    if (typeof g !== 'object' || g === null || typeof g.key !== 'string' || typeof g.deps !== 'object' || g.deps === null) return null
    if (!Object.values(g.deps).every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) return null
  }
  return value as SegmentHeader
}

function gunzipPartial(buf: Buffer): Buffer {
  // A torn gzip file still yields its intact prefix with SYNC_FLUSH; records there are CRC-checked.
  try {
    return gunzipSync(buf, { finishFlush: constants.Z_SYNC_FLUSH })
  } catch {
    // Garbage after the gzip member makes gunzip fail as a whole; the raw deflate stream behind our
    // fixed 10-byte gzip header still decodes and stops at its own end.
    try {
      return inflateRawSync(buf.subarray(10), { finishFlush: constants.Z_SYNC_FLUSH })
    } catch {
      return Buffer.alloc(0)
    }
  }
}

function isGzip(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b
}

const TRAILER = Buffer.from('{"end":')
const HEX8 = /^[0-9a-f]{8}$/

export type SegmentScan =
  /** `sha256`/`sig`: the verified trailer's hash and signature (null when absent or not reached). */
  | { status: 'ok'; header: SegmentHeader; count: number; complete: boolean; damage: string | null; sha256?: string; sig?: string | null }
  /** `accept` turned the header down (another team's file): no record was read. */
  | { status: 'refused'; header: SegmentHeader }
  | Exclude<DecodedSegment, { status: 'ok' }>

/**
 * Walks the record lines of a body (the bytes after the header line), handing each verified record's
 * JSON to `onRecord` as soon as it is checked; `onRecord` returns false to stop early. Works on the
 * bytes: the CRC is computed over the line's bytes and each record becomes a string only when it is
 * handed over, so a pull holds no whole-file string, no array of lines and no sliced strings that
 * would outlive a scavenge (on a cold join those were most of what reached the old generation).
 */
function scanBody(
  header: SegmentHeader,
  headerLine: string,
  body: Buffer,
  blocksComplete: boolean,
  decodeLine: RecordLineDecoder | null,
  onRecord: (json: string) => boolean
): SegmentScan {
  let count = 0
  let pos = 0
  for (let line = 2; ; line++) {
    const nl = body.indexOf(0x0a, pos)
    // No newline after this fragment: the file is still being written, or was torn.
    const end = nl < 0 ? body.length : nl
    if (end - pos >= TRAILER.length && body.compare(TRAILER, 0, TRAILER.length, pos, pos + TRAILER.length) === 0) {
      let trailer: unknown
      try {
        trailer = JSON.parse(body.toString('utf8', pos, end))
      } catch {
        return { status: 'ok', header, count, complete: false, damage: 'damaged trailer' }
      }
      const t = trailer as { n?: unknown; sha256?: unknown; sig?: unknown }
      const sha = createHash('sha256').update(headerLine + '\n').update(body.subarray(0, pos)).digest('hex')
      const ok = t.n === count && t.sha256 === sha && nl >= 0
      const sig = typeof t.sig === 'string' ? t.sig : null
      return { status: 'ok', header, count, complete: ok && blocksComplete, damage: ok ? null : 'trailer does not match', sha256: sha, sig }
    }
    let json: string | null = null
    if (nl >= 0) {
      if (decodeLine !== null) json = decodeLine(body.toString('utf8', pos, end))
      else if (end - pos >= 10 && body[pos + 8] === 0x20) {
        const prefix = body.toString('latin1', pos, pos + 8)
        if (HEX8.test(prefix) && crc32(body.subarray(pos + 9, end)) === Number.parseInt(prefix, 16)) json = body.toString('utf8', pos + 9, end)
      }
    }
    if (json === null) return { status: 'ok', header, count, complete: false, damage: end === pos ? 'no trailer' : `bad record at line ${line}` }
    count++
    if (!onRecord(json)) return { status: 'ok', header, count, complete: false, damage: null }
    pos = end + 1
  }
}

/** Decodes a file by calling `onRecord` for each verified record in order (see scanBody). */
export function scanSegment(buf: Buffer, opts: DecodeOptions, onRecord: (json: string) => boolean, accept: (header: SegmentHeader) => boolean = () => true): SegmentScan {
  const decodeLine = opts.decodeLine ?? null
  const raw = isGzip(buf) ? gunzipPartial(buf) : buf
  const nl = raw.indexOf(0x0a)
  if (nl < 0) return { status: 'unreadable', reason: raw.length === 0 ? 'empty file' : 'no header line' }
  const headerLine = raw.subarray(0, nl).toString('utf8')
  const headerJson = decodeRecordLine(headerLine)
  if (headerJson === null) return { status: 'unreadable', reason: 'damaged header' }
  const header = parseHeader(headerJson)
  if (header === null) return { status: 'unreadable', reason: 'not an SMO Desk ops file' }
  if ('newer' in header) return { status: 'newer-format', fmt: header.newer }
  if (!accept(header)) return { status: 'refused', header }
  if (header.enc === null) return scanBody(header, headerLine, raw.subarray(nl + 1), true, decodeLine, onRecord)
  const key = opts.keys(header.enc.keyId)
  if (key === null) return { status: 'locked', header, keyId: header.enc.keyId }
  const ctx = { team: header.team, dev: header.dev, first: header.first, last: header.last }
  const blocks = decryptBlocks(raw.subarray(nl + 1), key, ctx)
  const inner = isGzip(blocks.plain) ? gunzipPartial(blocks.plain) : blocks.plain
  const scanned = scanBody(header, headerLine, inner, blocks.complete, decodeLine, onRecord)
  if (scanned.status === 'ok' && blocks.damage !== null && scanned.damage === null) scanned.damage = blocks.damage
  return scanned
}

export function decodeSegment(buf: Buffer, opts: DecodeOptions): DecodedSegment {
  const records: string[] = []
  const scanned = scanSegment(buf, opts, (json) => {
    records.push(json)
    return true
  })
  if (scanned.status === 'refused') return { status: 'ok', header: scanned.header, records, complete: false, damage: 'refused' }
  if (scanned.status !== 'ok') return scanned
  return { status: 'ok', header: scanned.header, records, complete: scanned.complete, damage: scanned.damage }
}

/**
 * The header of an ops file without decoding its body (for a gzip file, only the first kilobytes are
 * inflated): lets a reader skip a file whose whole range it has already received, e.g. every file a
 * snapshot covers, by what the file says about itself rather than by its name. Null when unreadable.
 */
export function peekSegmentHeader(buf: Buffer): SegmentHeader | null {
  let head = buf
  if (isGzip(buf)) {
    try {
      head = inflateRawSync(buf.subarray(10, Math.min(buf.length, 10 + 4096)), { finishFlush: constants.Z_SYNC_FLUSH })
    } catch {
      return null
    }
  }
  const nl = head.indexOf(0x0a)
  if (nl < 0) return null
  const json = decodeRecordLine(head.subarray(0, nl).toString('utf8'))
  const header = json === null ? null : parseHeader(json)
  return header === null || 'newer' in header ? null : header
}
