import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react'
import { useQuery } from './api/useQuery'
import { drafts } from './drafts/draftStore'
import { DraftsBanner } from './drafts/DraftsBanner'
import { markFirstScreenDrawn } from './shell/firstScreen'
import { ConnectionBanner } from './shell/ConnectionBanner'
import { NotificationBell } from './features/sharing/NotificationBell'
import { LiveRegion } from './shell/LiveRegion'
import { Nav } from './shell/Nav'
import { SkipLink } from './shell/SkipLink'
import type { ScreenId } from './shell/screens'
import { readRoute, useHashRoute } from './shell/useHashRoute'

/**
 * Each screen is its own chunk, loaded when first shown: the calendar paints without first parsing the
 * charts (echarts), the deck builder or the import wizard (issue #17: cold start ≤ 1.5 s). The others
 * are fetched a few seconds after the first screen is up, so switching stays instant.
 */
const screenLoaders: Record<ScreenId, () => Promise<{ default: ComponentType }>> = {
  mine: () => import('./features/people/MyWorkScreen').then((m) => ({ default: m.MyWorkScreen })),
  calendar: () => import('./features/calendar/CalendarScreen').then((m) => ({ default: m.CalendarScreen })),
  board: () => import('./features/board/BoardScreen').then((m) => ({ default: m.BoardScreen })),
  channels: () => import('./features/channels/ChannelsScreen').then((m) => ({ default: m.ChannelsScreen })),
  priorities: () => import('./features/priorities/PrioritiesScreen').then((m) => ({ default: m.PrioritiesScreen })),
  influencers: () => import('./features/influencers/InfluencersScreen').then((m) => ({ default: m.InfluencersScreen })),
  conversations: () => import('./features/desk/InboxScreen').then((m) => ({ default: m.InboxScreen })),
  desk: () => import('./features/desk/DeskScreen').then((m) => ({ default: m.DeskScreen })),
  goals: () => import('./features/goals/GoalsScreen').then((m) => ({ default: m.GoalsScreen })),
  results: () => import('./features/results/ResultsScreen').then((m) => ({ default: m.ResultsScreen })),
  review: () => import('./features/review/ReviewScreen').then((m) => ({ default: m.ReviewScreen })),
  campaigns: () => import('./features/campaigns/CampaignsScreen').then((m) => ({ default: m.CampaignsScreen })),
  links: () => import('./features/links/LinksScreen').then((m) => ({ default: m.LinksScreen })),
  members: () => import('./features/members/MembersScreen').then((m) => ({ default: m.MembersScreen })),
  settings: () => import('./features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen }))
}

const screenComponents: Record<ScreenId, ComponentType> = {
  mine: lazy(screenLoaders.mine),
  calendar: lazy(screenLoaders.calendar),
  board: lazy(screenLoaders.board),
  channels: lazy(screenLoaders.channels),
  priorities: lazy(screenLoaders.priorities),
  influencers: lazy(screenLoaders.influencers),
  conversations: lazy(screenLoaders.conversations),
  desk: lazy(screenLoaders.desk),
  goals: lazy(screenLoaders.goals),
  results: lazy(screenLoaders.results),
  review: lazy(screenLoaders.review),
  campaigns: lazy(screenLoaders.campaigns),
  links: lazy(screenLoaders.links),
  members: lazy(screenLoaders.members),
  settings: lazy(screenLoaders.settings)
}

/**
 * The first screen's chunk, loaded before the app first renders (main.tsx): drawn through `lazy`, the
 * screen would first show "Loading…", and React holds back content that replaces a just-shown
 * fallback for 300 ms — on a cold start that held the calendar's days back after its data had come
 * (issue #17). Later screens are lazy as before.
 */
const firstScreen: Partial<Record<ScreenId, ComponentType>> = {}
export async function loadFirstScreen(): Promise<void> {
  const id = readRoute()
  firstScreen[id] = (await screenLoaders[id]()).default
}

function prefetchScreens(): () => void {
  // Not at the first idle moment: the browser is idle while the first screen waits for its data, and
  // fetching eleven chunks then delays that data. A few seconds later the first screen is up.
  const run = () => Object.values(screenLoaders).forEach((load) => void load())
  const timer = setTimeout(() => ('requestIdleCallback' in window ? window.requestIdleCallback(run, { timeout: 3000 }) : run()), 4000)
  return () => clearTimeout(timer)
}


export function App() {
  const screen = useHashRoute()
  const info = useQuery('workspace-info', {})
  const Screen = firstScreen[screen] ?? screenComponents[screen]
  const [hasDrafts] = useState(() => drafts.all().length > 0)
  useEffect(prefetchScreens, [])
  // Only the calendar says when its first data is drawn; any other first screen lets the side queries go at once.
  useEffect(() => {
    if (screen !== 'calendar') markFirstScreenDrawn()
  }, [screen])
  return (
    <div className="app">
      <SkipLink target="main" />
      <Nav current={screen} workspaceName={info.data?.name} />
      {/* tabIndex -1: the skip link moves focus here, so the next Tab is the screen's first control. */}
      <main className="main" id="main" tabIndex={-1}>
        <ConnectionBanner />
        <NotificationBell />
        {/* Drawn with the shell, before the screen arrives, so it never moves the screen down after it is shown. */}
        {hasDrafts && <DraftsBanner />}
        {/* Keyed by screen so each one starts fresh (its own table state, no stale dialog). */}
        <Suspense
          fallback={
            <p className="muted" role="status">
              Loading…
            </p>
          }
        >
          <Screen key={screen} />
        </Suspense>
      </main>
      <LiveRegion />
    </div>
  )
}
