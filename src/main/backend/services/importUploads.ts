import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ApiError } from '../../../core/api/apiError'

/** The largest upload the browser host takes: far beyond any team's calendar (100,000 rows are 18 MB). */
export const MAX_UPLOAD = 512 * 1024 * 1024
const STALE_MS = 24 * 3_600_000

const folder = (wsDir: string) => join(wsDir, 'imports')
const fileOf = (wsDir: string, id: string) => join(folder(wsDir), `upload-${id}.csv`)

/**
 * Stream an uploaded CSV into the workspace's `imports/` folder (same disk as the database, never
 * the page's memory) under a `.partial` name, renamed only once every byte arrived: an upload cut
 * short or cancelled leaves nothing behind. Uploads older than a day (a wizard closed without
 * importing) are cleared on the next one. Returns the id `import-preview`/`import-start` take.
 */
export async function saveUpload(wsDir: string, body: Readable, limit = MAX_UPLOAD): Promise<{ id: string; size: number }> {
  mkdirSync(folder(wsDir), { recursive: true })
  for (const name of readdirSync(folder(wsDir))) {
    const p = join(folder(wsDir), name)
    if (Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { force: true })
  }
  const id = randomBytes(15).toString('hex').slice(0, 24)
  const file = fileOf(wsDir, id)
  const partial = `${file}.partial`
  let size = 0
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length
          if (size > limit) throw new UploadTooLarge()
          yield chunk
        }
      },
      createWriteStream(partial)
    )
    renameSync(partial, file)
    return { id, size }
  } catch (e) {
    rmSync(partial, { force: true })
    throw e
  }
}

export class UploadTooLarge extends Error {}

/** The uploaded file's bytes (CSV in any encoding, or a workbook: importFile.ts tells which). */
export function readUploadBytes(wsDir: string, id: string): Uint8Array {
  const file = fileOf(wsDir, id)
  if (!existsSync(file)) throw new ApiError('not_found', 'The uploaded file is no longer there (it was imported, cancelled or cleared); choose the file again', [{ path: ['upload'], message: 'Unknown upload' }])
  return readFileSync(file)
}

export function removeUpload(wsDir: string, id: string | undefined): void {
  if (id !== undefined) rmSync(fileOf(wsDir, id), { force: true })
}
