import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * The settings file of the browser host and the CLI as a `{ store }` object, in the format
 * electron-store and conf write (one JSON object, tab-indented, the defaults filled in on read).
 * Its own few lines rather than `conf`: conf loads a JSON-schema validator and semver (~150
 * modules) that these hosts never use — the zod schema validates (storeSettingsPort) — and every
 * `smo serve` paid for them before it could answer (issue #17, cold start).
 */
export function jsonFileStore<T extends object>(file: string, defaults: T): { store: T } {
  return {
    get store(): T {
      let onDisk: unknown
      try {
        onDisk = JSON.parse(readFileSync(file, 'utf8'))
      } catch {
        // Missing, or unreadable since rescueSettingsFile looked: the defaults, as conf's clearInvalidConfig did.
        return { ...defaults }
      }
      return onDisk !== null && typeof onDisk === 'object' && !Array.isArray(onDisk) ? { ...defaults, ...onDisk } : { ...defaults }
    },
    set store(value: T) {
      const text = JSON.stringify(value, undefined, '\t')
      // Every start records the workspace it opened, most often the same one: no write, no fsync.
      if (existsSync(file) && readFileSync(file, 'utf8') === text) return
      // Written beside and renamed over, after an fsync: a crash leaves the old file or the new one.
      mkdirSync(dirname(file), { recursive: true })
      const tmp = `${file}.${process.pid}.tmp`
      const fd = openSync(tmp, 'w', 0o600)
      try {
        writeSync(fd, text)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(tmp, file)
    }
  }
}
