/**
 * Who may write what, checked by every reader on every op of a signed team (issue #14 roles):
 * viewer nothing; contributor creates rows and edits the rows it owns; editor anything but the member
 * list and approval; approver also approval; owner everything. Returns the refusal as a sentence
 * naming who and what, or null when the op is allowed. Pure: no Node, no DOM.
 */
import type { Op } from '../op'
import type { AccessRole } from './memberRoles'
import { MEMBER_TABLE } from './memberRoles'

/** Columns that record a sign-off: only approvers and owners may write them. */
export const APPROVAL_COLUMNS: ReadonlySet<string> = new Set(['approver_id', 'approved_at'])
/** The column naming a row's owner (content items, campaigns, goals…): what "own item" means. */
export const OWNER_COLUMN = 'owner_id'

export type Author = {
  member: string
  name: string
  role: AccessRole | null
  /** The owner of a row as this computer holds it (null: no owner column or unknown row). */
  rowOwner: (tbl: string, row: string) => string | null
}

export function authorizeOp(author: Author, op: Op): string | null {
  const who = author.name
  if (author.role === null) return `${who} is not a member of the team (removed, or never admitted), so their change was refused`
  if (author.role === 'viewer') return `${who} is a viewer and may not change anything`
  for (const w of op.tx) {
    const cols = Object.keys(w.set)
    if (w.t === MEMBER_TABLE && author.role !== 'owner') return `${who} is ${article(author.role)} and may not change the member list (owners only)`
    if (author.role !== 'owner' && author.role !== 'approver') {
      const approval = cols.find((c) => APPROVAL_COLUMNS.has(c) && w.set[c] !== null)
      if (approval !== undefined) return `${who} is ${article(author.role)} and may not set ${approval} on ${w.t} ${w.r} (approvers only)`
    }
    if (author.role === 'contributor') {
      // A creation names no base for any column; the row must then be the contributor's own.
      const creates = cols.length > 0 && cols.every((c) => (w.b[c] ?? []).length === 0)
      const owner = creates && OWNER_COLUMN in w.set ? w.set[OWNER_COLUMN] : author.rowOwner(w.t, w.r)
      if (!(creates && !(OWNER_COLUMN in w.set)) && owner !== author.member) return `${who} is a contributor and may only edit their own items, not ${w.t} ${w.r}`
    }
  }
  return null
}

function article(role: AccessRole): string {
  return role === 'approver' || role === 'editor' ? `an ${role}` : `a ${role}`
}
