import { useEffect, useRef, useState } from 'react'
import type { ApiOutput } from '../../../../core/api/contract'
import { api } from '../../api/client'
import { ApiError } from '../../api/ApiError'
import { ipcBridge } from '../../api/transport'

type Result = ApiOutput<'deck-export'>
type Format = 'pptx' | 'pdf'
type Props = { quarter: string }

/**
 * Export buttons with a progress bar fed by the backend's deck-progress events, then where the files
 * were written. In the browser host a download link fetches the file through the API (deck-file,
 * exports folder only), since the page cannot open a local path.
 */
export function ExportPanel({ quarter }: Props) {
  const [running, setRunning] = useState<{ id: string; fraction: number; step: string } | null>(null)
  const [result, setResult] = useState<Result | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [links, setLinks] = useState<Record<string, string>>({})
  const current = useRef<string | null>(null)

  useEffect(
    () =>
      api.subscribe('deck-progress', (p) => {
        if (p.exportId !== null && p.exportId === current.current) setRunning({ id: p.exportId, fraction: p.fraction, step: p.step })
      }),
    []
  )
  // Object URLs hold the file in memory until revoked.
  useEffect(() => () => Object.values(links).forEach((u) => URL.revokeObjectURL(u)), [links])

  const run = async (formats: Format[]) => {
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
    current.current = id
    setRunning({ id, fraction: 0, step: 'Reading the quarter\'s data' })
    setResult(null)
    setError(null)
    setLinks({})
    try {
      const r = await api.call('deck-export', { quarter, formats, exportId: id })
      setResult(r)
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e))
    } finally {
      current.current = null
      setRunning(null)
    }
  }

  const download = async (name: string) => {
    try {
      const f = await api.call('deck-file', { name })
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
      const url = URL.createObjectURL(new Blob([bytes], { type: f.mime }))
      setLinks((l) => ({ ...l, [name]: url }))
      const a = document.createElement('a')
      a.href = url
      a.download = name
      a.click()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  const browser = ipcBridge() === undefined
  return (
    <div className="review-export">
      <div className="review-export-buttons">
        <button type="button" className="btn btn-primary" disabled={running !== null} onClick={() => void run(['pptx', 'pdf'])}>
          Export PPTX + PDF
        </button>
        <button type="button" className="btn" disabled={running !== null} onClick={() => void run(['pptx'])}>
          PPTX
        </button>
        <button type="button" className="btn" disabled={running !== null} onClick={() => void run(['pdf'])}>
          PDF
        </button>
      </div>
      {running !== null && (
        <div className="review-progress" role="status" aria-live="polite">
          <progress max={1} value={running.fraction} aria-label="Export progress" />
          <span className="subtle">
            {Math.round(running.fraction * 100)} % · {running.step}
          </span>
        </div>
      )}
      {result !== null && (
        <div className="review-result" role="status" data-testid="export-result">
          <p>
            Exported {result.slides} slides in {(result.ms / 1000).toFixed(1)} s:
          </p>
          <ul>
            {result.files.map((f) => (
              <li key={f.path}>
                <code data-testid="export-path">{f.path}</code> <span className="subtle">({Math.max(1, Math.round(f.bytes / 1024))} KB)</span>
                {browser && f.inExports && (
                  <>
                    {' '}
                    <button type="button" className="btn btn-ghost" onClick={() => void download(f.name)}>
                      Download {f.format.toUpperCase()}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error !== null && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
