import { useState } from 'react'
import { useQuery } from '../../api/useQuery'
import { useMutation } from '../../api/useMutation'
import type { ScoreData } from './computePriorities'

const DEPENDS = ['channel', 'goal', 'measurement', 'content', 'member', 'scoreSnapshot'] as const

/** "Why the rank changed": today's ranking (saved weights) against a chosen snapshot, input by input. */
export function RankChanges({ data }: { data: ScoreData }) {
  const [since, setSince] = useState<string | undefined>(undefined)
  const latest = data.snapshots.at(-1)?.id
  const chosen = since ?? latest
  const explained = useQuery('score-explain', chosen === undefined ? {} : { since: chosen }, { dependsOn: [...DEPENDS], enabled: chosen !== undefined })
  const take = useMutation('score-snapshot-create')
  const moved = explained.data?.report.channels.filter((c) => c.rankDelta !== 0 || c.previousRank === null || c.rank === null) ?? []
  const still = (explained.data?.report.channels.length ?? 0) - moved.length
  return (
    <div className="prio-changes" data-testid="rank-changes">
      <div className="prio-inline">
        <label htmlFor="prio-since">Since</label>
        <select id="prio-since" className="select" value={chosen ?? ''} onChange={(e) => setSince(e.target.value)} data-testid="since-select">
          {data.snapshots.length === 0 && <option value="">No snapshot yet</option>}
          {[...data.snapshots].reverse().map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} · {s.takenOn}
            </option>
          ))}
        </select>
        <button type="button" className="btn" disabled={take.pending} data-testid="snapshot-create" onClick={() => void take.mutate({ name: `Snapshot ${data.asOf}` }).then((s) => setSince(s.id))}>
          Take snapshot
        </button>
      </div>
      {explained.data === undefined ? (
        <p className="subtle">{chosen === undefined ? 'The first scoring of each quarter keeps a snapshot automatically.' : 'Comparing…'}</p>
      ) : (
        <>
          {moved.length === 0 ? (
            <p className="muted">No channel changed rank since {explained.data.snapshot?.name ?? 'then'}.</p>
          ) : (
            <ul className="prio-list">
              {moved.map((c) => (
                <li key={c.id}>
                  <span className={c.rankDelta > 0 ? 'prio-up' : c.rankDelta < 0 ? 'prio-down' : 'subtle'}>{c.rankDelta > 0 ? `▲${c.rankDelta}` : c.rankDelta < 0 ? `▼${-c.rankDelta}` : '•'}</span> {c.sentence}
                </li>
              ))}
            </ul>
          )}
          {still > 0 && moved.length > 0 && <p className="subtle">{still} other channels kept their rank.</p>}
          {explained.data.report.sharedChanges.length > 0 && (
            <p className="subtle">
              For every channel: {explained.data.report.sharedChanges.map((s) => `${s.label} ${String(s.from)} → ${String(s.to)}`).join('; ')}.
            </p>
          )}
        </>
      )}
      {take.error !== undefined && <p className="field-error">{take.error.message}</p>}
    </div>
  )
}
