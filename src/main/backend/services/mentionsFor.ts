import type { Comment } from '../../../core/domain/comment'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import type { Row } from '../db/db'
import { recordCodec } from '../repo/recordCodec'

/**
 * Comments that mention a member, newest first (My work, the inbox). Their own comments are left
 * out: mentioning yourself is a note, not news. A mention in a resolved thread is still listed.
 */
export function mentionsFor(b: Backend, memberId: string, limit = 200): Comment[] {
  const codec = recordCodec('comment')
  // Mentions are a JSON array of ids; ULIDs never contain quotes, so the quoted id is an exact match.
  const pattern = `%"${memberId}"%`
  return b.db
    .all<Row>(
      sql`SELECT * FROM comment WHERE deleted_at IS NULL AND mentions LIKE ${pattern} AND (author_id IS NULL OR author_id <> ${memberId})
          ORDER BY created_at DESC, id DESC LIMIT ${limit}`
    )
    .map((r) => codec.fromRow(r) as Comment)
}
