import { useQuery } from '../../api/useQuery'
import './transfer.css'

type Props = { names: readonly string[]; onPick: (file: { name: string; text: string }) => void; busy?: boolean }

/**
 * "No file at hand? Try a GA4 export…": exports shaped like the tools' own, made by the backend from
 * this workspace's links, channels and dates, so they match (`smo samples` writes the same files).
 * Loaded into the dialog as if chosen; nothing is written until the person imports it.
 */
export function SampleFiles({ names, onPick, busy = false }: Props) {
  const samples = useQuery('samples-list', {})
  const files = (samples.data?.files ?? []).filter((f) => names.includes(f.name))
  if (files.length === 0) return null
  return (
    <p className="subtle small tx-samples" data-testid="sample-files">
      No file at hand? Try{' '}
      {files.map((f, i) => (
        <span key={f.name}>
          {i > 0 && (i === files.length - 1 ? ' or ' : ', ')}
          <button type="button" className="tx-link" disabled={busy} title={`${f.name}: ${f.what}`} onClick={() => onPick({ name: f.name, text: f.text })} data-testid={`sample-${f.name}`}>
            {f.label}
          </button>
        </span>
      ))}
      , made from this workspace.
    </p>
  )
}
