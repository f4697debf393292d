/**
 * The member list of a signed team as every computer computes it (docs/SYNC-SECURITY.md): a fold of
 * the member-list writes in HLC order, starting from the genesis roles the root owner signed. Each
 * write counts only if its author is an owner at that point of the fold, so the result depends on
 * the set of writes alone — never on the order they arrived in — and all computers agree.
 *
 * Two owners demoting each other concurrently: the earlier write by HLC takes effect, and the later
 * one is void because its author is no longer an owner when the fold reaches it. The root owner (the
 * team's creator) is the anchor and cannot lose ownership, so a team is never left without an owner.
 * Pure: no Node, no DOM.
 */
import type { Json } from '../op'
import { DELETED_COLUMN } from '../op'

export const ACCESS_ROLES = ['owner', 'approver', 'editor', 'contributor', 'viewer'] as const
export type AccessRole = (typeof ACCESS_ROLES)[number]

/** The member table and its role column, as they travel in ops. */
export const MEMBER_TABLE = 'member'
export const ACCESS_COLUMN = 'access'
/** Making a member inactive takes their role away like removing them (and giving it back restores it). */
export const ACTIVE_COLUMN = 'active'

/** One accepted write to the member table: `author` is the member whose key signed it. */
export type MemberListWrite = { id: string; h: string; author: string; member: string; col: string; v: Json }

export type Genesis = { root: string; roles: Readonly<Record<string, AccessRole>> }

export type MemberRoles = {
  /** Current role per member id; a removed member has none. */
  role: (member: string) => AccessRole | null
  /** Writes that were void because their author was not an owner when the fold reached them. */
  void: MemberListWrite[]
}

export function isAccessRole(v: unknown): v is AccessRole {
  return typeof v === 'string' && (ACCESS_ROLES as readonly string[]).includes(v)
}

function byStamp(a: MemberListWrite, b: MemberListWrite): number {
  return a.h < b.h ? -1 : a.h > b.h ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function memberRoles(genesis: Genesis, writes: readonly MemberListWrite[]): MemberRoles {
  const access = new Map<string, AccessRole>(Object.entries(genesis.roles))
  const removed = new Set<string>()
  const inactive = new Set<string>()
  const role = (member: string): AccessRole | null => {
    if (member === genesis.root) return 'owner'
    if (removed.has(member) || inactive.has(member)) return null
    return access.get(member) ?? null
  }
  const voided: MemberListWrite[] = []
  for (const w of [...writes].sort(byStamp)) {
    if (role(w.author) !== 'owner') {
      voided.push(w)
      continue
    }
    if (w.col === ACCESS_COLUMN && isAccessRole(w.v)) access.set(w.member, w.v)
    else if (w.col === DELETED_COLUMN) {
      if (w.v === true) removed.add(w.member)
      else removed.delete(w.member)
    } else if (w.col === ACTIVE_COLUMN) {
      if (w.v === 0 || w.v === false) inactive.add(w.member)
      else inactive.delete(w.member)
    }
  }
  return { role, void: voided }
}
