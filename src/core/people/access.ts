import type { z } from 'zod'
import type { enums } from '../domain/enums'

export type Access = z.infer<typeof enums.access>

/** Each role includes every role below it: an owner may do what an approver may, and so on. */
const RANK: Record<Access, number> = { viewer: 0, contributor: 1, editor: 2, approver: 3, owner: 4 }
const ORDER: readonly Access[] = ['viewer', 'contributor', 'editor', 'approver', 'owner']

export function atLeast(have: Access, need: Access): boolean {
  return RANK[have] >= RANK[need]
}

/** "approver or owner", "editor, approver or owner": the roles that satisfy `need`, lowest first. */
export function rolesFrom(need: Access): string {
  const list = ORDER.slice(RANK[need])
  return list.length === 1 ? (list[0] ?? need) : `${list.slice(0, -1).join(', ')} or ${list.at(-1) ?? ''}`
}

export type Acting = { id: string; name: string; access: Access }

/**
 * The one refusal sentence, the same on every transport: what was tried, the roles it needs, and
 * who the call acted as ("Approving needs the approver or owner role; you are Leo Martins (contributor).").
 */
export function needsRole(doing: string, need: Access, me: Acting | null): string {
  const who = me === null ? 'nobody is chosen as “me” for this workspace on this computer (pick yourself in the app, or pass --as NAME)' : `you are ${me.name} (${me.access})`
  return `${doing} needs the ${rolesFrom(need)} role; ${who}.`
}
