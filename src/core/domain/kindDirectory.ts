import type { KindName } from './recordKinds'

/**
 * Every record kind's table and title field, by its API name, without the kinds' schemas: the
 * renderer's query hooks and name lists need only these, and importing `recordKinds` for them loaded
 * zod and every schema before the first screen could draw (issue #17). A test keeps this equal to
 * `recordKinds`; the type makes a kind added there and missing here a compile error.
 */
export const kindDirectory = {
  member: { table: 'member', title: 'name' },
  goal: { table: 'goal', title: 'objective' },
  measurement: { table: 'measurement', title: 'date' },
  channel: { table: 'channel', title: 'name' },
  campaign: { table: 'campaign', title: 'name' },
  content: { table: 'content_item', title: 'title' },
  influencer: { table: 'influencer', title: 'name' },
  conversation: { table: 'conversation', title: 'summary' },
  pin: { table: 'pin', title: 'reason' },
  scoreSnapshot: { table: 'score_snapshot', title: 'name' },
  deckNote: { table: 'deck_note', title: 'text' },
  savedView: { table: 'saved_view', title: 'name' },
  workspacePolicy: { table: 'workspace_policy', title: 'name' },
  workspaceProfile: { table: 'workspace_profile', title: 'name' },
  comment: { table: 'comment', title: 'body' },
  taskTemplate: { table: 'task_template', title: 'name' },
  task: { table: 'task', title: 'title' },
  expert: { table: 'expert', title: 'name' },
  watch: { table: 'watch', title: 'name' },
  routingRule: { table: 'routing_rule', title: 'name' },
  escalationLadder: { table: 'escalation_ladder', title: 'type' },
  approvedAnswer: { table: 'approved_answer', title: 'title' },
  handoff: { table: 'handoff', title: 'company' },
  deskPolicy: { table: 'desk_policy', title: 'timeZone' },
  linkConvention: { table: 'link_convention', title: 'name' },
  trackedLink: { table: 'tracked_link', title: 'url' },
  outcome: { table: 'outcome', title: 'date' }
} as const satisfies Record<KindName, { table: string; title: string }>

export const kindNames = Object.keys(kindDirectory) as KindName[]
