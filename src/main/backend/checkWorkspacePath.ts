import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, readSync, statSync, statfsSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, resolve } from 'node:path'
import { latestVersion } from './db/migrations/index'
import { workspacePaths } from './workspacePaths'

export type WorkspacePathVerdict =
  | { ok: true; dir: string }
  | { ok: false; reason: 'missing' | 'is_file' | 'no_workspace' | 'exists' | 'read_only' | 'disk_full' | 'newer_version' | 'in_use'; message: string }

export type CheckOptions = {
  /** Open an existing workspace, or create a new one in the folder. */
  intent: 'open' | 'create'
  /** Free bytes on the disk holding `dir`; injectable because a test cannot fill a disk. */
  freeBytes?: (dir: string) => number
}

/** Below this a workspace cannot safely take a migration, a backup or a day of work. */
export const MIN_FREE_BYTES = 50 * 1024 * 1024

const diskFree = (dir: string) => {
  const s = statfsSync(dir)
  return s.bavail * s.bsize
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK)
    return true
  } catch {
    return false
  }
}

// SQLite keeps PRAGMA user_version (our schema version) big-endian at byte 60 of the header: read it
// without opening the database, so a file from a newer app is not touched at all.
function schemaVersionOf(file: string): number {
  const head = Buffer.alloc(64)
  const fd = openSync(file, 'r')
  try {
    if (readSync(fd, head, 0, 64, 0) < 64) return 0
  } finally {
    closeSync(fd)
  }
  return head.toString('latin1', 0, 15) === 'SQLite format 3' ? head.readUInt32BE(60) : 0
}

function liveHolder(lockFile: string): { what: string; since: string } | null {
  if (!existsSync(lockFile)) return null
  try {
    const info = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; host: string; since: string; what: string }
    if (info.host !== hostname() || info.pid === process.pid) return null
    try {
      process.kill(info.pid, 0)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null
    }
    return { what: info.what, since: info.since }
  } catch {
    return null
  }
}

/**
 * Whether a folder can be opened (or a workspace created in it) before anything is touched, so a
 * host can refuse with one sentence and what to do while the previous workspace stays open.
 * A path to the workspace file itself (double-clicked, or passed on the command line) means its folder.
 */
export function checkWorkspacePath(path: string, opts: CheckOptions): WorkspacePathVerdict {
  let dir = resolve(path)
  if (existsSync(dir) && statSync(dir).isFile()) {
    if (basename(dir) !== basename(workspacePaths(dir).db))
      return { ok: false, reason: 'is_file', message: `${dir} is a file, not a workspace folder. Choose the folder that holds workspace.sqlite.` }
    dir = dirname(dir)
  }
  const paths = workspacePaths(dir)
  const exists = existsSync(dir)
  if (opts.intent === 'open' && !exists)
    return { ok: false, reason: 'missing', message: `There is no folder at ${dir}. It may have been moved or renamed; choose it again with Open workspace….` }
  if (opts.intent === 'open' && !existsSync(paths.db))
    return { ok: false, reason: 'no_workspace', message: `${dir} holds no SMO Desk workspace (no workspace.sqlite). Choose another folder, or use New workspace to start one there.` }
  if (opts.intent === 'create' && existsSync(paths.db))
    return { ok: false, reason: 'exists', message: `${dir} already holds a workspace. Use Open workspace… to open it, or choose an empty folder.` }
  // A new workspace's folder may not exist yet: its nearest existing parent is where it will be written.
  let probe = dir
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe)
  if (!statSync(probe).isDirectory()) return { ok: false, reason: 'is_file', message: `${probe} is a file, so no workspace can be made inside it. Choose another folder.` }
  if (!writable(probe) || (existsSync(paths.db) && !writable(paths.db)))
    return { ok: false, reason: 'read_only', message: `${dir} is read-only for you. Choose a folder you can write to, or ask whoever manages it for write access.` }
  const free = (opts.freeBytes ?? diskFree)(probe)
  if (free < MIN_FREE_BYTES)
    return { ok: false, reason: 'disk_full', message: `The disk holding ${dir} has only ${Math.floor(free / 1024 / 1024)} MB free. Free some space (50 MB at least) and try again.` }
  if (existsSync(paths.db)) {
    const version = schemaVersionOf(paths.db)
    if (version > latestVersion)
      return { ok: false, reason: 'newer_version', message: `${dir} was saved by a newer SMO Desk (schema ${version}; this one reads up to ${latestVersion}). Update SMO Desk to open it; the file was not changed.` }
  }
  const holder = liveHolder(paths.lock)
  if (holder) return { ok: false, reason: 'in_use', message: `${dir} is open in another SMO Desk (${holder.what}, since ${holder.since}). Switch to that window, or close it first.` }
  return { ok: true, dir }
}
