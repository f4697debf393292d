import type { ApiOutput } from '../../../core/api/contract'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { BULK_COL, bulkCreationOf, expandBulk } from '../bulkCreations'
import { kindNames, recordKinds } from '../../../core/domain/recordKinds'
import { CREATE_COL } from '../mutate'
import { workspaceProfileOf } from './workspaceProfileService'
import { checkDatabase, countRecords } from './workspaceCheck'

// The counts and the check live in a module of their own so `smo check` loads without this file's
// imports (the record service and every domain schema); re-exported for the existing callers.
export { checkDatabase, countRecords }

export const workspaceService = {
  info(b: Backend): ApiOutput<'workspace-info'> {
    return {
      name: workspaceProfileOf(b).name,
      path: b.ws.paths.dir,
      schemaVersion: b.ws.schemaVersion,
      deviceId: b.ws.deviceId,
      counts: countRecords(b.db)
    }
  },

  check(b: Backend): ApiOutput<'workspace-check'> {
    const problems = checkDatabase(b.db)
    return { ok: problems.length === 0, schemaVersion: b.ws.schemaVersion, counts: countRecords(b.db), problems }
  },

  changes(b: Backend, input: { kind?: string; id?: string; limit?: number }): ApiOutput<'change-list'> {
    const limit = input.limit ?? 100
    // A record an import created is in one of its bulk records (bulkCreations.ts), not in row_id.
    const bulk = input.id ? kindNames.map((k) => bulkCreationOf(b.db, recordKinds[k].table, input.id ?? '')).find((c) => c !== undefined) : undefined
    const filter = input.id
      ? sql`WHERE seq IN (SELECT seq FROM change_record r WHERE r.row_id = ${input.id} AND r.dev = t.dev) OR (dev = ${bulk?.dev ?? ''} AND seq = ${bulk?.seq ?? -1})`
      : sql``
    const txs = db(b).all<{ dev: string; seq: number; hlc: string; label: string; created_at: string }>(
      sql`SELECT dev, seq, hlc, label, created_at FROM change_tx t ${filter} ORDER BY hlc DESC LIMIT ${limit}`
    )
    return {
      items: txs.map((t) => ({
        tx: `${t.dev}:${t.seq}`,
        hlc: t.hlc,
        label: t.label,
        at: t.created_at,
        changes: db(b)
          .all<{ tbl: string; row_id: string; col: string; old_value: string | null; new_value: string | null }>(
            sql`SELECT tbl, row_id, col, old_value, new_value FROM change_record WHERE dev = ${t.dev} AND seq = ${t.seq} ORDER BY id LIMIT 200`
          )
          // A bulk record (an import's chunk) is listed as the per-row creations it stands for.
          .flatMap((r) => (r.col === BULK_COL ? expandBulk(r.new_value).map((c) => ({ tbl: r.tbl, row_id: c.id, col: CREATE_COL, old_value: null, new_value: JSON.stringify(c.values) })) : [r]))
          .slice(0, 200)
          .map((r) => ({
            kind: r.tbl,
            id: r.row_id,
            field: r.col,
            from: r.old_value === null ? null : JSON.parse(r.old_value),
            to: r.new_value === null ? null : JSON.parse(r.new_value)
          }))
      }))
    }
  }
}

const db = (b: Backend) => b.db
