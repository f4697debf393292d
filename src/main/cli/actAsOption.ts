import { ApiError } from '../../core/api/apiError'
import type { Backend } from '../backend/backend'
import { sql } from '../backend/db/sql'
import { actAs, currentMember, savedMeId } from '../backend/people/currentMember'
import { atLeast, rolesFrom } from '../../core/people/access'
import { UsageError } from './command'

let asName: string | null = null

/**
 * `--as NAME` works on every command, so it is taken out of the arguments before a command parses its
 * own options (`smo mine --as "Leo Martins"`, `--as=…`). Returns the remaining arguments.
 */
export function takeAsOption(args: string[]): string[] {
  const rest: string[] = []
  asName = null
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '--as') {
      const v = args[i + 1]
      if (v === undefined || v.startsWith('--')) throw new UsageError('--as needs a member’s name, like --as "Leo Martins"')
      asName = v
      i++
    } else if (a.startsWith('--as=')) asName = a.slice(5)
    else rest.push(a)
  }
  return rest
}

/**
 * Act as the member `--as` names, where the roles allow it: the same rule as switching "me" in the app
 * (anyone at the first pick on this computer; after that only members whose role is not above yours —
 * an owner may play anyone, which is how the checks play several members on one computer).
 */
export function applyAsOption(b: Backend): void {
  if (asName === null) return
  const wanted = asName.trim()
  const rows = b.db.all<{ id: string; name: string; access: string }>(
    sql`SELECT id, name, access FROM member WHERE deleted_at IS NULL AND active = 1 AND (lower(name) = lower(${wanted}) OR id = ${wanted})`
  )
  const m = rows[0]
  if (!m) {
    const names = b.db.all<{ name: string }>(sql`SELECT name FROM member WHERE deleted_at IS NULL AND active = 1 ORDER BY name`).map((r) => r.name)
    throw new UsageError(`--as: no active member is called "${wanted}" (members: ${names.join(', ') || 'none yet'})`)
  }
  if (rows.length > 1) throw new UsageError(`--as: ${rows.length} members are called "${wanted}"; give the member's id instead`)
  const me = currentMember(b)
  const access = m.access as Parameters<typeof atLeast>[1]
  if (savedMeId(b) !== null && m.id !== me?.id && (me === null || !atLeast(me.access, access)))
    throw new ApiError(
      'forbidden',
      me === null
        ? `Acting as ${m.name} needs a “me” on this computer who may switch to them; the one chosen is no longer an active member.`
        : `Acting as ${m.name} (${m.access}) needs the ${rolesFrom(access)} role; you are ${me.name} (${me.access}).`
    )
  actAs(b, m.id)
}
