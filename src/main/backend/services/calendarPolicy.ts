import { defaultPolicy, type WorkspacePolicy } from '../../../core/domain/workspacePolicy'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordCodec } from '../repo/recordCodec'
import type { Row } from '../db/db'

export type StoredPolicy = WorkspacePolicy & { id: string | null }

/**
 * The workspace's publishing policy: the newest live policy record, or the default one until someone
 * saves their own. Read on every approval, so it is one indexed single-row query.
 */
export function calendarPolicy(b: Backend): StoredPolicy {
  const row = b.db.get<Row>(sql`SELECT * FROM workspace_policy WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1`)
  if (!row) return { ...defaultPolicy, id: null }
  const rec = recordCodec('workspacePolicy').fromRow(row) as WorkspacePolicy & { id: string }
  return { id: rec.id, name: rec.name, checklist: rec.checklist, clashWindowHours: rec.clashWindowHours, requireOtherApprover: rec.requireOtherApprover, requireTasksDone: rec.requireTasksDone }
}
