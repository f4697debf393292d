import type { KindName } from '../../../core/domain/recordKinds'
import type { ScreenId } from '../shell/screens'

/**
 * Where each kind of record is edited, for the drafts banner's Open. The banner names kinds from
 * kindDirectory (no record schemas), so it loads with the window's first paint (issue #17): loaded
 * later, it appeared a moment after the screen and moved it down, so a click meant for a row could
 * land on the one below.
 */
export const draftPlaces: Readonly<Partial<Record<KindName, ScreenId>>> = {
  content: 'calendar',
  channel: 'channels',
  goal: 'goals',
  measurement: 'goals',
  influencer: 'influencers',
  conversation: 'conversations',
  member: 'members',
  campaign: 'campaigns'
}
