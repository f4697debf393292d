/**
 * The state of one workspace replica as the chaos checks compare it (SYNC.md §3.1): the canonical
 * digest of every field register, the open-conflict inbox, and a dump of the app tables the workers
 * edit. Local-only columns (created/updated times, the deletion time's wall clock) are left out: they
 * legitimately differ per device; whether a row is deleted is kept.
 */
import type { Backend } from '../../src/main/backend/backend'
import { sql } from '../../src/main/backend/db/sql'
import { recordCodec } from '../../src/main/backend/repo/recordCodec'
import { syncStateOf } from '../../src/main/backend/services/syncService'
import { conflictsKey, openConflicts } from '../../src/core/sync/openConflicts'
import { replicaDigest } from '../../src/core/sync/replicaDigest'
import type { KindName } from '../../src/core/domain/recordKinds'
import { ATTACK_SEQ_BASE } from './attackMarks'
import type { ReplicaReport } from './workerProtocol'

export const CHAOS_KINDS: readonly KindName[] = ['channel', 'member']

function tableDump(b: Backend, kind: KindName): string {
  const codec = recordCodec(kind)
  const cols = [sql.id('id'), ...codec.columns.map((c) => sql.id(c.column)), sql`deleted_at IS NOT NULL AS del`]
  const rows = b.db.all<Record<string, unknown>>(sql`SELECT ${sql.join(cols)} FROM ${sql.id(codec.table)} ORDER BY id`)
  return `${kind}\n${rows.map((r) => JSON.stringify(r)).join('\n')}`
}

/**
 * What sync_refused lists, without where and when this replica saw it (the path of a conflicted
 * copy, the local time): every honest replica must list the same changes with the same who and why.
 */
function refusedLines(b: Backend): string[] {
  const rows = b.db.all<{ dev: string; seq: number; who: string; reason: string }>(sql`SELECT DISTINCT dev, seq, who, reason FROM sync_refused ORDER BY dev, seq, who, reason`)
  return rows.map((r) => `${r.dev} ${r.seq} ${r.who}: ${r.reason}`)
}

export function replicaReport(b: Backend): ReplicaReport {
  const store = syncStateOf(b).store
  const heads: Record<string, string[]> = {}
  for (const r of b.db.all<{ tbl: string; row_id: string; col: string; op: string }>(sql`SELECT tbl, row_id, col, op FROM field_head ORDER BY tbl, row_id, col, op`)) {
    const k = `${r.tbl}/${r.row_id}/${r.col}`
    ;(heads[k] ??= []).push(r.op)
  }
  const hwm: Record<string, number> = {}
  for (const d of store.knownDevices()) hwm[d] = store.highWaterMark(d)
  return {
    dev: b.ws.deviceId,
    digest: replicaDigest(store),
    conflicts: conflictsKey(openConflicts(store)),
    tables: CHAOS_KINDS.map((k) => tableDump(b, k)).join('\n'),
    heads,
    hwm,
    waiting: store.unpublishedCount(),
    // A torn conflicted copy of a forged file waits for a range no genuine file will ever fill.
    gaps: store.gaps().filter((g) => g.from < ATTACK_SEQ_BASE).length,
    forks: store.forks().length,
    published: store.lastPublished(),
    refused: refusedLines(b)
  }
}
