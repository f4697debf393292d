import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { latestVersion } from './db/migrations/index'
import { wrapDb, type Db } from './db/db'
import { sql } from './db/sql'
import { connectionPragmas } from './db/connectionPragmas'
import { cleanClose } from './cleanClose'
import { acquireWorkspaceLock } from './workspaceLock'
import { WorkspaceError } from './workspaceError'
import { workspacePaths } from './workspacePaths'

export type Workspace = {
  paths: ReturnType<typeof workspacePaths>
  db: Db
  deviceId: string
  schemaVersion: number
  migratedFrom: number
  close: () => void
}

export type OpenOptions = {
  /** Create the folder and an empty database if they are missing. */
  create?: boolean
  /** Take the single-writer lock, naming the host that holds it ("browser host on port 5123"). */
  lock?: string | false
  readonly?: boolean
  /**
   * SQLite's full integrity check (which also compares every index with its table) instead of the
   * quick check: `smo check` asks for it, so the file's pages are read once, not twice.
   */
  fullCheck?: boolean
}

/**
 * Damage found while looking at the file. The refusal's wording needs the backups (reading each
 * candidate, with the record codecs behind it), loaded only when there is damage: a healthy open
 * — `smo check` above all — does not pay for that code (issue #17).
 */
class Damage extends Error {
  constructor(readonly problem: string) {
    super(problem)
  }
}

const MAGIC = 'SQLite format 3\u0000'

function sqliteFailure(file: string, e: unknown): WorkspaceError {
  const code = (e as { code?: string }).code ?? ''
  const msg = e instanceof Error ? e.message : String(e)
  if (code === 'SQLITE_NOTADB')
    return new WorkspaceError('not_sqlite', `${file} is not an SMO Desk workspace database (${msg}). Choose another folder; the file was not changed.`)
  if (code.startsWith('SQLITE_CORRUPT'))
    return new WorkspaceError('corrupt', `${file} is damaged (${msg}). Restore a copy from the backups folder beside it; the file was not changed.`)
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES')
    return new WorkspaceError('unwritable', `${file} cannot be opened for writing (${msg}). Check the folder's permissions.`)
  return new WorkspaceError('corrupt', `${file} could not be opened (${msg}). The file was not changed.`)
}

/**
 * Look at the file before SQLite writes anything to it: wrong kind of file, a newer schema or a
 * damaged one is refused untouched. The quick check reads every page (about 0.4 s for a 240 MB
 * workspace of 100,000 items, a few ms for a usual one), which is what finds damage in the middle
 * of the file that a header check would miss.
 */
function inspect(file: string, fullCheck: boolean): number {
  if (!existsSync(file)) return 0
  const size = statSync(file).size
  if (size === 0) return 0
  const head = Buffer.alloc(16)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, head, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  if (head.toString('latin1') !== MAGIC)
    throw new WorkspaceError('not_sqlite', `${file} is not an SQLite database, so it is not an SMO Desk workspace. Choose another folder; the file was not changed.`)
  let probe: Database.Database | null = null
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true })
    const version = Number(probe.pragma('user_version', { simple: true }))
    probe.prepare('SELECT count(*) FROM sqlite_schema').get()
    if (version > latestVersion) return version
    // Unchanged since this computer closed it cleanly: the quick check would read every page for nothing.
    if (!fullCheck && cleanClose.unchangedSince(probe, file)) return version
    const check = fullCheck ? 'integrity_check' : 'quick_check'
    const answer = (probe.pragma(`${check}(20)`, { simple: false }) as Record<string, string>[]).map((r) => r[check] ?? '')
    if (answer[0] !== 'ok') {
      // SQLite answers in lines ("*** in database main ***", "Tree 38 page 226: …"); the refusal is one sentence.
      const lines = answer.flatMap((a) => a.split('\n')).filter((l) => l.trim() !== '' && !l.startsWith('***'))
      const more = lines.length < 2 ? '' : lines.length >= 20 ? ' and many more problems' : ` and ${lines.length - 1} more problems`
      throw new Damage(`${lines[0] ?? 'no answer'}${more}`)
    }
    return version
  } catch (e) {
    if (e instanceof WorkspaceError || e instanceof Damage) throw e
    if (((e as { code?: string }).code ?? '').startsWith('SQLITE_CORRUPT')) throw new Damage(e instanceof Error ? e.message : String(e))
    throw sqliteFailure(file, e)
  } finally {
    probe?.close()
  }
}

/**
 * Open (and if asked, create) a workspace folder: refuse files that are not ours or too new before
 * writing anything, take the writer lock, set the pragmas, back up and migrate, and make sure this
 * database has a device id for its change records.
 */
export async function openWorkspace(dir: string, options: OpenOptions = {}): Promise<Workspace> {
  const paths = workspacePaths(dir)
  if (!existsSync(dir)) {
    if (!options.create) throw new WorkspaceError('missing', `There is no workspace at ${dir}. Create one with \`smo demo --workspace ${dir}\` or open another folder.`)
    mkdirSync(dir, { recursive: true })
  }
  if (!existsSync(paths.db) && !options.create)
    throw new WorkspaceError('missing', `${dir} holds no workspace (no workspace.sqlite). Create one with \`smo demo --workspace ${dir}\`.`)
  let version: number
  try {
    version = inspect(paths.db, options.fullCheck ?? false)
  } catch (e) {
    if (!(e instanceof Damage)) throw e
    const { damagedWorkspace } = await import('./damagedWorkspace')
    throw damagedWorkspace(dir, e.problem)
  }
  if (version > latestVersion)
    throw new WorkspaceError(
      'newer_schema',
      `${paths.db} was written by a newer SMO Desk (schema ${version}; this app knows up to ${latestVersion}). Update SMO Desk to open it; the file was not changed.`
    )
  const release = options.lock ? acquireWorkspaceLock(paths.lock, options.lock) : () => {}
  if (!options.readonly) cleanClose.forget(paths.db)
  let raw: Database.Database
  try {
    raw = new Database(paths.db, { readonly: options.readonly ?? false })
  } catch (e) {
    release()
    throw sqliteFailure(paths.db, e)
  }
  try {
    connectionPragmas(raw, options.readonly ?? false)
    let migratedFrom = version
    if (!options.readonly) mkdirSync(paths.backups, { recursive: true })
    if (!options.readonly && version < latestVersion) {
      // Loaded only when there is something to migrate: most opens find the schema current.
      const { migrate } = await import('./db/migrate')
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const result = await migrate(raw, paths.db, (from, to) => `${paths.backups}/workspace-v${from}-before-v${to}-${stamp}.sqlite`)
      migratedFrom = result.from
    }
    const db = wrapDb(raw)
    const deviceId = options.readonly ? readDeviceId(db) : ensureDeviceId(db)
    return {
      paths,
      db,
      deviceId,
      schemaVersion: Number(raw.pragma('user_version', { simple: true })),
      migratedFrom,
      close: () => {
        if (raw.open) {
          if (options.readonly) raw.close()
          else cleanClose.close(raw, paths.db)
        }
        release()
      }
    }
  } catch (e) {
    if (raw.open) raw.close()
    release()
    throw e instanceof WorkspaceError ? e : sqliteFailure(paths.db, e)
  }
}

function readDeviceId(db: Db): string {
  return db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'device_id'`)?.value ?? '0000000000000000'
}

function ensureDeviceId(db: Db): string {
  const existing = db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'device_id'`)
  if (existing) return existing.value
  const id = randomBytes(8).toString('hex')
  db.run(sql`INSERT INTO local_state (key, value) VALUES ('device_id', ${id})`)
  return id
}
