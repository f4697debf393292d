import type { ApiErrorBody } from '../../../core/api/contract'
import { ApiError } from './ApiError'
import { ipcBridge } from './transport'

export type Upload = { promise: Promise<string>; abort: () => void }

/**
 * Send a file the person picked to the browser host as a stream (`POST /api/import-upload`), with
 * byte progress; the answer is an upload id the import methods take instead of the text. Returns
 * null in the desktop host, whose IPC carries a file's text whatever its size. XMLHttpRequest and
 * not fetch: only it reports upload progress. The session cookie authenticates it.
 */
export function uploadFile(file: File, onProgress: (loaded: number, total: number) => void): Upload | null {
  if (ipcBridge() !== undefined) return null
  const xhr = new XMLHttpRequest()
  const promise = new Promise<string>((resolve, reject) => {
    xhr.open('POST', '/api/import-upload')
    xhr.setRequestHeader('Content-Type', 'text/csv')
    const token = sessionStorage.getItem('smo.token')
    if (token !== null) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size)
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { ok: boolean; data?: { upload: string }; error?: ApiErrorBody }
        if (body.ok && body.data) resolve(body.data.upload)
        else reject(new ApiError(body.error?.code ?? 'internal', body.error?.message ?? `The upload failed (${xhr.status})`))
      } catch {
        reject(new ApiError('bad_response', `The upload failed: the backend answered ${xhr.status}`))
      }
    }
    xhr.onerror = () => reject(new ApiError('unreachable', 'The upload failed: SMO Desk cannot be reached. Is `smo serve` still running?'))
    xhr.onabort = () => reject(new ApiError('cancelled', 'Upload cancelled; nothing was imported.'))
    xhr.send(file)
  })
  return { promise, abort: () => xhr.abort() }
}
