import { ApiError } from '../../../core/api/apiError'
import { APPROVED_STATUSES } from '../../../core/calendar/approval'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { atLeast, needsRole, type Access, type Acting } from '../../../core/people/access'
import { kindAccess } from '../../../core/people/kindAccess'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { currentMember, rolesEnforced } from './currentMember'

type Rec = Record<string, unknown>

/** Results are measurements of what went out, not the content signed off: editors may record them. */
const RESULT_FIELDS = new Set(['resultReach', 'resultEngagements', 'resultClicks', 'resultConversions'])
const signedOff = (status: unknown) => APPROVED_STATUSES.includes(String(status))
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

function refuse(doing: string, need: Access, me: Acting | null): never {
  throw new ApiError('forbidden', needsRole(doing, need, me))
}

function titleOf(kind: KindName, rec: Rec): string {
  return String(rec[recordKinds[kind].title] ?? rec.id ?? '')
}

function activeOwners(b: Backend, except: string): number {
  return b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM member WHERE access = 'owner' AND active = 1 AND deleted_at IS NULL AND id <> ${except}`)?.n ?? 0
}

/** The last owner cannot be demoted, deactivated or deleted: someone must always be able to manage roles. */
function keepAnOwner(b: Backend, before: Rec, after: Rec | null): void {
  const wasOwner = before.access === 'owner' && before.active === true && before.deletedAt === null
  const staysOwner = after !== null && after.access === 'owner' && after.active === true
  if (wasOwner && !staysOwner && activeOwners(b, String(before.id)) === 0)
    throw new ApiError('rule_violation', `${String(before.name)} is the last owner, so cannot be ${after === null ? 'deleted' : after.active !== true ? 'made inactive' : 'given another role'}: make another member owner first.`, [
      { path: [after === null ? 'id' : after.active !== true ? 'active' : 'access'], message: 'The workspace needs an owner' }
    ])
}

/** Content rules: approving, scheduling and publishing need an approver; approved content is theirs to change. */
function contentRules(before: Rec | null, after: Rec, me: Acting, keepApprovalAs: string | undefined): Rec {
  const extra: Rec = {}
  const approver = atLeast(me.access, 'approver')
  const entering = signedOff(after.status) && (before === null || !signedOff(before.status))
  const moving = before !== null && signedOff(before.status) && before.status !== after.status
  if (entering || moving) {
    const doing = after.status === 'approved' ? 'Approving' : after.status === 'scheduled' ? 'Scheduling' : after.status === 'published' ? 'Publishing' : 'Taking back an approval'
    if (!approver) refuse(doing, 'approver', me)
  }
  if (before !== null && signedOff(before.status) && !approver) {
    const changed = Object.keys(after).filter((k) => k in before && !RESULT_FIELDS.has(k) && !same(before[k], after[k]))
    if (changed.length > 0) refuse(`Changing ${before.status === 'published' ? 'published' : 'approved'} content`, 'approver', me)
  }
  if (keepApprovalAs !== undefined) {
    if (!approver) refuse('Keeping an approval', 'approver', me)
    if (keepApprovalAs !== me.id) throw new ApiError('forbidden', `An approval is kept in your own name, never someone else’s; you are ${me.name}.`, [{ path: ['keepApprovalAs'], message: 'Only yourself' }])
  }
  // Approval records who approved from "me", never a free choice. A record created already signed off
  // (a calendar import) states an approval given elsewhere: it keeps the approver it names — still
  // under the four-eyes rule, and only an approver may create it.
  const recordingHistory = before === null && typeof after.approverId === 'string'
  if (before !== null && !same(before.approverId, after.approverId) && after.approverId !== me.id)
    throw new ApiError('forbidden', `The approver is whoever approves: an item cannot name someone else as its approver; you are ${me.name}.`, [{ path: ['approverId'], message: 'Set by the approval' }])
  if (entering && !recordingHistory) extra.approverId = me.id
  return extra
}

/**
 * May the acting member write this record (`before` null for a create)? Throws 'forbidden' with the
 * sentence naming the role, or returns values to add (a contributor's new item is theirs; an approval
 * records who approved). Nothing is checked while the workspace has no owner yet (`rolesEnforced`).
 */
export function checkRecordWrite(b: Backend, kind: KindName, before: Rec | null, after: Rec, keepApprovalAs?: string): Rec {
  if (!rolesEnforced(b)) return {}
  const me = currentMember(b)
  const rule = kindAccess[kind]
  const plural = recordKinds[kind].plural.toLowerCase()
  if (me === null || !atLeast(me.access, rule.role)) refuse(`${before === null ? 'Creating' : 'Changing'} ${plural}`, rule.role, me)
  const extra: Rec = {}
  if (rule.owned !== undefined && !atLeast(me.access, 'editor')) {
    if (before !== null && before[rule.owned] !== me.id) refuse(`Changing “${titleOf(kind, before)}” (not yours)`, 'editor', me)
    if (before === null && (after[rule.owned] === null || after[rule.owned] === undefined)) extra[rule.owned] = me.id
    else if (after[rule.owned] !== me.id) refuse(`Giving ${plural} to someone else`, 'editor', me)
  }
  if (kind === 'member' && before !== null) keepAnOwner(b, before, after)
  if (kind === 'conversation' && before !== null) conversationAccess(b, before, me, 'Changing')
  if (kind === 'content') Object.assign(extra, contentRules(before, { ...after, ...extra }, me, keepApprovalAs))
  return extra
}

/** May the acting member delete (or restore) this record? The same roles as changing it. */
export function checkRecordDelete(b: Backend, kind: KindName, before: Rec): void {
  if (!rolesEnforced(b)) return
  const me = currentMember(b)
  const rule = kindAccess[kind]
  if (me === null || !atLeast(me.access, rule.role)) refuse(`Deleting ${recordKinds[kind].plural.toLowerCase()}`, rule.role, me)
  if (rule.owned !== undefined && !atLeast(me.access, 'editor') && before[rule.owned] !== me.id) refuse(`Deleting “${titleOf(kind, before)}” (not yours)`, 'editor', me)
  if (kind === 'content' && signedOff(before.status) && !atLeast(me.access, 'approver')) refuse('Deleting approved content', 'approver', me)
  if (kind === 'member') keepAnOwner(b, before, null)
  if (kind === 'conversation') conversationAccess(b, before, me, 'Deleting')
}

/**
 * A contributor works the conversations that are unassigned or assigned to them (an expert record
 * with their member id); passing one on (assigning, escalating) is part of working it.
 */
function conversationAccess(b: Backend, before: Rec, me: Acting, doing: string): void {
  if (atLeast(me.access, 'editor') || before.assigneeId === null || before.assigneeId === undefined) return
  const mine = b.db.get(sql`SELECT 1 AS x FROM expert WHERE id = ${String(before.assigneeId)} AND member_id = ${me.id}`) !== undefined
  if (!mine) refuse(`${doing} “${titleOf('conversation', before)}” (assigned to someone else)`, 'editor', me)
}
