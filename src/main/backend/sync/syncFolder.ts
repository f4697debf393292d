/**
 * The shared-folder driver (SYNC.md §2.2, §2.4, §2.5): publishing immutable ops files under this
 * device's own directory, listing and reading every device's files. It never deletes or overwrites
 * anything because a file is missing, empty, torn or a conflicted copy; the only deletions are a
 * device's own chunks after a verified seal and its own orphan temp files.
 */
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { isTempFile, opsFileName, parseSyncFileName } from '../../../core/sync/syncFileName'
import type { SyncFileName } from '../../../core/sync/syncFileName'
import type { DataKey } from './blockCipher'
import { classifyFsError, SyncFolderError } from './folderError'
import { realFolderIo } from './folderIo'
import type { FolderIo } from './folderIo'
import type { RecordLineDecoder } from './recordFrame'
import { decodeSegment, encodeSegment, FORMAT_VERSION, peekSegmentHeader, scanSegment } from './segmentCodec'
import type { DecodedSegment, SegmentHeader, SegmentScan } from './segmentCodec'

/** Signed teams: who signs this device's files, and its causal past at the moment it publishes. */
export type FolderSigner = { keyId: string; sign: (sha256: string) => string; deps: () => Record<string, number> }

/** Crash injection for tests: a hook that throws simulates kill -9 at that step. */
export type PublishHooks = { afterTempWrite?: () => void; afterRename?: () => void }

export type SyncFolderOptions = {
  teamId: string
  io?: FolderIo
  /** Key used for new files; null writes plaintext. */
  writeKey?: DataKey | null
  /** Every key generation this device can unwrap, for reading. */
  readKeys?: readonly DataKey[]
  /** fsync before rename; tests on tmpfs may turn it off for speed. */
  durable?: boolean
  schema?: number
  app?: string
  hooks?: PublishHooks
  decodeLine?: RecordLineDecoder
  signer?: FolderSigner | null
}

export type OpsFileEntry = { path: string; dir: string; name: string; size: number; mtimeMs: number; parsed: SyncFileName }

export class SyncFolder {
  readonly root: string
  readonly io: FolderIo
  private readonly opts: SyncFolderOptions

  constructor(root: string, opts: SyncFolderOptions) {
    this.root = root
    this.opts = opts
    this.io = opts.io ?? realFolderIo
  }

  get teamId(): string {
    return this.opts.teamId
  }

  deviceDir(dev: string): string {
    return path.join(this.root, 'devices', dev)
  }

  private key(keyId: string): DataKey | null {
    return this.opts.readKeys?.find((k) => k.keyId === keyId) ?? (this.opts.writeKey?.keyId === keyId ? this.opts.writeKey : null)
  }

  decode(buf: Buffer): DecodedSegment {
    const opts = this.opts.decodeLine ? { keys: (id: string) => this.key(id), decodeLine: this.opts.decodeLine } : { keys: (id: string) => this.key(id) }
    return decodeSegment(buf, opts)
  }

  private sameRecords(decoded: DecodedSegment, dev: string, records: readonly string[]): boolean {
    if (decoded.status !== 'ok' || !decoded.complete || decoded.header.dev !== dev) return false
    if (decoded.header.team !== this.opts.teamId || decoded.records.length !== records.length) return false
    return decoded.records.every((r, i) => r === records[i])
  }

  /** True when this folder signs what it publishes (a signed team). */
  get signs(): boolean {
    return (this.opts.signer ?? null) !== null
  }

  /**
   * Temp → fsync → create-only rename → verify. Returns the relative path. If the final name exists
   * already (a crash after rename last time) it is accepted only if it holds exactly these records.
   */
  publish(dev: string, first: number, last: number, records: readonly string[], sealed: boolean, deps?: Record<string, number>): string {
    const key = this.opts.writeKey ?? null
    const name = opsFileName(first, last, sealed, key !== null)
    const dir = this.deviceDir(dev)
    const target = path.join(dir, name)
    const signer = this.opts.signer ?? null
    const header: SegmentHeader = {
      fmt: FORMAT_VERSION,
      kind: 'ops' as const,
      team: this.opts.teamId,
      dev,
      first,
      last,
      schema: this.opts.schema ?? 1,
      app: this.opts.app ?? '0.1.0',
      enc: key ? { alg: 'A256GCM' as const, keyId: key.keyId } : null
    }
    // `deps`: a seal re-signs chunks under the causal past they were first published with.
    if (signer) header.sign = { key: signer.keyId, deps: deps ?? signer.deps() }
    const data = encodeSegment(header, records, sealed, key, signer ? (sha) => signer.sign(sha) : undefined)
    const temp = `${target}.tmp-${randomBytes(4).toString('hex')}`
    try {
      this.io.mkdirp(dir)
      this.io.writeNew(temp, data, this.opts.durable ?? true)
      this.opts.hooks?.afterTempWrite?.()
      if (!this.io.renameNoReplace(temp, target)) {
        this.io.unlink(temp)
        if (!this.sameRecords(this.decode(this.io.readFile(target)), dev, records)) throw new SyncFolderError('name-taken', target)
      }
      this.opts.hooks?.afterRename?.()
      if (!this.sameRecords(this.decode(this.io.readFile(target)), dev, records)) throw new SyncFolderError('verify-failed', target)
    } catch (err) {
      throw classifyFsError(err, target)
    }
    return path.relative(this.root, target)
  }

  /** Every ops file under devices/, conflicted copies included, temp files skipped. */
  listOpsFiles(): OpsFileEntry[] {
    const base = path.join(this.root, 'devices')
    let dirs: string[]
    try {
      dirs = this.io.readdir(base)
    } catch (err) {
      const e = classifyFsError(err, base)
      // No devices/ yet is a new team, not an error; a missing root is reported by openTeam.
      if (e instanceof SyncFolderError && e.code === 'missing' && this.io.exists(this.root)) return []
      throw e
    }
    const out: OpsFileEntry[] = []
    for (const dir of dirs.sort()) {
      let names: string[]
      try {
        names = this.io.readdir(path.join(base, dir))
      } catch {
        continue // listed but gone, or a stray file: look again next cycle
      }
      for (const name of names.sort()) {
        if (isTempFile(name)) continue
        const parsed = parseSyncFileName(name)
        if (parsed.kind !== 'ops') continue
        const rel = path.join('devices', dir, name)
        try {
          const st = this.io.stat(path.join(this.root, rel))
          out.push({ path: rel, dir, name, size: st.size, mtimeMs: st.mtimeMs, parsed })
        } catch {
          continue
        }
      }
    }
    return out
  }

  read(rel: string): DecodedSegment {
    return this.decode(this.readRaw(rel))
  }

  /** A file's bytes; file-system errors become SyncFolderErrors a person can act on. */
  readRaw(rel: string): Buffer {
    const full = path.join(this.root, rel)
    try {
      return this.io.readFile(full)
    } catch (err) {
      throw classifyFsError(err, full)
    }
  }

  /** True when the file's own header (only it is inflated) is this team's and `test` holds for it. */
  headerSays(buf: Buffer, test: (header: SegmentHeader) => boolean): boolean {
    const header = peekSegmentHeader(buf)
    return header !== null && header.team === this.opts.teamId && test(header)
  }

  /** Streams a file's verified records to `onRecord` (see scanSegment); `accept` sees the header first. */
  scan(buf: Buffer, accept: (header: SegmentHeader) => boolean, onRecord: (json: string) => boolean): SegmentScan {
    const opts = this.opts.decodeLine ? { keys: (id: string) => this.key(id), decodeLine: this.opts.decodeLine } : { keys: (id: string) => this.key(id) }
    return scanSegment(buf, opts, onRecord, accept)
  }

  /** Deletes one of this device's own files; anything outside devices/<dev>/ is refused. */
  removeOwn(dev: string, rel: string): void {
    const full = path.resolve(this.root, rel)
    if (path.dirname(full) !== path.resolve(this.deviceDir(dev))) throw new Error(`sync: refusing to delete ${rel}`)
    this.io.unlink(full)
  }

  /** Removes this device's orphan temp files left by a crash (never anyone else's). */
  sweepTemps(dev: string): number {
    const dir = this.deviceDir(dev)
    if (!this.io.exists(dir)) return 0
    let n = 0
    for (const name of this.io.readdir(dir)) {
      if (name.includes('.tmp-')) {
        this.io.unlink(path.join(dir, name))
        n++
      }
    }
    return n
  }
}
