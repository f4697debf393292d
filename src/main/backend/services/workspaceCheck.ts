import type { ApiOutput } from '../../../core/api/contract'
import type { Db } from '../db/db'
import { sql } from '../db/sql'

type Counts = ApiOutput<'workspace-info'>['counts']

/**
 * The tables behind the counts `smo check` and the workspace info show. Plain names rather than the
 * record kinds' schemas: `smo check` must start without loading zod and every domain schema (issue
 * #17: ≤ 200 ms). A test holds this list to the kinds' own table names.
 */
export const countedTables = {
  members: 'member',
  goals: 'goal',
  measurements: 'measurement',
  channels: 'channel',
  campaigns: 'campaign',
  contentItems: 'content_item',
  influencers: 'influencer',
  conversations: 'conversation'
} as const satisfies Record<keyof Counts, string>

/** Live (not deleted) records of each counted kind. */
export function countRecords(db: Db): Counts {
  const count = (table: string) => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(table)} WHERE deleted_at IS NULL`)?.n ?? 0
  return {
    members: count(countedTables.members),
    goals: count(countedTables.goals),
    measurements: count(countedTables.measurements),
    channels: count(countedTables.channels),
    campaigns: count(countedTables.campaigns),
    contentItems: count(countedTables.contentItems),
    influencers: count(countedTables.influencers),
    conversations: count(countedTables.conversations)
  }
}

/**
 * SQLite's integrity check plus our own invariants (every change record belongs to a transaction).
 * `sqliteChecked`: the caller opened the workspace with the full integrity check already (`smo
 * check`), which refuses a damaged file, so running it again would only read every page twice.
 */
export function checkDatabase(db: Db, options: { sqliteChecked?: boolean } = {}): string[] {
  const problems: string[] = []
  if (!options.sqliteChecked) {
    const rows = db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`)
    for (const r of rows) if (r.integrity_check !== 'ok') problems.push(`SQLite: ${r.integrity_check}`)
  }
  const orphans = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_record r LEFT JOIN change_tx t ON t.dev = r.dev AND t.seq = r.seq WHERE t.seq IS NULL`)
  if (orphans && orphans.n > 0) problems.push(`${orphans.n} change records belong to no transaction`)
  return problems
}
