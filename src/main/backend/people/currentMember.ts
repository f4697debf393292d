/**
 * The computer's *me*. Minimal stand-in for SIGN's branch — replaced by PEOPLE's at merge (same path
 * and export): the first active owner of the workspace, by creation, else the first member.
 */
import type { Backend } from '../backend'

export type CurrentMember = { id: string; name: string }

export function currentMember(b: Backend): CurrentMember | null {
  const row = b.db.raw
    .prepare(`SELECT id, name FROM member WHERE deleted_at IS NULL ORDER BY (access = 'owner') DESC, created_at, id LIMIT 1`)
    .get() as CurrentMember | undefined
  return row ?? null
}
