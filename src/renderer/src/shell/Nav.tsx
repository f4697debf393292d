import { SyncIndicator } from '../features/sync/SyncIndicator'
import { NavIcon } from './NavIcon'
import { screens, type ScreenId } from './screens'

/** The left navigation. Plain links to hashes: keyboard, middle-click and history work as usual. */
export function Nav({ current, workspaceName }: { current: ScreenId; workspaceName: string | undefined }) {
  return (
    <nav className="nav" aria-label="Main" data-testid="nav">
      <div className="nav-brand">
        <span className="nav-brand-mark" aria-hidden="true">S</span>
        <span className="nav-label">
          SMO Desk
          <small>{workspaceName ?? 'Opening workspace…'}</small>
        </span>
      </div>
      {screens.map((s, i) => {
        // A small heading sets the workspace-wide screens apart from the daily work above them.
        const heading = s.group === 'Workspace' && screens[i - 1]?.group !== 'Workspace' ? s.group : undefined
        return (
          <div key={s.id} style={{ display: 'contents' }}>
            {heading !== undefined && <div className="nav-group">{heading}</div>}
            <a href={`#/${s.id}`} aria-current={s.id === current ? 'page' : undefined} data-testid={`nav-${s.id}`}>
              <NavIcon screen={s.id} />
              <span className="nav-label">{s.label}</span>
            </a>
          </div>
        )
      })}
      <SyncIndicator />
    </nav>
  )
}
