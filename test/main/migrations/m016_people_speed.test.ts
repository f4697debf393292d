/**
 * m016 (issue #14, My work ≤ 50 ms at 100k items): My work's read of "my open items due up to the
 * week's end" is a range over the partial index of open items, not a walk over every item the
 * member ever owned. A change to the query's WHERE that no longer matches the index fails here.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { sql } from '../../../src/main/backend/db/sql'
import { myOpenItemsQuery } from '../../../src/main/backend/people/myWork'
import { tempBackend } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('m016: open items by owner and due date', () => {
  it('serves My work’s open-items read from content_owner_open_due, with only open, live items in it', async () => {
    const w = await tempBackend()
    cleanups.push(w.cleanup)
    const plan = w.b.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${myOpenItemsQuery('someone', '2026-12-13')}`).map((r) => r.detail)
    expect(plan.join(' | ')).toMatch(/USING INDEX content_owner_open_due \(owner_id=\? AND <expr><\?\)/)
    const raw = w.b.db.raw
    const at = '2026-12-01T00:00:00.000Z'
    const ins = raw.prepare(`INSERT INTO content_item (id, title, owner_id, status, planned_date, created_at, updated_at, deleted_at) VALUES (?, ?, 'm1', ?, '2026-12-10', ?, ?, ?)`)
    ins.run('open', 'Open', 'draft', at, at, null)
    ins.run('published', 'Published', 'published', at, at, null)
    ins.run('deleted', 'Deleted', 'draft', at, at, at)
    const indexed = raw.prepare(`SELECT id FROM content_item INDEXED BY content_owner_open_due WHERE owner_id = 'm1' AND status IN ('idea', 'draft', 'in_review', 'approved', 'scheduled') AND deleted_at IS NULL`).all()
    expect(indexed).toEqual([{ id: 'open' }])
    expect(w.b.db.all<{ id: string }>(myOpenItemsQuery('m1', '2026-12-13')).map((r) => r.id)).toEqual(['open'])
  })
})
