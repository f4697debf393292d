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
  /** Creates a new file (fails if it exists) and, when `durable`, fsyncs it before returning. */
  writeNew(path: string, data: Buffer, durable: boolean): void
  /** Makes `target` point at `source`'s content only if `target` does not exist; false if it does. */
  renameNoReplace(source: string, target: string): boolean
  unlink(path: string): void
  mkdirp(path: string): void
  exists(path: string): boolean
}

function errCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : ''
}

export const realFolderIo: FolderIo = {
  readdir: (path) => fs.readdirSync(path),
  stat: (path) => {
    const s = fs.statSync(path)
    return { size: s.size, mtimeMs: s.mtimeMs, isDirectory: s.isDirectory() }
  },
  readFile: (path) => fs.readFileSync(path),
  writeNew: (path, data, durable) => {
    const fd = fs.openSync(path, 'wx')
    try {
      fs.writeSync(fd, data)
      if (durable) fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  },
  renameNoReplace: (source, target) => {
    // rename() silently replaces; link() refuses an existing target atomically. File systems
    // without hard links (FAT, exFAT, some SMB) fall back to check-then-rename, which is safe
    // here because only this device ever writes under its own directory.
    try {
      fs.linkSync(source, target)
      fs.unlinkSync(source)
      return true
    } catch (err) {
      const code = errCode(err)
      if (code === 'EEXIST') return false
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS') throw err
    }
    if (fs.existsSync(target)) return false
    fs.renameSync(source, target)
    return true
  },
  unlink: (path) => fs.unlinkSync(path),
  mkdirp: (path) => {
    fs.mkdirSync(path, { recursive: true })
  },
  exists: (path) => fs.existsSync(path)
}
