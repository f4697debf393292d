import { SyncIndicator } from '../features/sync/SyncIndicator'
import { useEffect } from 'react'
import { useQuery } from '../api/useQuery'
import { waitingOnMe, waitingParts, windowTitle } from '../../../core/people/waitingOnMe'
import { MeControl } from '../features/people/MeControl'
import { NavIcon } from './NavIcon'
import { screens, type ScreenId } from './screens'

/** The left navigation. Plain links to hashes: keyboard, middle-click and history work as usual. */
export function Nav({ current, workspaceName }: { current: ScreenId; workspaceName: string | undefined }) {
  // My work's count beside its link: what is late, due this week and waiting on me; its parts in the tooltip.
  const me = useQuery('me-get', {})
  const mine = useQuery('mine-get', {}, { dependsOn: ['*'], enabled: me.data?.me != null })
  const m = me.data?.me != null ? mine.data : undefined
  const waiting = m ? waitingOnMe(m) : 0
  const name = me.data?.me?.name
  // The tab's (or window's) title carries the count too: "(3) SMO Desk — Priya Shah" (issue #17's badge).
  useEffect(() => {
    document.title = windowTitle(name, waiting)
  }, [name, waiting])
  // No badge at 0: a blue "0" beside My work read like something new.
  const counts: Partial<Record<ScreenId, { n: number; label: string }>> = m && waiting > 0 ? { mine: { n: waiting, label: waitingParts(m).map((p) => p.label).join(', ') } } : {}
  return (
    <nav className="nav" aria-label="Main" data-testid="nav">
      <div className="nav-brand">
        <span className="nav-brand-mark" aria-hidden="true">S</span>
        <span className="nav-label">
          SMO Desk
          <small>{workspaceName ?? 'Opening workspace…'}</small>
        </span>
      </div>
      <MeControl />
      {screens.map((s, i) => {
        // A small heading sets the workspace-wide screens apart from the daily work above them.
        const heading = s.group === 'Workspace' && screens[i - 1]?.group !== 'Workspace' ? s.group : undefined
        return (
          <div key={s.id} style={{ display: 'contents' }}>
            {heading !== undefined && <div className="nav-group">{heading}</div>}
            <a href={`#/${s.id}`} aria-current={s.id === current ? 'page' : undefined} data-testid={`nav-${s.id}`}>
              <NavIcon screen={s.id} />
              <span className="nav-label">{s.label}</span>
              {counts[s.id] !== undefined && (
                <span className="nav-count" title={counts[s.id]?.label} data-testid={`nav-count-${s.id}`}>
                  {counts[s.id]?.n}
                </span>
              )}
            </a>
          </div>
        )
      })}
      <SyncIndicator />
    </nav>
  )
}
