import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'

export type LogLevel = 'info' | 'warn' | 'error'

export type AppLog = {
  readonly file: string
  write: (level: LogLevel, message: string) => void
}

export type AppLogOptions = {
  /** The file is rotated before a line would take it past this size. */
  maxBytes?: number
  /** Rotated files kept beside it (smo.1.log is the newest). */
  keep?: number
  /** Which process wrote the line: "desktop", "serve", "cli check"… */
  source: string
  now?: () => Date
}

const DEFAULT_MAX_BYTES = 1024 * 1024
const DEFAULT_KEEP = 3

function rotated(file: string, n: number): string {
  return file.replace(/\.log$/, '') + `.${n}.log`
}

/**
 * The app's own log (logs/smo.log in the user-data folder), which the diagnostic bundle reads.
 * Capped in size: when a line would take it past `maxBytes`, smo.log becomes smo.1.log (smo.1 →
 * smo.2 …, the oldest beyond `keep` deleted), so years of warnings never fill a disk. Writing is
 * synchronous and every failure is swallowed: a full disk or a read-only profile must not turn a
 * warning into a crash, and a line written just before the process dies is not lost in a buffer.
 */
export function appLog(file: string, opts: AppLogOptions): AppLog {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const keep = opts.keep ?? DEFAULT_KEEP
  const now = opts.now ?? (() => new Date())
  let size = -1
  const rotate = () => {
    rmSync(rotated(file, keep), { force: true })
    for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(file, n))) renameSync(rotated(file, n), rotated(file, n + 1))
    if (keep >= 1) renameSync(file, rotated(file, 1))
    else rmSync(file, { force: true })
    size = 0
  }
  return {
    file,
    write(level, message) {
      // One record per line: a multi-line stack stays one entry a reader can grep.
      const line = `${now().toISOString()} ${level.toUpperCase()} [${opts.source}] ${message.replace(/\r?\n/g, ' ⏎ ')}\n`
      const bytes = Buffer.byteLength(line)
      try {
        if (size < 0) {
          mkdirSync(dirname(file), { recursive: true })
          size = existsSync(file) ? statSync(file).size : 0
        }
        if (size > 0 && size + bytes > maxBytes) rotate()
        appendFileSync(file, line)
        size += bytes
      } catch {
        size = -1
      }
    }
  }
}

/** Where the hosts append their log lines (one file per machine, beside the settings). */
export function appLogFile(userData: string): string {
  return join(userData, 'logs', 'smo.log')
}
