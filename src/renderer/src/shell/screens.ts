/** The screens of the left navigation, in order; the id is also the URL hash (`#/channels`). */
export const screens = [
  { id: 'mine', label: 'My work', group: 'Work' },
  { id: 'calendar', label: 'Calendar', group: 'Work' },
  { id: 'board', label: 'Board', group: 'Work' },
  { id: 'channels', label: 'Channels', group: 'Work' },
  { id: 'priorities', label: 'Priorities', group: 'Work' },
  { id: 'influencers', label: 'Influencers', group: 'Work' },
  { id: 'conversations', label: 'Inbox', group: 'Work' },
  { id: 'desk', label: 'Listening desk', group: 'Work' },
  { id: 'goals', label: 'Goals', group: 'Work' },
  { id: 'results', label: 'Results', group: 'Work' },
  { id: 'review', label: 'Review', group: 'Work' },
  { id: 'campaigns', label: 'Campaigns', group: 'Workspace' },
  { id: 'links', label: 'Links', group: 'Workspace' },
  { id: 'members', label: 'Members', group: 'Workspace' },
  { id: 'settings', label: 'Settings', group: 'Workspace' }
] as const

export type ScreenId = (typeof screens)[number]['id']

export const defaultScreen: ScreenId = 'mine'

export function isScreenId(s: string): s is ScreenId {
  return screens.some((x) => x.id === s)
}
