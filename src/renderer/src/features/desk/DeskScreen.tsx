import { useState, type JSX } from 'react'
import { ScreenHeader } from '../records/ScreenHeader'
import { AnswersPanel } from './AnswersPanel'
import { DeskDashboard } from './DeskDashboard'
import { DeskSettingsPanel } from './DeskSettingsPanel'
import { ExpertsPanel } from './ExpertsPanel'
import { RoutingPanel } from './RoutingPanel'
import { Tabs, type Tab } from './Tabs'
import './desk.css'

type DeskTab = 'dashboard' | 'experts' | 'routing' | 'answers' | 'hours'

const TABS: readonly Tab<DeskTab>[] = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'experts', label: 'Experts and watchlists' },
  { id: 'routing', label: 'Routing and escalation' },
  { id: 'answers', label: 'Approved answers' },
  { id: 'hours', label: 'Hours and targets' }
]

const panels: Record<DeskTab, () => JSX.Element> = {
  dashboard: DeskDashboard,
  experts: ExpertsPanel,
  routing: RoutingPanel,
  answers: AnswersPanel,
  hours: DeskSettingsPanel
}

/** The tab in the address (`#/desk/experts`), so a reload or a link lands on it. */
function tabFromHash(): DeskTab {
  const sub = location.hash.replace(/^#\/?/, '').split(/[/?]/)[1] ?? ''
  return TABS.find((t) => t.id === sub)?.id ?? 'dashboard'
}

/**
 * The listening desk's back office (issue #16): its numbers, the experts who answer and what each
 * watches, the routing rules and escalation ladders, the approved answers, and the desk's hours and
 * response targets. The conversations themselves are in the Inbox.
 */
export function DeskScreen() {
  const [tab, setTab] = useState<DeskTab>(tabFromHash)
  const Panel = panels[tab]
  return (
    <div className="screen desk">
      <ScreenHeader title="Listening desk" description="How the desk is doing, who answers what, the rules that route and escalate, approved answers, and the hours the clocks run in." />
      <Tabs
        label="Listening desk"
        tabs={TABS}
        current={tab}
        testId="desk-tabs"
        onChange={(t) => {
          setTab(t)
          history.replaceState(null, '', `#/desk/${t}`)
        }}
      >
        <Panel key={tab} />
      </Tabs>
    </div>
  )
}
