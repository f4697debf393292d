import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { KindName } from '../../../core/domain/recordKinds'

type Saved = Record<string, Record<string, string>>

const fileOf = (wsDir: string) => join(wsDir, 'imports', 'mappings.json')

/** A file's shape: its kind and its column names, so next month's export of the same report finds this month's choices. */
export const shapeOf = (kind: KindName, headers: readonly string[]): string => `${kind}|${headers.map((h) => h.trim().toLowerCase()).join('|')}`

/** A monitoring tool's or scheduler's export, whatever columns this month's has: the choices made for that source. */
export const sourceOf = (kind: KindName, preset: string): string => `${kind}|preset:${preset}`

function load(wsDir: string): Saved {
  try {
    const v: unknown = JSON.parse(readFileSync(fileOf(wsDir), 'utf8'))
    return v !== null && typeof v === 'object' ? (v as Saved) : {}
  } catch {
    // None saved yet, or a damaged file: start again rather than refuse an import over a convenience.
    return {}
  }
}

/**
 * The column choices a person made for a file of this shape, saved beside the workspace (this
 * computer's `imports/mappings.json`) when an import with them succeeded, and offered again for the
 * next file with the same columns. A preset or today's choices still win over them.
 */
export const importMappings = {
  get(wsDir: string, kind: KindName, headers: readonly string[]): Record<string, string> {
    return load(wsDir)[shapeOf(kind, headers)] ?? {}
  },
  /** The choices saved for one preset's files (a source), over the preset's own columns. */
  getForPreset(wsDir: string, kind: KindName, preset: string | null | undefined): Record<string, string> {
    return preset ? (load(wsDir)[sourceOf(kind, preset)] ?? {}) : {}
  },
  save(wsDir: string, kind: KindName, headers: readonly string[], mapping: Record<string, string>, preset?: string | null): void {
    if (Object.keys(mapping).length === 0) return
    const all = load(wsDir)
    all[shapeOf(kind, headers)] = mapping
    if (preset && preset !== 'generic') all[sourceOf(kind, preset)] = { ...all[sourceOf(kind, preset)], ...mapping }
    mkdirSync(join(wsDir, 'imports'), { recursive: true })
    const tmp = `${fileOf(wsDir)}.partial`
    writeFileSync(tmp, JSON.stringify(all, null, 1))
    renameSync(tmp, fileOf(wsDir))
  }
}
