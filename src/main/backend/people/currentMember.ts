import type { Member } from '../../../core/domain/member'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordCodec } from '../repo/recordCodec'
import type { Row } from '../db/db'

/**
 * *Me*: the member this computer acts as. Minimal stand-in so comments, tasks and notifications
 * have an author and a reader — replaced by PEOPLE's at merge (same path, same export).
 * Reads the member id kept in per-machine settings (`ui.me`), else the first owner, else the first
 * active member; null in an empty workspace.
 */
export function currentMember(b: Backend): Member | null {
  const codec = recordCodec('member')
  const chosen = b.settings.get().ui.me
  if (typeof chosen === 'string') {
    const row = b.db.get<Row>(sql`SELECT * FROM member WHERE id = ${chosen} AND deleted_at IS NULL`)
    if (row) return codec.fromRow(row) as Member
  }
  const row =
    b.db.get<Row>(sql`SELECT * FROM member WHERE deleted_at IS NULL AND access = 'owner' ORDER BY created_at, id LIMIT 1`) ??
    b.db.get<Row>(sql`SELECT * FROM member WHERE deleted_at IS NULL AND active = 1 ORDER BY created_at, id LIMIT 1`)
  return row ? (codec.fromRow(row) as Member) : null
}
