import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { ApiError } from '../../../core/api/apiError'
import type { BackupEntry } from '../../../core/api/methods/transferMethods'
import type { RestoreSource, RestoreSummary } from '../../../core/api/methods/restoreMethods'
import { kindNames, recordKinds } from '../../../core/domain/recordKinds'
import { createBackend, type Backend } from '../backend'
import { createBackup } from '../backup/createBackup'
import { listBackups } from '../backup/listBackups'
import { replaceTables } from '../backup/replaceTables'
import { inspectBackupFile } from '../backup/restoreWorkspace'
import { latestVersion } from '../db/migrations/index'
import { migrate } from '../db/migrate'
import { openWorkspace } from '../openWorkspace'
import { memorySettings } from '../settings/memorySettings'
import { WorkspaceError } from '../workspaceError'
import { forgetSyncState } from './syncService'
import { importJson } from './transferJson'

const madeBy = (schema: number) =>
  schema === latestVersion ? 'this version of SMO Desk' : `an older SMO Desk (schema ${schema}; brought up to date when it is loaded)`

const newer = (what: string, schema: number) =>
  new ApiError('invalid_input', `${what} was written by a newer SMO Desk (schema ${schema}; this one reads up to ${latestVersion}). Update SMO Desk to load it; nothing was changed.`)

function backupOf(b: Backend, name: string): BackupEntry {
  // By name from the list only: a page cannot make the backend read any other file.
  const entry = listBackups(b.ws.paths.backups).find((e) => e.name === name)
  if (!entry) throw new ApiError('not_found', `There is no backup named ${name} in ${b.ws.paths.backups}. Reload the list and choose again.`)
  return entry
}

function countsIn(file: string): RestoreSummary['counts'] {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[])
    return kindNames.map((k) => {
      const t = recordKinds[k].table
      const count = tables.has(t) ? ((db.prepare(`SELECT count(*) FROM "${t}" WHERE deleted_at IS NULL`).pluck().get() as number) ?? 0) : 0
      return { kind: k, label: recordKinds[k].plural, count }
    })
  } finally {
    db.close()
  }
}

type JsonHead = { schemaVersion: number; exportedAt: string; records: Record<string, unknown[]> }

function readJsonHead(text: string, name: string): JsonHead {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    throw new ApiError('invalid_input', `${name} is not JSON (${e instanceof Error ? e.message : String(e)}). Choose a file made with Export everything (JSON); nothing was changed.`)
  }
  const d = doc as Partial<JsonHead & { format: string; version: number }>
  if (typeof d !== 'object' || d === null || d.format !== 'smo-desk-export' || typeof d.records !== 'object' || d.records === null)
    throw new ApiError('invalid_input', `${name} is not an SMO Desk JSON export. Choose a file made with Export everything (JSON); nothing was changed.`)
  if (typeof d.version === 'number' && d.version > 1) throw newer(name, d.schemaVersion ?? latestVersion + 1)
  if (typeof d.schemaVersion === 'number' && d.schemaVersion > latestVersion) throw newer(name, d.schemaVersion)
  return { schemaVersion: d.schemaVersion ?? latestVersion, exportedAt: String(d.exportedAt ?? ''), records: d.records }
}

/** What a backup or JSON export holds, refused here already when it cannot be loaded (newer, not ours, damaged). */
export function inspectRestore(b: Backend, src: RestoreSource): RestoreSummary {
  if (src.backup !== undefined) {
    const entry = backupOf(b, src.backup)
    let schema: number
    try {
      schema = inspectBackupFile(entry.path)
    } catch (e) {
      if (e instanceof WorkspaceError && e.reason === 'newer_schema') throw newer(entry.name, Number(/schema (\d+)/.exec(e.message)?.[1] ?? 0))
      throw new ApiError('invalid_input', e instanceof Error ? e.message : String(e))
    }
    return { source: 'backup', name: entry.name, madeAt: entry.createdAt, schemaVersion: schema, madeBy: madeBy(schema), counts: countsIn(entry.path) }
  }
  const name = src.fileName ?? 'The file'
  const head = readJsonHead(src.json ?? '', name)
  return {
    source: 'json',
    name,
    madeAt: head.exportedAt,
    schemaVersion: head.schemaVersion,
    madeBy: madeBy(head.schemaVersion),
    counts: kindNames.map((k) => ({ kind: k, label: recordKinds[k].plural, count: Array.isArray(head.records[k]) ? head.records[k].length : 0 }))
  }
}

/** The source as a database file at this app's schema, in `tmp`: a migrated copy of a backup, or an export loaded into a new workspace. */
async function prepareSource(b: Backend, src: RestoreSource, tmp: string): Promise<string> {
  if (src.backup !== undefined) {
    const file = join(tmp, 'source.sqlite')
    const from = new Database(backupOf(b, src.backup).path, { readonly: true, fileMustExist: true })
    try {
      await from.backup(file)
    } finally {
      from.close()
    }
    const db = new Database(file)
    try {
      await migrate(db, file, () => join(tmp, 'before-migration.sqlite'))
    } finally {
      db.close()
    }
    return file
  }
  // Every check of `smo import --all` (each record against its kind, every reference resolved) runs
  // on a workspace of its own; a file that fails them never reaches this one.
  const ws = await openWorkspace(join(tmp, 'loaded'), { create: true })
  const loaded = createBackend(ws, memorySettings(), b.secrets, b.now)
  try {
    importJson(loaded, src.json ?? '', src.fileName ?? 'The file')
  } finally {
    loaded.close()
  }
  return ws.paths.db
}

/**
 * Restore a backup or load a JSON export from the app (issue #15 item 5): check it, take a safety
 * backup of the current state (restoring that one is "Undo restore"), then replace every record in
 * one transaction on the open connection. Any failure before the commit leaves the data as it was.
 */
export async function applyRestore(b: Backend, src: RestoreSource): Promise<{ summary: RestoreSummary; safetyBackup: BackupEntry }> {
  const summary = inspectRestore(b, src)
  const tmp = mkdtempSync(join(b.ws.paths.dir, '.restore-'))
  try {
    const source = await prepareSource(b, src, tmp)
    if (!existsSync(source)) throw new ApiError('internal', 'The file to restore could not be prepared; nothing was changed.')
    const safetyBackup = await createBackup(b.db.raw, b.ws.paths.backups, 'before-restore', b.now())
    replaceTables(b.db.raw, source)
    // The team-sync bookkeeping held in memory described the records that were just replaced.
    forgetSyncState(b)
    b.events.emit('data-changed', { tx: `restore:${safetyBackup.name}`, kinds: [...kindNames], ids: [] })
    return { summary, safetyBackup }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}
