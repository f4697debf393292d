/**
 * The file operations the folder driver needs, as a port: production uses the real file system,
 * the property tests wrap it to inject the faults of SYNC.md §3.3 (hidden, torn, flipped, zero-byte
 * files, conflicted copies, crashes between steps).
 */
import fs from 'node:fs'

export type FileStat = { size: number; mtimeMs: number; isDirectory: boolean }

export type FolderIo = {
  readdir(path: string): string[]
  stat(path: string): FileStat
  readFile(path: string): Buffer
  /**
   * Creates a new file (fails if it exists) and, when `durable`, fsyncs it before returning. If it
   * fails after creating the file (disk full, quota), the partial file is removed again when possible.
   */
  writeNew(path: string, data: Buffer, durable: boolean): void
  /**
   * Makes `target` point at `source`'s content only if `target` does not exist; false if it does
   * (`source` is then left for the caller). When it throws, `source` is removed if the folder still
   * allows it: callers only ever rename a temp they just wrote, and nobody renames a failed one.
   */
  renameNoReplace(source: string, target: string): boolean
  unlink(path: string): void
  mkdirp(path: string): void
  exists(path: string): boolean
}

/** The synchronous `node:fs` calls the real port uses; tests pass a wrapper that fails some of them. */
export type FolderFs = Pick<
  typeof fs,
  'readdirSync' | 'statSync' | 'readFileSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'linkSync' | 'unlinkSync' | 'renameSync' | 'mkdirSync' | 'existsSync'
>

function errCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : ''
}

/** The port over a file system; `realFolderIo` is this over `node:fs`. */
export function fsFolderIo(f: FolderFs): FolderIo {
  const removeQuietly = (path: string): void => {
    try {
      f.unlinkSync(path)
    } catch {
      // Read-only or gone: the owner's next round sweeps its own *.tmp-* files (SyncFolder.sweepTemps).
    }
  }
  const linkOrRename = (source: string, target: string): boolean => {
    // rename() silently replaces; link() refuses an existing target atomically. File systems
    // without hard links (FAT, exFAT, some SMB) fall back to check-then-rename, which is safe
    // here because only this device ever writes under its own directory.
    try {
      f.linkSync(source, target)
      f.unlinkSync(source)
      return true
    } catch (err) {
      const code = errCode(err)
      if (code === 'EEXIST') return false
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS') throw err
    }
    if (f.existsSync(target)) return false
    f.renameSync(source, target)
    return true
  }
  return {
    readdir: (path) => f.readdirSync(path),
    stat: (path) => {
      const s = f.statSync(path)
      return { size: s.size, mtimeMs: s.mtimeMs, isDirectory: s.isDirectory() }
    },
    readFile: (path) => f.readFileSync(path),
    writeNew: (path, data, durable) => {
      const fd = f.openSync(path, 'wx')
      try {
        try {
          // writeSync may write less than asked (a disk filling up returns a short count before it
          // fails); ignoring that would publish a truncated file under its final name.
          let done = 0
          while (done < data.length) {
            const n = f.writeSync(fd, data, done, data.length - done)
            // No progress and no error only happens when nothing more fits; report it as such.
            if (n <= 0) throw Object.assign(new Error(`no space left writing ${path}`), { code: 'ENOSPC' })
            done += n
          }
          if (durable) f.fsyncSync(fd)
        } finally {
          // Network and cloud file systems may report the quota only when the file is closed.
          f.closeSync(fd)
        }
      } catch (err) {
        // A half-written temp helps nobody and takes the space that ran out: remove it now.
        removeQuietly(path)
        throw err
      }
    },
    renameNoReplace: (source, target) => {
      try {
        return linkOrRename(source, target)
      } catch (err) {
        removeQuietly(source)
        throw err
      }
    },
    unlink: (path) => f.unlinkSync(path),
    mkdirp: (path) => {
      f.mkdirSync(path, { recursive: true })
    },
    exists: (path) => f.existsSync(path)
  }
}

export const realFolderIo: FolderIo = fsFolderIo(fs)
