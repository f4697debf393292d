import type { ScreenId } from '../shell/screens'

/**
 * Where each kind of record is edited, and its name. The names are the record kinds' labels, written
 * here (a test keeps them equal) so the banner loads with the window's first paint without the record
 * schemas (issue #17): loaded later, it appeared a moment after the screen and moved it down, so a
 * click meant for a row could land on the one below.
 */
export const draftPlaces: Readonly<Record<string, { screen: ScreenId; label: string }>> = {
  content: { screen: 'calendar', label: 'Content item' },
  channel: { screen: 'channels', label: 'Channel' },
  goal: { screen: 'goals', label: 'Goal' },
  measurement: { screen: 'goals', label: 'Measurement' },
  influencer: { screen: 'influencers', label: 'Influencer' },
  conversation: { screen: 'conversations', label: 'Conversation' },
  member: { screen: 'members', label: 'Member' },
  campaign: { screen: 'campaigns', label: 'Campaign' }
}
