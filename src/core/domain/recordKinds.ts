import { campaign } from './campaign'
import { channel } from './channel'
import { comment } from './comment'
import { contentItem } from './contentItem'
import { conversation } from './conversation'
import { deckNote } from './deckNote'
import { goal } from './goal'
import { influencer } from './influencer'
import { measurement } from './measurement'
import { member } from './member'
import { pin } from './pin'
import { savedView } from './savedView'
import { scoreSnapshot } from './scoreSnapshot'
import { task } from './task'
import { taskTemplate } from './taskTemplate'
import { workspacePolicy } from './workspacePolicy'
import { workspaceProfile } from './workspaceProfile'
import { approvedAnswer } from './approvedAnswer'
import { deskPolicy } from './deskPolicy'
import { escalationLadder } from './escalationLadder'
import { expert } from './expert'
import { handoff } from './handoff'
import { routingRule } from './routingRule'
import { watch } from './watch'
import { linkConvention } from './linkConvention'
import { outcome } from './outcome'
import { trackedLink } from './trackedLink'

/** Every replicated record kind, by its API name (`<kind>-list`, `<kind>-create`…). */
export const recordKinds = {
  member,
  goal,
  measurement,
  channel,
  campaign,
  content: contentItem,
  influencer,
  conversation,
  pin,
  scoreSnapshot,
  deckNote,
  savedView,
  workspacePolicy,
  workspaceProfile,
  comment,
  taskTemplate,
  task,
  expert,
  watch,
  routingRule,
  escalationLadder,
  approvedAnswer,
  handoff,
  deskPolicy,
  linkConvention,
  trackedLink,
  outcome
} as const

export type KindName = keyof typeof recordKinds
export const kindNames = Object.keys(recordKinds) as KindName[]
