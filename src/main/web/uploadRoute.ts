import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Backend } from '../backend/backend'
import { MAX_UPLOAD, saveUpload, UploadTooLarge } from '../backend/services/importUploads'
import { formatBytes } from './readBody'

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/**
 * `POST /api/import-upload`: the raw CSV as the body, streamed to a file in the workspace folder
 * (never held in memory, not bound by the 8 MB limit of API calls). Answers `{ upload, size }` for
 * `import-preview` and `import-start`. A page that aborts the upload (Cancel) leaves no file.
 */
export async function uploadRoute(b: Backend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0)
  const tooLarge = () =>
    json(res, 413, {
      ok: false,
      error: { code: 'invalid_input', message: `The file is larger than the ${formatBytes(MAX_UPLOAD)} an import can take; split it into several files.`, issues: [] }
    })
  if (declared > MAX_UPLOAD) {
    // Read and drop the body before answering, so the client sees the 413 and not a reset connection.
    req.resume()
    req.on('end', tooLarge)
    return
  }
  try {
    const saved = await saveUpload(b.ws.paths.dir, req)
    json(res, 200, { ok: true, data: { upload: saved.id, size: saved.size } })
  } catch (e) {
    if (e instanceof UploadTooLarge) {
      req.resume()
      return tooLarge()
    }
    // An aborted upload has nobody left to answer; anything else is said.
    if (!req.destroyed) json(res, 500, { ok: false, error: { code: 'internal', message: `The upload could not be saved: ${e instanceof Error ? e.message : String(e)}`, issues: [] } })
  }
}
