import type { KindName } from '../domain/recordKinds'
import { atLeast, needsRole, type Access, type Acting } from './access'

/**
 * The least role that writes each kind, and for the kinds a contributor may own, the field that says
 * whose it is. The method table (core/api/methodRoles.ts) is the floor per call; this is the same
 * rule per record, so an import, an undo or a bulk edit cannot write what the form could not. In core
 * so the forms can show a record as view-only by the same table the backend refuses by
 * (`writeRefusal`), instead of offering a Save the backend would refuse.
 */
export const kindAccess: Record<KindName, { role: Access; owned?: string }> = {
  member: { role: 'owner' },
  goal: { role: 'editor' },
  measurement: { role: 'editor' },
  channel: { role: 'editor' },
  campaign: { role: 'editor' },
  content: { role: 'contributor', owned: 'ownerId' },
  influencer: { role: 'contributor', owned: 'ownerId' },
  // Conversations are assigned to experts, not members: whose one is is the desk service's rule (an
  // expert's memberId), checked in conversationAccess below.
  conversation: { role: 'contributor' },
  pin: { role: 'editor' },
  scoreSnapshot: { role: 'editor' },
  deckNote: { role: 'editor' },
  savedView: { role: 'contributor' },
  workspacePolicy: { role: 'owner' },
  workspaceProfile: { role: 'owner' },
  // Comment authorship (edit/delete own only) and resolving anyone's thread are the comment service's rules.
  comment: { role: 'contributor' },
  // A contributor applies templates to their own items, which creates tasks assigned to teammates.
  task: { role: 'contributor' },
  taskTemplate: { role: 'editor' },
  // The listening desk (issue #16): its directory, rules, ladders and settings are the editors'; an
  // approved answer is reviewed content; a contributor hands off the leads in their conversations.
  expert: { role: 'editor' },
  watch: { role: 'contributor' },
  routingRule: { role: 'editor' },
  escalationLadder: { role: 'editor' },
  approvedAnswer: { role: 'approver' },
  handoff: { role: 'contributor' },
  deskPolicy: { role: 'editor' },
  linkConvention: { role: 'owner' },
  // A contributor saves a link from the builder on their own item.
  trackedLink: { role: 'contributor' },
  outcome: { role: 'editor' }
}

export type WriteAct = 'create' | 'change' | 'delete'

/**
 * The backend's refusal sentence for writing a record of `kind`, or null when the role allows it — by
 * the kind's floor and, for kinds a contributor owns, whose record it is. The backend checks more
 * (approved content, the last owner, a conversation's expert) and stays the authority; this only keeps
 * the forms from offering what will certainly be refused.
 */
export function writeRefusal(kind: KindName, act: WriteAct, me: Acting | null, enforced: boolean, plural: string, record?: Record<string, unknown>): string | null {
  if (!enforced) return null
  const rule = kindAccess[kind]
  const doing = `${act === 'create' ? 'Creating' : act === 'change' ? 'Changing' : 'Deleting'} ${plural}`
  if (me === null || !atLeast(me.access, rule.role)) return needsRole(doing, rule.role, me)
  if (act !== 'create' && rule.owned !== undefined && record !== undefined && !atLeast(me.access, 'editor') && record[rule.owned] !== me.id) return needsRole(`${doing} that are not yours`, 'editor', me)
  return null
}
