import type { KindName } from './recordKinds'

/**
 * Every record kind's table, title field and name, by its API name, without the kinds' schemas: the
 * renderer's query hooks, name lists and drafts banner need only these, and importing `recordKinds` for them loaded
 * zod and every schema before the first screen could draw (issue #17). A test keeps this equal to
 * `recordKinds`; the type makes a kind added there and missing here a compile error.
 */
export const kindDirectory = {
  member: { table: 'member', title: 'name', label: 'Member' },
  goal: { table: 'goal', title: 'objective', label: 'Goal' },
  measurement: { table: 'measurement', title: 'date', label: 'Measurement' },
  channel: { table: 'channel', title: 'name', label: 'Channel' },
  campaign: { table: 'campaign', title: 'name', label: 'Campaign' },
  content: { table: 'content_item', title: 'title', label: 'Content item' },
  influencer: { table: 'influencer', title: 'name', label: 'Influencer' },
  conversation: { table: 'conversation', title: 'summary', label: 'Conversation' },
  pin: { table: 'pin', title: 'reason', label: 'Pin' },
  scoreSnapshot: { table: 'score_snapshot', title: 'name', label: 'Score snapshot' },
  deckNote: { table: 'deck_note', title: 'text', label: 'Deck note' },
  savedView: { table: 'saved_view', title: 'name', label: 'Saved view' },
  workspacePolicy: { table: 'workspace_policy', title: 'name', label: 'Workspace policy' },
  workspaceProfile: { table: 'workspace_profile', title: 'name', label: 'Workspace profile' },
  comment: { table: 'comment', title: 'body', label: 'Comment' },
  taskTemplate: { table: 'task_template', title: 'name', label: 'Task template' },
  task: { table: 'task', title: 'title', label: 'Task' },
  expert: { table: 'expert', title: 'name', label: 'Expert' },
  watch: { table: 'watch', title: 'name', label: 'Watched source' },
  routingRule: { table: 'routing_rule', title: 'name', label: 'Routing rule' },
  escalationLadder: { table: 'escalation_ladder', title: 'type', label: 'Escalation ladder' },
  approvedAnswer: { table: 'approved_answer', title: 'title', label: 'Approved answer' },
  handoff: { table: 'handoff', title: 'company', label: 'Hand-off' },
  deskPolicy: { table: 'desk_policy', title: 'timeZone', label: 'Desk settings' },
  linkConvention: { table: 'link_convention', title: 'name', label: 'Link convention' },
  trackedLink: { table: 'tracked_link', title: 'url', label: 'Tracked link' },
  outcome: { table: 'outcome', title: 'date', label: 'Outcome' }
} as const satisfies Record<KindName, { table: string; title: string; label: string }>

export const kindNames = Object.keys(kindDirectory) as KindName[]
