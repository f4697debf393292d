import { randomBytes } from 'node:crypto'
import { rm, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Writes a file so that readers only ever see the old file or the complete new one: the bytes go to
 * a temp file in the same folder (same file system, so the rename is atomic), which is renamed over
 * the target on success and removed on any failure. Errors name the target, not the temp file.
 */
export async function atomicWrite(file: string, produce: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await produce(tmp)
    await rename(tmp, file)
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined)
    const reason = err instanceof Error && 'code' in err ? `${String(err.code)}: ${err.message}` : String(err)
    throw new Error(`Cannot write ${file} (${reason})`, { cause: err })
  }
}

/** Convenience for writers that hold the whole file in memory. */
export function atomicWriteBytes(file: string, bytes: Uint8Array): Promise<void> {
  return atomicWrite(file, (tmp) => writeFile(tmp, bytes, { flag: 'wx' }))
}
