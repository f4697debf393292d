import { useQuery } from '../../api/useQuery'
import { ScreenHeader } from '../records/ScreenHeader'
import { BackupsCard } from '../transfer/BackupsCard'
import { PolicyCard } from './PolicyCard'
import { LinkConventionCard } from '../links/LinkConventionCard'
import { TaskTemplatesCard } from '../sharing/TaskTemplatesCard'
import { TeamSyncCard } from '../sync/TeamSyncCard'
import { WorkspaceProfileCard } from './WorkspaceProfileCard'
import { useTheme } from '../../theme/ThemeContext'
import type { ThemeChoice } from '../../theme/ThemeContext'

const themeChoices: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' }
]

const countLabels: Record<string, string> = {
  members: 'Members', goals: 'Goals', measurements: 'Measurements', channels: 'Channels',
  campaigns: 'Campaigns', contentItems: 'Content items', influencers: 'Influencers', conversations: 'Conversations'
}

export function SettingsScreen() {
  const { choice, resolved, setChoice } = useTheme()
  const info = useQuery('workspace-info', {})
  return (
    <div className="screen">
      <ScreenHeader title="Settings" description="Appearance applies to this computer only; the team, policy and sync settings are shared with everyone in the workspace." />
      <div className="settings">
        <WorkspaceProfileCard />
        <PolicyCard />
        <LinkConventionCard />
        <TaskTemplatesCard />
        <section className="card" aria-labelledby="settings-theme">
          <h2 id="settings-theme">Appearance</h2>
          <div className="segmented" role="radiogroup" aria-label="Theme">
            {themeChoices.map((t) => (
              <label key={t.value}>
                <input type="radio" name="theme" value={t.value} checked={choice === t.value} onChange={() => setChoice(t.value)} />
                {t.label}
              </label>
            ))}
          </div>
          <p className="subtle" style={{ marginTop: 8 }}>
            Showing the {resolved} theme{choice === 'system' ? ', as your operating system prefers' : ''}.
          </p>
        </section>

        <section className="card" aria-labelledby="settings-workspace" data-testid="workspace-info">
          <h2 id="settings-workspace">Workspace</h2>
          {info.error !== undefined && <p className="form-error">Could not read the workspace: {info.error.message}</p>}
          {info.data === undefined ? (
            info.error === undefined && <p className="muted">Loading…</p>
          ) : (
            <>
              <dl className="kv">
                <dt>Name</dt>
                <dd>{info.data.name}</dd>
                <dt>Location</dt>
                <dd>
                  <code>{info.data.path}</code>
                </dd>
                <dt>Schema version</dt>
                <dd>{info.data.schemaVersion}</dd>
                <dt>This device</dt>
                <dd>
                  <code>{info.data.deviceId}</code>
                </dd>
              </dl>
              <div className="counts" style={{ marginTop: 14 }}>
                {Object.entries(info.data.counts).map(([k, n]) => (
                  <div key={k}>
                    <b>{n.toLocaleString()}</b>
                    <span>{countLabels[k] ?? k}</span>
                  </div>
                ))}
              </div>
            </>
          )}
        </section>

        <TeamSyncCard />
        <BackupsCard />
      </div>
    </div>
  )
}
