import { useState } from 'react'
import { historyText, historyWhen } from '../../../../core/people/historyText'
import { useQuery } from '../../api/useQuery'

/**
 * The history of one record, newest first, from the change log: "Dana moved the planned date from
 * 3 to 5 March — Tue 14:02". Collapsed until opened, so the panel stays short.
 */
export function RecordHistory({ id }: { id: string }) {
  const h = useQuery('record-history', { id, limit: 200 }, { dependsOn: ['*'] })
  // "Tue 14:02" is relative to when the panel opened; a history read minutes later needs no tick.
  const [now] = useState(() => Date.now())
  return (
    <details className="record-history" data-testid="record-history">
      <summary>History{h.data ? ` (${h.data.items.length}${h.data.truncated ? '+' : ''})` : ''}</summary>
      {h.error && <p className="form-error" role="alert">{h.error.message}</p>}
      <ol className="record-history-list">
        {(h.data?.items ?? []).map((e, i) => (
          <li key={`${e.tx}-${e.field}-${i}`} data-testid="history-entry">
            <span>{historyText(e, { names: h.data?.names, locale: navigator.language })}</span>{' '}
            <time className="subtle small" dateTime={e.at}>{historyWhen(e.at, now, { locale: navigator.language })}</time>
          </li>
        ))}
      </ol>
    </details>
  )
}
