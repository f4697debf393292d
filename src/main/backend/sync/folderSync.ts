/**
 * One sync cycle between a SyncStore and a SyncFolder: flush the outbox (§2.4), seal (§2.4.4) and
 * pull (§2.5).
 */
import { parseOpRecord } from '../../../core/sync/op'
import type { ReceivedOp } from '../../../core/sync/op'
import { opReceiver } from '../../../core/sync/receiveOps'
import type { ReceiveReport } from '../../../core/sync/receiveOps'
import type { SyncStore } from '../../../core/sync/syncStore'
import type { SyncFileName } from '../../../core/sync/syncFileName'
import { SyncFolderError } from './folderError'
import { peekSegmentHeader } from './segmentCodec'
import type { SyncFolder } from './syncFolder'
import type { FileGuard, FileJudgement } from './signing/signingGuard'

export type FlushResult = { published: number; file: string | null }

/** Publishes every unpublished local op as one chunk. The outbox is marked only after verification. */
export function flushOutbox(store: SyncStore, folder: SyncFolder): FlushResult {
  const entries = store.unpublished()
  const first = entries[0]
  const last = entries[entries.length - 1]
  if (!first || !last) return { published: 0, file: null }
  const file = folder.publish(store.device, first.seq, last.seq, entries.map((e) => e.text), false)
  store.markPublished(last.seq, file)
  return { published: entries.length, file }
}

/**
 * Re-writes this device's published chunks as one sealed gzip segment, verifies it, then deletes
 * the chunks it covers. Readers may see both for a while; ops dedupe by dev:seq.
 *
 * In a signed team each op is judged against the causal past its file names (signingGuard), so a
 * seal must not move an op under another one: it joins only consecutive chunks that name the same
 * causal past, and signs the seal with exactly that. Re-signed with today's, a member's changes made
 * before their demotion would be refused by whoever reads the seal and applied by whoever read the
 * chunks. Chunks of a team's unsigned past (legacy) are left as they are.
 */
export function sealOwn(store: SyncStore, folder: SyncFolder): string | null {
  const own = folder.listOpsFiles().filter((f) => f.dir === store.device && f.parsed.kind === 'ops' && f.parsed.conflicted === null)
  const all = own.filter((f) => f.parsed.kind === 'ops' && !f.parsed.sealed).sort((a, b) => firstOf(a) - firstOf(b))
  let chunks = all
  let deps: Record<string, number> | undefined
  if (folder.signs) {
    const signOf = (f: (typeof all)[number]): string | null => {
      const h = peekSegmentHeader(folder.readRaw(f.path))
      return h?.sign ? JSON.stringify(Object.entries(h.sign.deps).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : null
    }
    const firstSign = all[0] ? signOf(all[0]) : null
    if (firstSign === null) return null
    const run = [all[0] as (typeof all)[number]]
    for (const f of all.slice(1)) {
      const prev = run[run.length - 1] as (typeof all)[number]
      if (firstOf(f) !== lastOf(prev) + 1 || signOf(f) !== firstSign) break
      run.push(f)
    }
    chunks = run
    deps = Object.fromEntries(JSON.parse(firstSign) as [string, number][])
  }
  if (chunks.length < 2) return null
  const from = Math.min(...chunks.map(firstOf))
  const to = Math.max(...chunks.map(lastOf))
  if (to > store.lastPublished()) return null
  const entries = store.localOps(from, to)
  if (entries.length !== to - from + 1) return null
  const file = folder.publish(store.device, from, to, entries.map((e) => e.text), true, deps)
  for (const c of chunks) folder.removeOwn(store.device, c.path)
  return file
}

const firstOf = (f: { parsed: SyncFileName }): number => (f.parsed.kind === 'ops' ? f.parsed.first : Infinity)
const lastOf = (f: { parsed: SyncFileName }): number => (f.parsed.kind === 'ops' ? f.parsed.last : 0)

export type PullReport = {
  filesRead: number
  filesSkipped: number
  applied: number
  duplicates: number
  forks: number
  skewedDevices: string[]
  bulkDeletes: ReceiveReport['bulkDeletes']
  /** Per-file problems that did not stop the cycle (locked, newer format, foreign, damaged). */
  problems: { path: string; code: SyncFolderError['code'] | 'damaged' | 'refused'; detail: string }[]
  /** Signed teams: changes refused by the guard (not applied, listed in sync health). */
  refused: number
}

const BACKOFF_MAX_MS = 5 * 60 * 1000
/** Ops parsed before they are applied: small enough to die in the young generation. */
const CHUNK_OPS = 256

/**
 * `guard` (signed teams): files are then applied whole or not at all, after their trailer and
 * signature verify and each op passed the member list (see signingGuard); without it, the valid
 * records of a torn file apply at once, as before signing.
 */
export function pullFolder(store: SyncStore, folder: SyncFolder, wallMs: number, guard: FileGuard | null = null): PullReport {
  const report: PullReport = { filesRead: 0, filesSkipped: 0, applied: 0, duplicates: 0, forks: 0, skewedDevices: [], bulkDeletes: [], problems: [], refused: 0 }
  const skewed = new Set<string>()
  const gaps = new Map(store.gaps().map((g) => [g.path, g]))
  // Oldest files first (mtime is only a hint here, as everywhere): an op's bases then usually
  // arrive before it, so most writes simply replace the one head they name instead of parking refs.
  // The merge is order-independent; this only changes how much work it does.
  const files = folder.listOpsFiles().sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  /** Signed files that waited for their causal past in this pull (read again once the rest is in). */
  const waited: typeof files = []
  const pullOne = (file: (typeof files)[number]): void => {
    const cached = store.fileState(file.path)
    const unchanged = cached !== undefined && cached.size === file.size && cached.mtimeMs === file.mtimeMs
    // mtime and size are cache hints only: a changed file is always re-read, an unchanged complete
    // (or foreign) one never, an unchanged damaged one after its backoff. A file of a newer format is
    // read again every round: after an update this app can read it, and until then the problem stays
    // on show instead of vanishing after one round.
    if (unchanged && (cached.state === 'done' || cached.state === 'foreign')) {
      report.filesSkipped++
      return
    }
    const gap = gaps.get(file.path)
    // A retry time further away than the longest backoff means the wall clock jumped backwards.
    if (unchanged && gap && gap.nextTry > wallMs && gap.nextTry - wallMs <= BACKOFF_MAX_MS) {
      report.filesSkipped++
      return
    }
    let buf: Buffer
    try {
      buf = folder.readRaw(file.path)
    } catch (err) {
      if (err instanceof SyncFolderError && err.transient) {
        report.problems.push({ path: file.path, code: err.code, detail: err.detail })
        return
      }
      throw err
    }
    const entry = { path: file.path, size: file.size, mtimeMs: file.mtimeMs }
    // A file whose whole range we hold already (every file a loaded snapshot covers, a seal of
    // chunks we read) is skipped on its header. Conflicted copies are always read: they are where a
    // fork (a copied profile writing the same seqs) shows up.
    if (file.parsed.kind === 'ops' && file.parsed.conflicted === null && folder.headerSays(buf, (h) => store.highWaterMark(h.dev) >= h.last)) {
      store.setFileState({ ...entry, state: 'done' })
      if (gap) store.clearGap(gap.dev, gap.from)
      report.filesSkipped++
      return
    }
    report.filesRead++
    // Records are parsed and applied in small chunks while the file is scanned, inside one nested
    // transaction (one batch of receipts per file): nothing of the file outlives its chunk.
    let ok = 0
    let judgement: FileJudgement | null = null
    const { scanned, r } = store.transaction(() => {
      const receiver = opReceiver(store, wallMs)
      // A signed file is judged whole: its ops wait here until the trailer and signature are checked.
      const held: ReceivedOp[] = []
      let chunk: ReceivedOp[] = []
      let dev = ''
      let first = 0
      let last = 0
      const scanned = folder.scan(
        buf,
        (h) => {
          ;({ dev, first, last } = h)
          return h.team === folder.teamId
        },
        (text) => {
          let value: unknown
          try {
            value = JSON.parse(text)
          } catch {
            return false
          }
          const op = parseOpRecord(dev, value)
          if (!op || op.s < first || op.s > last) return false
          ok++
          if (guard !== null) {
            held.push({ op, hash: store.fingerprint(text) })
            return true
          }
          chunk.push({ op, hash: store.fingerprint(text) })
          if (chunk.length === CHUNK_OPS) {
            receiver.add(chunk)
            chunk = []
          }
          return true
        }
      )
      receiver.add(chunk)
      if (guard !== null && scanned.status === 'ok') {
        if (!scanned.complete) ok = 0
        else {
          judgement = guard.judge(scanned.header, { sha256: scanned.sha256 ?? '', sig: scanned.sig ?? null }, held, (d) => store.highWaterMark(d))
          if (judgement.kind === 'wait') ok = 0
          else {
            if (judgement.kind === 'judged') {
              for (let i = 0; i < judgement.accept.length; i += CHUNK_OPS) receiver.add(judgement.accept.slice(i, i + CHUNK_OPS))
              // Genuine but not allowed: received (so the same ops are refused, never re-judged, and
              // ops based on them merge alike everywhere), never applied.
              for (const { op } of judgement.refuse) if (store.receivedHash(op.op.d, op.op.s) === undefined) store.markReceived(op.op.d, op.op.s, op.hash, op.op.h)
            }
            guard.record(file.path, scanned.header, judgement, new Date(wallMs).toISOString())
          }
        }
      }
      return { scanned, r: receiver.finish() }
    })
    if (scanned.status === 'newer-format') {
      store.setFileState({ ...entry, state: 'newer' })
      report.problems.push({ path: file.path, code: 'newer-format', detail: `fmt ${scanned.fmt}` })
      return
    }
    if (scanned.status === 'locked') {
      report.problems.push({ path: file.path, code: 'wrong-passphrase', detail: `key ${scanned.keyId}` })
      return
    }
    if (scanned.status !== 'ok') {
      // Empty placeholder, torn header, or a file from another team: retry later, never infer anything.
      const detail = scanned.status === 'unreadable' ? scanned.reason : `team ${scanned.header.team}`
      store.setFileState({ ...entry, state: scanned.status === 'unreadable' ? 'partial' : 'foreign' })
      report.problems.push({ path: file.path, code: scanned.status === 'unreadable' ? 'damaged' : 'other-team', detail })
      return
    }
    const { header } = scanned
    const judged = judgement as FileJudgement | null
    if (judged !== null && judged.kind !== 'wait') {
      const refused = judged.kind === 'judged' ? judged.refuse.length : header.last - header.first + 1
      if (refused > 0) {
        report.refused += refused
        report.problems.push({ path: file.path, code: 'refused', detail: `${judged.who}: ${judged.kind === 'judged' ? (judged.refuse[0]?.reason ?? '') : judged.reason}` })
      }
      if (judged.kind === 'rejected') {
        // Nothing of a forged or unsigned file counts; read it again only if it changes.
        store.setFileState({ ...entry, state: 'done' })
        if (gap) store.clearGap(gap.dev, gap.from)
        return
      }
    }
    report.applied += r.applied
    report.duplicates += r.duplicates
    report.forks += r.forks.length
    for (const d of r.skewedDevices) skewed.add(d)
    report.bulkDeletes.push(...r.bulkDeletes)
    // A torn duplicate whose every seq arrived through another file has nothing left to give.
    const whole = (scanned.complete && ok === header.last - header.first + 1) || (judged === null && store.highWaterMark(header.dev) >= header.last)
    store.setFileState({ ...entry, state: whole ? 'done' : 'partial' })
    if (whole) {
      if (gap) store.clearGap(gap.dev, gap.from)
    } else {
      const tries = (gap?.tries ?? 0) + 1
      const from = header.first + ok
      if (gap && gap.from !== from) store.clearGap(gap.dev, gap.from)
      // A file waiting for changes it builds on is not damaged: no backoff, it is read again in this
      // pull once the others are in, and in every round after until what it waits for arrives.
      const waiting = judged?.kind === 'wait'
      if (waiting) waited.push(file)
      store.setGap({ dev: header.dev, from, to: header.last, path: file.path, tries, nextTry: waiting ? wallMs : wallMs + Math.min(BACKOFF_MAX_MS, 1000 * 2 ** tries) })
      report.problems.push({ path: file.path, code: 'damaged', detail: judged?.kind === 'wait' ? judged.reason : (scanned.damage ?? 'incomplete') })
    }
  }
  // One transaction for the whole pull: a field rewritten by many files (a cold join) is written
  // once, and one commit replaces hundreds. Memory is bounded by the fields touched, not the ops:
  // the parsed ops of one chunk are dropped once merged.
  store.transaction(() => {
    for (const file of files) pullOne(file)
    // Files come in mtime order, so one may wait for a change that a later file of this very pull
    // brought; read the waiting ones again while that settles more of them (chains are short).
    for (let before = Infinity; waited.length > 0 && waited.length < before; ) {
      before = waited.length
      for (const file of waited.splice(0)) pullOne(file)
    }
  })
  // A gap is closed as soon as every seq of it arrived, from whichever file.
  for (const g of store.gaps()) if (store.highWaterMark(g.dev) >= g.to) store.clearGap(g.dev, g.from)
  report.skewedDevices = [...skewed].sort()
  return report
}
