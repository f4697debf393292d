import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { WorkspaceError } from './workspaceError'

type LockInfo = { pid: number; host: string; since: string; what: string }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One writer per workspace: a lock file created with O_EXCL holding our pid. A lock left by a
 * process that no longer runs on this host is taken over; a live one makes the second instance
 * stop with a message saying who holds it.
 */
export function acquireWorkspaceLock(file: string, what: string): () => void {
  const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString(), what }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, JSON.stringify(info))
      closeSync(fd)
      let released = false
      const release = () => {
        if (released) return
        released = true
        try {
          const now = JSON.parse(readFileSync(file, 'utf8')) as LockInfo
          if (now.pid === process.pid) unlinkSync(file)
        } catch {
          // Already gone: nothing to release.
        }
      }
      process.once('exit', release)
      return release
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      let holder: LockInfo | null = null
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as LockInfo
      } catch {
        holder = null
      }
      if (holder && holder.host === hostname() && alive(holder.pid)) {
        throw new WorkspaceError(
          'in_use',
          `This workspace is in use by another SMO Desk (${holder.what}, process ${holder.pid}, since ${holder.since}). Switch to that window or stop it first.`
        )
      }
      if (holder && holder.host !== hostname()) {
        throw new WorkspaceError(
          'in_use',
          `This workspace is in use on ${holder.host} (${holder.what}). A workspace folder is opened by one machine at a time; share with teammates through Team sync instead.`
        )
      }
      // A stale lock from a crashed process on this machine: remove it and try once more.
      try {
        unlinkSync(file)
      } catch {
        // Someone else removed it first.
      }
    }
  }
  throw new WorkspaceError('in_use', `Could not lock the workspace (${file}).`)
}
