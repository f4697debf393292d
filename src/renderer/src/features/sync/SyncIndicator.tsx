import { timeAgo } from './timeAgo'
import { useSyncStatus } from './useSyncStatus'

/** A one-line sync status at the foot of the navigation; links to Settings → Team sync. */
export function SyncIndicator() {
  const { data } = useSyncStatus()
  if (data === undefined || !data.configured) return null
  const problem = data.problems[0]
  const tone = problem ? 'warn' : data.review > 0 ? 'accent' : 'ok'
  const parts = [`Synced ${timeAgo(data.lastSyncAt)}`]
  if (data.waiting > 0) parts.push(`${data.waiting} waiting`)
  if (data.review > 0) parts.push(`${data.review} to review`)
  return (
    <a className={`sync-indicator sync-${tone}`} href="#/settings" data-testid="sync-indicator" title={problem?.message ?? 'Team sync'}>
      <span className="sync-dot" aria-hidden="true" />
      <span>{problem ? 'Sync needs attention' : parts.join(' · ')}</span>
    </a>
  )
}
