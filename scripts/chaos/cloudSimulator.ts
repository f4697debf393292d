/**
 * A cloud sync client between the workers' local views of the team folder (SYNC.md §3.4). It picks up
 * what each device writes under its own `devices/<dev>/` in its own view and replicates it to the
 * other views late and out of order: sometimes the first k bytes first and the rest later, sometimes
 * with a conflicted copy beside it, sometimes a file or a whole device folder hidden for a while. A
 * device deleting its own files (sealing, old manifests) is propagated like a provider does, now and
 * then with a "zombie" restored from the trash for a moment. It never loses a file for good:
 * `settle()` delivers everything the owners still have.
 *
 * It is also the witness for writer isolation (I6): every file in every view is either the owner's
 * own (immutable once it has its final name) or something the simulator put there and remembers the
 * hash of. Anything else a worker created, changed or deleted is recorded in `violations`.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Rng } from '../../src/core/demo/seededRandom'
import { isTempFile, parseSyncFileName } from '../../src/core/sync/syncFileName'
import { COPY_MARKERS, conflictedName, isConflictedName } from './conflictedName'
import { walkFiles } from './walkFiles'
import type { FileSeen } from './walkFiles'

type Entry = { hash: string; size: number; mtimeMs: number; by: 'owner' | 'sim'; partial: boolean }
type View = { index: number; root: string; stash: string; devs: Set<string>; files: Map<string, Entry>; hiddenFiles: Map<string, number>; hiddenDirs: Map<string, number> }
/** `owner` -1: a team file (TEAM.json, README.txt) everyone reads and nobody may touch. */
type CloudFile = { owner: number; data: Buffer; hash: string; deleted: boolean }
type CloudEvent = { at: number; kind: 'deliver' | 'complete' | 'delete' | 'zombie'; view: number; rel: string }

export type SimStats = { delivered: number; partial: number; copies: number; hiddenFiles: number; hiddenDirs: number; deletes: number; zombies: number }

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
const devOf = (rel: string): string | null => (rel.startsWith('devices/') ? (rel.split('/')[1] ?? null) : null)
/**
 * A signed team's trust files (docs/SYNC-SECURITY.md): join requests, admitted keys, box keys and
 * key-ring wraps. Each is written once, by whichever computer makes it, and never changed.
 */
const TRUST_DIRS = ['requests/', 'keys/', 'boxkeys/', 'keyring/']
const isTrustFile = (rel: string): boolean => TRUST_DIRS.some((d) => rel.startsWith(d))

export class CloudSimulator {
  readonly violations: string[] = []
  readonly stats: SimStats = { delivered: 0, partial: 0, copies: 0, hiddenFiles: 0, hiddenDirs: 0, deletes: 0, zombies: 0 }
  private readonly views: View[] = []
  private readonly cloud = new Map<string, CloudFile>()
  private events: CloudEvent[] = []
  private readonly rng: Rng
  private readonly now: () => number

  constructor(rng: Rng, now: () => number = Date.now) {
    this.rng = rng
    this.now = now
  }

  addView(index: number, root: string, stash: string, dev: string): void {
    fs.mkdirSync(stash, { recursive: true })
    this.views[index] = { index, root, stash, devs: new Set([dev]), files: new Map(), hiddenFiles: new Map(), hiddenDirs: new Map() }
  }

  /** A re-keyed worker writes under a new device folder; its old one stays its own too. */
  addDevice(index: number, dev: string): void {
    this.views[index]?.devs.add(dev)
  }

  /** The founder wrote TEAM.json and README.txt: they become team files delivered everywhere. */
  adoptTeamFiles(index: number): void {
    const v = this.view(index)
    for (const [rel] of walkFiles(v.root)) {
      if (rel.includes('/') || isTempFile(rel)) continue
      const data = fs.readFileSync(path.join(v.root, rel))
      this.cloud.set(rel, { owner: -1, data, hash: sha(data), deleted: false })
      this.remember(v, rel, 'sim', false)
    }
  }

  /** The data of every ops file any device ever published, deleted ones included (the op graph). */
  cloudOpsFiles(): Buffer[] {
    return [...this.cloud.entries()].filter(([rel]) => parseSyncFileName(path.basename(rel)).kind === 'ops').map(([, f]) => f.data)
  }

  /** One step of chaos: notice what owners wrote or deleted, deliver what is due, inject faults. */
  tick(): void {
    for (const v of this.views) this.scan(v, false)
    const now = this.now()
    const due = this.events.filter((e) => e.at <= now).sort((a, b) => a.at - b.at)
    this.events = this.events.filter((e) => e.at > now)
    for (const e of due) this.apply(e)
    for (const v of this.views) this.restoreHidden(v, false)
    const r = this.rng
    if (r.chance(0.04)) this.conflictedCopy(r.pick(this.views))
    if (r.chance(0.04)) this.hideFile(r.pick(this.views))
    if (r.chance(0.006)) this.hideDir(r.pick(this.views))
  }

  /**
   * Quiescence: a scan (deep: every file re-hashed, for I6; else only changed sizes and times), everything hidden put back, and every
   * view made to hold exactly the files their owners still have, complete. Conflicted copies stay,
   * as they do with real providers.
   */
  settle(deep = true): void {
    for (const v of this.views) this.scan(v, deep)
    for (const v of this.views) this.restoreHidden(v, true)
    this.events = []
    for (const v of this.views) {
      for (const [rel, f] of this.cloud) {
        if (f.owner === v.index) continue
        const e = v.files.get(rel)
        if (f.deleted) {
          if (e) this.remove(v, rel)
        } else if (!e || e.partial || e.hash !== f.hash) this.write(v, rel, f.data, false)
      }
    }
  }

  private view(index: number): View {
    const v = this.views[index]
    if (!v) throw new Error(`no view ${index}`)
    return v
  }

  private isOwn(v: View, rel: string): boolean {
    const d = devOf(rel)
    return d !== null && v.devs.has(d) && rel.split('/').length === 3
  }

  private hidden(v: View, rel: string): boolean {
    const d = devOf(rel)
    return v.hiddenFiles.has(rel) || (d !== null && v.hiddenDirs.has(d))
  }

  /** Where a view's file physically is right now (hidden ones sit in the stash). */
  private where(v: View, rel: string): string {
    if (v.hiddenFiles.has(rel)) return path.join(v.stash, rel.replaceAll('/', '__'))
    const d = devOf(rel)
    if (d !== null && v.hiddenDirs.has(d)) return path.join(v.stash, `dir-${d}`, rel.split('/').slice(2).join('/'))
    return path.join(v.root, rel)
  }

  private remember(v: View, rel: string, by: Entry['by'], partial: boolean): Entry | null {
    const full = this.where(v, rel)
    try {
      const data = fs.readFileSync(full)
      const st = fs.statSync(full)
      const e: Entry = { hash: sha(data), size: st.size, mtimeMs: st.mtimeMs, by, partial }
      v.files.set(rel, e)
      return e
    } catch {
      return null
    }
  }

  private scan(v: View, deep: boolean): void {
    const seen = walkFiles(v.root)
    for (const [rel, st] of seen) this.scanFile(v, rel, st, deep)
    for (const [rel, e] of [...v.files]) {
      if (seen.has(rel) || this.hidden(v, rel)) continue
      v.files.delete(rel)
      if (e.by === 'owner') this.ownerDeleted(v, rel)
      else this.violations.push(`I6 view w${v.index}: a foreign file was deleted by its worker: ${rel}`)
    }
  }

  private scanFile(v: View, rel: string, st: FileSeen, deep: boolean): void {
    const name = path.basename(rel)
    const own = this.isOwn(v, rel)
    if (isTempFile(name)) {
      if (!own && !isTrustFile(rel)) this.flag(v, rel, `a temp file outside devices/<own>: ${rel}`)
      return
    }
    const e = v.files.get(rel)
    if (!e) {
      if (!own && !isTrustFile(rel)) return this.flag(v, rel, `created a file outside devices/<own>: ${rel}`)
      const made = this.remember(v, rel, 'owner', false)
      if (made) this.ownerWrote(v, rel, made)
      return
    }
    if (!deep && e.size === st.size && e.mtimeMs === st.mtimeMs) return
    const before = e.hash
    const now = this.remember(v, rel, e.by, e.partial)
    if (now && now.hash !== before) this.flag(v, rel, `modified an existing file: ${rel} (${e.by === 'owner' ? 'its own' : 'delivered'})`)
  }

  private flag(v: View, rel: string, what: string): void {
    const text = `I6 view w${v.index}: ${what}`
    if (!this.violations.includes(text)) this.violations.push(text)
    // Remember it so one breach is reported once, not on every scan.
    if (!v.files.has(rel)) this.remember(v, rel, 'sim', false)
  }

  private ownerWrote(v: View, rel: string, e: Entry): void {
    const known = this.cloud.get(rel)
    if (known && known.hash !== e.hash) {
      this.violations.push(`I6 view w${v.index}: name reused with different content: ${rel}`)
    }
    const data = fs.readFileSync(path.join(v.root, rel))
    this.cloud.set(rel, { owner: v.index, data, hash: e.hash, deleted: false })
    for (const other of this.views) if (other !== v) this.schedule(other.index, rel, 'deliver', this.delay())
  }

  private ownerDeleted(v: View, rel: string): void {
    const f = this.cloud.get(rel)
    if (!f) return
    f.deleted = true
    for (const other of this.views) if (other !== v) this.schedule(other.index, rel, 'delete', this.delay())
  }

  private delay(): number {
    const r = this.rng
    const x = r.next()
    return x < 0.7 ? r.int(20, 400) : x < 0.95 ? r.int(400, 2000) : r.int(2000, 6000)
  }

  private schedule(view: number, rel: string, kind: CloudEvent['kind'], after: number): void {
    this.events.push({ at: this.now() + after, kind, view, rel })
  }

  private apply(e: CloudEvent): void {
    const v = this.view(e.view)
    const f = this.cloud.get(e.rel)
    if (!f) return
    const d = devOf(e.rel)
    if (e.kind === 'delete') {
      if (!f.deleted || !v.files.has(e.rel)) return
      this.remove(v, e.rel)
      this.stats.deletes++
      if (this.rng.chance(0.08)) this.schedule(v.index, e.rel, 'zombie', this.rng.int(100, 1500))
      return
    }
    if (e.kind === 'zombie') {
      // Restored from the provider's trash for a while, then deleted again.
      if (!f.deleted || v.files.has(e.rel) || (d !== null && v.hiddenDirs.has(d))) return
      this.write(v, e.rel, f.data, false)
      this.stats.zombies++
      this.schedule(v.index, e.rel, 'delete', this.rng.int(200, 3000))
      return
    }
    if (f.deleted) return
    // A hidden file or folder is "not yet downloaded": try again later.
    if (this.hidden(v, e.rel)) return this.schedule(v.index, e.rel, e.kind, 300)
    const have = v.files.get(e.rel)
    if (e.kind === 'complete') {
      if (!have?.partial) return
      fs.appendFileSync(this.where(v, e.rel), f.data.subarray(have.size))
      this.remember(v, e.rel, 'sim', false)
      return
    }
    if (have && !have.partial && have.hash === f.hash) return
    if (have?.partial) return // its 'complete' is on the way
    if (this.rng.chance(0.25) && f.data.length > 1) {
      this.write(v, e.rel, f.data.subarray(0, this.rng.int(0, f.data.length - 1)), true)
      this.stats.partial++
      this.schedule(v.index, e.rel, 'complete', this.rng.int(100, 2500))
    } else this.write(v, e.rel, f.data, false)
    this.stats.delivered++
  }

  private write(v: View, rel: string, data: Buffer, partial: boolean): void {
    const full = this.where(v, rel)
    fs.mkdirSync(path.dirname(full), { recursive: true })
    fs.writeFileSync(full, data)
    this.remember(v, rel, 'sim', partial)
  }

  private remove(v: View, rel: string): void {
    try {
      fs.unlinkSync(this.where(v, rel))
    } catch {
      // Already gone (a worker breaching I6 is reported by the scan).
    }
    v.hiddenFiles.delete(rel)
    v.files.delete(rel)
  }

  private foreignFiles(v: View, filter: (rel: string, e: Entry) => boolean): string[] {
    return [...v.files].filter(([rel, e]) => e.by === 'sim' && devOf(rel) !== null && !this.hidden(v, rel) && filter(rel, e)).map(([rel]) => rel)
  }

  private conflictedCopy(v: View): void {
    const copies = [...v.files.keys()].filter((rel) => isConflictedName(path.basename(rel))).length
    if (copies >= 30) return
    const candidates = this.foreignFiles(v, (rel, e) => !e.partial && !isConflictedName(path.basename(rel)))
    if (candidates.length === 0) return
    const rel = this.rng.pick(candidates)
    const target = `${path.dirname(rel)}/${conflictedName(path.basename(rel), this.rng.pick(COPY_MARKERS))}`
    if (v.files.has(target)) return
    let data: Buffer
    try {
      data = fs.readFileSync(this.where(v, rel))
    } catch {
      return // gone under our feet; the scan reports who did it
    }
    // Identical content, or the copy a client kept of a half-downloaded file.
    this.write(v, target, this.rng.chance(0.7) ? data : data.subarray(0, this.rng.int(0, data.length)), false)
    this.stats.copies++
  }

  private hideFile(v: View): void {
    const candidates = this.foreignFiles(v, () => true)
    if (candidates.length === 0) return
    const rel = this.rng.pick(candidates)
    const from = path.join(v.root, rel)
    v.hiddenFiles.set(rel, this.now() + this.rng.int(500, 4000))
    try {
      fs.renameSync(from, this.where(v, rel))
      this.stats.hiddenFiles++
    } catch {
      v.hiddenFiles.delete(rel)
    }
  }

  private hideDir(v: View): void {
    const devs = [...new Set(this.foreignFiles(v, () => true).map((rel) => devOf(rel) ?? ''))].filter((d) => d !== '' && !v.devs.has(d))
    if (devs.length === 0) return
    const d = this.rng.pick(devs)
    // Files hidden one by one inside it go back first, so the folder moves as a whole.
    for (const rel of [...v.hiddenFiles.keys()]) if (devOf(rel) === d) this.unhideFile(v, rel)
    const target = path.join(v.stash, `dir-${d}`)
    fs.rmSync(target, { recursive: true, force: true })
    try {
      fs.renameSync(path.join(v.root, 'devices', d), target)
    } catch {
      return
    }
    v.hiddenDirs.set(d, this.now() + this.rng.int(1000, 5000))
    this.stats.hiddenDirs++
  }

  private unhideFile(v: View, rel: string): void {
    const from = this.where(v, rel)
    v.hiddenFiles.delete(rel)
    const f = this.cloud.get(rel)
    if (f?.deleted) {
      fs.rmSync(from, { force: true })
      v.files.delete(rel)
      return
    }
    fs.mkdirSync(path.dirname(path.join(v.root, rel)), { recursive: true })
    fs.renameSync(from, path.join(v.root, rel))
  }

  private restoreHidden(v: View, all: boolean): void {
    const now = this.now()
    for (const [rel, until] of [...v.hiddenFiles]) if (all || until <= now) this.unhideFile(v, rel)
    for (const [d, until] of [...v.hiddenDirs]) {
      if (!all && until > now) continue
      const from = path.join(v.stash, `dir-${d}`)
      const to = path.join(v.root, 'devices', d)
      v.hiddenDirs.delete(d)
      if (!fs.existsSync(to)) fs.renameSync(from, to)
      else {
        // Someone created the folder meanwhile (reported by the scan): put the files back one by one.
        for (const name of fs.readdirSync(from)) if (!fs.existsSync(path.join(to, name))) fs.renameSync(path.join(from, name), path.join(to, name))
        fs.rmSync(from, { recursive: true, force: true })
      }
    }
  }
}
