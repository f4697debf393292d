/**
 * One random user action through the real write path (recordService / mutate / the review inbox),
 * on a deliberately tiny id space (a few fixed ids per kind) so that concurrent creations, edits,
 * deletions and restores of the same fields happen all the time and conflicts pile up.
 */
import type { Backend } from '../../src/main/backend/backend'
import { sql } from '../../src/main/backend/db/sql'
import { checkRecordDelete } from '../../src/main/backend/people/recordAccess'
import { recordCodec } from '../../src/main/backend/repo/recordCodec'
import { recordRepo } from '../../src/main/backend/repo/recordRepo'
import { recordService } from '../../src/main/backend/services/recordService'
import { syncReviewList, syncReviewResolve } from '../../src/main/backend/services/syncReview'
import type { KindName } from '../../src/core/domain/recordKinds'
import type { Rng } from '../../src/core/demo/seededRandom'
import { CHAOS_KINDS } from './replicaReport'

export type EditOutcome = 'edit' | 'resolve' | 'none'

const IDS_PER_KIND = 5
/** Fixed ULID-shaped ids: every worker draws from the same few rows. */
export const chaosIds = (kind: KindName): string[] =>
  Array.from({ length: IDS_PER_KIND }, (_, i) => `01K0CHA${kind === 'channel' ? 'C' : 'M'}${String(i).padStart(18, '0')}`)

const WORDS = ['Blog', 'News', 'Video', 'Podcast', 'Weekly', 'Launch', 'Priya', 'Sam', 'Alex', '']

function createInput(kind: KindName, rng: Rng): Record<string, unknown> {
  const name = `${rng.pick(WORDS) || 'Untitled'} ${rng.int(1, 9)}`
  return kind === 'channel' ? { name, platform: 'blog', notes: rng.pick(WORDS) } : { name, role: rng.pick(WORDS) }
}

function patch(kind: KindName, rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const n = rng.int(1, 2)
  for (let i = 0; i < n; i++) {
    if (kind === 'channel') {
      const f = rng.pick(['name', 'handle', 'notes', 'audienceSize', 'cadencePerWeek'] as const)
      out[f] = f === 'audienceSize' ? rng.int(0, 5) * 1000 : f === 'cadencePerWeek' ? rng.int(1, 5) : f === 'name' ? `${rng.pick(WORDS) || 'N'} ${rng.int(1, 9)}` : rng.pick(WORDS)
    } else {
      const f = rng.pick(['name', 'role', 'weeklyCapacityHours', 'active'] as const)
      out[f] = f === 'weeklyCapacityHours' ? rng.int(8, 40) : f === 'active' ? rng.chance(0.5) : f === 'name' ? `${rng.pick(WORDS) || 'M'} ${rng.int(1, 9)}` : rng.pick(WORDS)
    }
  }
  return out
}

function resolveOne(b: Backend, rng: Rng): EditOutcome {
  const items = syncReviewList(b)
  if (items.length === 0) return 'none'
  const item = rng.pick(items)
  if (item.kind === 'field') {
    const c = rng.pick(item.candidates)
    syncReviewResolve(b, { id: item.id, action: 'keep', headId: c.headId })
  } else if (item.kind === 'deleted-while-edited') {
    syncReviewResolve(b, { id: item.id, action: rng.chance(0.5) ? 'restore' : 'keep-deleted' })
  } else {
    syncReviewResolve(b, { id: item.id, action: rng.chance(0.5) ? 'restore' : 'dismiss' })
  }
  return 'resolve'
}

/** Does one action; validation refusals (a row gone meanwhile, an odd merged value) are the caller's to count. */
export function chaosEdit(b: Backend, rng: Rng): EditOutcome {
  if (rng.chance(0.12)) return resolveOne(b, rng)
  const kind = rng.pick(CHAOS_KINDS)
  const id = rng.pick(chaosIds(kind))
  const table = sql.id(recordCodec(kind).table)
  const row = b.db.get<{ del: number }>(sql`SELECT deleted_at IS NOT NULL AS del FROM ${table} WHERE id = ${id}`)
  if (!row) {
    recordService.create(b, kind, createInput(kind, rng), id)
    return 'edit'
  }
  if (row.del === 1) {
    if (!rng.chance(0.4)) return 'none'
    // The roles a restore needs, as undo checks them (a signed team refuses the rest everywhere else).
    const before = recordRepo.get(b.db, kind, id)
    if (before) checkRecordDelete(b, kind, before)
    b.mutate('Restore', [{ op: 'restore', kind, id }])
    return 'edit'
  }
  if (rng.chance(0.1)) {
    recordService.delete(b, kind, id)
    return 'edit'
  }
  recordService.update(b, kind, { id, ...patch(kind, rng) })
  return 'edit'
}
