import type { JSX } from 'react'
import { useQuery } from './api/useQuery'
import { CampaignsScreen } from './features/campaigns/CampaignsScreen'
import { ChannelsScreen } from './features/channels/ChannelsScreen'
import { ConversationsScreen } from './features/conversations/ConversationsScreen'
import { GoalsScreen } from './features/goals/GoalsScreen'
import { LinksScreen } from './features/links/LinksScreen'
import { InfluencersScreen } from './features/influencers/InfluencersScreen'
import { MembersScreen } from './features/members/MembersScreen'
import { MyWorkScreen } from './features/people/MyWorkScreen'
import { BoardScreen } from './features/board/BoardScreen'
import { CalendarScreen } from './features/calendar/CalendarScreen'
import { PrioritiesScreen } from './features/priorities/PrioritiesScreen'
import { ReviewScreen } from './features/review/ReviewScreen'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { DraftsBanner } from './drafts/DraftsBanner'
import { ConnectionBanner } from './shell/ConnectionBanner'
import { NotificationBell } from './features/sharing/NotificationBell'
import { LiveRegion } from './shell/LiveRegion'
import { Nav } from './shell/Nav'
import { SkipLink } from './shell/SkipLink'
import type { ScreenId } from './shell/screens'
import { useHashRoute } from './shell/useHashRoute'

const screenComponents: Record<ScreenId, () => JSX.Element> = {
  mine: MyWorkScreen,
  calendar: CalendarScreen,
  board: BoardScreen,
  channels: ChannelsScreen,
  priorities: PrioritiesScreen,
  influencers: InfluencersScreen,
  conversations: ConversationsScreen,
  goals: GoalsScreen,
  review: ReviewScreen,
  campaigns: CampaignsScreen,
  links: LinksScreen,
  members: MembersScreen,
  settings: SettingsScreen
}

export function App() {
  const screen = useHashRoute()
  const info = useQuery('workspace-info', {})
  const Screen = screenComponents[screen]
  return (
    <div className="app">
      <SkipLink target="main" />
      <Nav current={screen} workspaceName={info.data?.name} />
      {/* tabIndex -1: the skip link moves focus here, so the next Tab is the screen's first control. */}
      <main className="main" id="main" tabIndex={-1}>
        <ConnectionBanner />
        <NotificationBell />
        <DraftsBanner />
        {/* Keyed by screen so each one starts fresh (its own table state, no stale dialog). */}
        <Screen key={screen} />
      </main>
      <LiveRegion />
    </div>
  )
}
