import type { ImportInput, ImportProgress } from '../../../../core/api/methods/transferMethods'
import { api } from '../../api/client'
import { uploadFile } from '../../api/uploadFile'

/** The file the wizard works on: its text (desktop host) or the id of its upload (browser host). */
export type PickedFile = { name: string; size: number; text?: string; upload?: string; data?: string }
export type Running = { phase: 'uploading' | 'checking' | 'writing'; done: number; total: number }

/** The file as the import methods take it. */
export const sourceOf = (f: PickedFile): Pick<ImportInput, 'text' | 'upload' | 'data'> =>
  f.upload !== undefined ? { upload: f.upload } : f.data !== undefined ? { data: f.data } : { text: f.text ?? '' }

/** Bytes → base64 in slices (a spread of a whole 18 MB file would overflow the call stack). */
function base64Of(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf)
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

/**
 * Get a picked file to the backend: streamed with byte progress in the browser host (any size),
 * read as text in the desktop host. `onCancel` receives what stops it.
 */
export async function readPicked(picked: File, onProgress: (r: Running) => void, onCancel: (stop: () => void) => void): Promise<PickedFile> {
  const up = uploadFile(picked, (done, total) => onProgress({ phase: 'uploading', done, total }))
  // The desktop host sends the bytes, so the backend detects the encoding (Windows-1252, UTF-16) and reads workbooks.
  if (up === null) return { name: picked.name, size: picked.size, data: base64Of(await picked.arrayBuffer()) }
  onCancel(up.abort)
  onProgress({ phase: 'uploading', done: 0, total: picked.size })
  return { name: picked.name, size: picked.size, upload: await up.promise }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Start the import in the backend and follow it to its end (done, failed or cancelled). */
export async function followImport(input: ImportInput, onProgress: (r: Running) => void, onCancel: (stop: () => void) => void): Promise<ImportProgress> {
  const { job } = await api.call('import-start', input)
  onCancel(() => void api.call('import-cancel', { job }))
  for (;;) {
    const p = await api.call('import-progress', { job })
    if (p.phase !== 'checking' && p.phase !== 'writing') return p
    onProgress({ phase: p.phase, done: p.rowsDone, total: p.rowsTotal })
    await pause(250)
  }
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`

/** "Uploading 4.2 of 17.7 MB", "Checking rows: 24,000 of 100,000", "Writing 100,000 rows…". */
export function describeRunning(r: Running): { fraction: number | undefined; text: string } {
  const fraction = r.total > 0 ? r.done / r.total : 0
  if (r.phase === 'uploading') return { fraction, text: `Uploading ${mb(r.done)} of ${mb(r.total)}` }
  if (r.phase === 'checking') return { fraction, text: `Checking rows: ${r.done.toLocaleString()} of ${r.total.toLocaleString()}` }
  return { fraction: undefined, text: `Writing ${r.total.toLocaleString()} rows in one step (all or nothing)…` }
}
