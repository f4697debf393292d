import { isStale, rankAnswers } from '../../../core/listening/answers'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordRepo } from '../repo/recordRepo'

import type { ApprovedAnswer } from '../../../core/domain/approvedAnswer'
import { localDay } from '../localDay'

type Answer = ApprovedAnswer

/** Approved answers for a reply: best match first, each flagged stale past its review date. */
export function answerSuggest(b: Backend, i: { topic?: string | undefined; language?: string | undefined; q?: string | undefined; today?: string | undefined }) {
  const today = i.today ?? localDay(b.now())
  const all = recordRepo.list(b.db, 'approvedAnswer', { ...(i.q !== undefined && i.q.trim() !== '' ? { q: i.q } : {}), limit: 5000 }).items as unknown as Answer[]
  const names = new Map(b.db.all<{ id: string; name: string }>(sql`SELECT id, name FROM member`).map((m) => [m.id, m.name]))
  const ranked = rankAnswers(all.filter((a) => a.active), i.topic ?? '', i.language ?? '', today)
  return { items: ranked.map((a) => ({ ...a, stale: isStale(a, today), ownerName: a.ownerId === null ? null : (names.get(a.ownerId) ?? null) })) }
}
