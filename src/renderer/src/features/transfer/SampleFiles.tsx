import { useState } from 'react'
import { sampleFiles, type SampleName } from '../../../../core/transfer/sampleFiles'
import { api } from '../../api/client'
import './transfer.css'

type Props = { names: readonly SampleName[]; onPick: (file: { name: string; text: string }) => void; busy?: boolean }

/**
 * "No file at hand? Try a GA4 export…": exports shaped like the tools' own, made by the backend from
 * this workspace's links, channels and dates when one is chosen, so they match (`smo samples` writes
 * the same files). Loaded into the dialog as if picked; nothing is written until the person imports it.
 */
export function SampleFiles({ names, onPick, busy = false }: Props) {
  const [error, setError] = useState<string | null>(null)
  const files = sampleFiles.filter((f) => names.includes(f.name))
  const take = async (name: SampleName) => {
    setError(null)
    try {
      onPick(await api.call('sample-get', { name }))
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <p className="subtle small tx-samples" data-testid="sample-files">
      No file at hand? Try{' '}
      {files.map((f, i) => (
        <span key={f.name}>
          {i > 0 && (i === files.length - 1 ? ' or ' : ', ')}
          <button type="button" className="tx-link" disabled={busy} title={`${f.name}: ${f.what}`} onClick={() => void take(f.name)} data-testid={`sample-${f.name}`}>
            {f.label}
          </button>
        </span>
      ))}
      , made from this workspace.
      {error !== null && (
        <span role="alert" className="field-error">
          {' '}
          {error}
        </span>
      )}
    </p>
  )
}
