import type { ApiOutput } from '../../../core/api/contract'
import type { Db } from '../db/db'
import { sql } from '../db/sql'
import { kindDirectory } from '../../../core/domain/kindDirectory'
import type { KindName } from '../../../core/domain/recordKinds'

type Counts = ApiOutput<'workspace-info'>['counts']

/**
 * The record kind behind each count `smo check` and the workspace info show. Tables come from the
 * zod-free kind directory, not the kinds' schemas: `smo check` must start without loading zod and
 * every domain schema (issue #17: ≤ 200 ms).
 */
export const countedKinds = {
  members: 'member',
  goals: 'goal',
  measurements: 'measurement',
  channels: 'channel',
  campaigns: 'campaign',
  contentItems: 'content',
  influencers: 'influencer',
  conversations: 'conversation'
} as const satisfies Record<keyof Counts, KindName>

/** Live (not deleted) records of each counted kind. */
export function countRecords(db: Db): Counts {
  const count = (kind: KindName) => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(kindDirectory[kind].table)} WHERE deleted_at IS NULL`)?.n ?? 0
  return {
    members: count(countedKinds.members),
    goals: count(countedKinds.goals),
    measurements: count(countedKinds.measurements),
    channels: count(countedKinds.channels),
    campaigns: count(countedKinds.campaigns),
    contentItems: count(countedKinds.contentItems),
    influencers: count(countedKinds.influencers),
    conversations: count(countedKinds.conversations)
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
