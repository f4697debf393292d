/**
 * A per-device view of the shared folder with the faults of SYNC.md §3.3: files not yet visible,
 * truncated at any byte, bit flips, zero-byte placeholders and conflicted-copy duplicates. Writes go
 * to the real folder and are logged, so the model can check writer isolation (I6).
 */
import { seededUniform } from '../../../src/core/scoring/seededUniform'
import path from 'node:path'
import { realFolderIo } from '../../../src/main/backend/sync/folderIo'
import type { FileStat, FolderIo } from '../../../src/main/backend/sync/folderIo'

export type Prng = () => number

/** A seeded PRNG (the core's mulberry32) so that a fast-check seed replays the same faults. */
export const prng: (seed: number) => Prng = seededUniform

type Fault = { kind: 'ok' } | { kind: 'trunc'; at: number } | { kind: 'flip'; at: number } | { kind: 'zero' }

const COPY_MARKERS = [' (conflicted copy 2026-11-23 101010)', " (Sam's conflicted copy 2026-11-23)", ' (1)', '.sync-conflict-20261123-101010-ABCDEFG', '-LAPTOP7']

export class FaultyIo implements FolderIo {
  private rand: Prng | null = null
  private readonly faults = new Map<string, Fault>()
  private readonly aliases = new Map<string, string>()
  readonly writes: string[] = []

  /** Turns faults on for one pull (seeded) or off (null). */
  setFaults(seed: number | null): void {
    this.rand = seed === null ? null : prng(seed)
    this.faults.clear()
    this.aliases.clear()
  }

  private real(p: string): string {
    return this.aliases.get(p) ?? p
  }

  private fault(p: string, size: number): Fault {
    let f = this.faults.get(p)
    if (f) return f
    const r = this.rand ? this.rand() : 1
    const pos = this.rand ? this.rand() : 0
    if (r < 0.15) f = { kind: 'trunc', at: Math.floor(pos * size) }
    else if (r < 0.2) f = { kind: 'flip', at: Math.floor(pos * size) }
    else if (r < 0.25) f = { kind: 'zero' }
    else f = { kind: 'ok' }
    this.faults.set(p, f)
    return f
  }

  readdir(dir: string): string[] {
    const names = realFolderIo.readdir(dir)
    if (!this.rand || !dir.includes(`${path.sep}devices${path.sep}`)) return names
    const out: string[] = []
    for (const name of names) {
      if (this.rand() < 0.15) continue // not yet visible on this reader
      out.push(name)
      if (this.rand() < 0.1 && name.startsWith('ops-')) {
        const marker = COPY_MARKERS[Math.floor(this.rand() * COPY_MARKERS.length)] ?? ' (1)'
        const dot = name.indexOf('.')
        const copy = marker.startsWith('.sync') ? name.slice(0, dot) + marker + name.slice(dot) : name.slice(0, dot) + marker + name.slice(dot)
        this.aliases.set(path.join(dir, copy), path.join(dir, name))
        out.push(copy)
      }
    }
    return out
  }

  stat(p: string): FileStat {
    const st = realFolderIo.stat(this.real(p))
    if (!this.rand || st.isDirectory) return st
    const f = this.fault(p, st.size)
    if (f.kind === 'trunc') return { ...st, size: f.at }
    if (f.kind === 'zero') return { ...st, size: 0 }
    return st
  }

  readFile(p: string): Buffer {
    const buf = realFolderIo.readFile(this.real(p))
    if (!this.rand) return buf
    const f = this.fault(p, buf.length)
    if (f.kind === 'trunc') return buf.subarray(0, f.at)
    if (f.kind === 'zero') return Buffer.alloc(0)
    if (f.kind === 'flip' && buf.length > 0) {
      const copy = Buffer.from(buf)
      copy[f.at] = (copy[f.at] ?? 0) ^ (1 << Math.floor((this.rand?.() ?? 0) * 8))
      return copy
    }
    return buf
  }

  writeNew(p: string, data: Buffer, durable: boolean): void {
    this.writes.push(p)
    realFolderIo.writeNew(p, data, durable)
  }
  renameNoReplace(source: string, target: string): boolean {
    this.writes.push(target)
    return realFolderIo.renameNoReplace(source, target)
  }
  unlink(p: string): void {
    this.writes.push(p)
    realFolderIo.unlink(p)
  }
  mkdirp(p: string): void {
    realFolderIo.mkdirp(p)
  }
  exists(p: string): boolean {
    return realFolderIo.exists(this.real(p))
  }
}
