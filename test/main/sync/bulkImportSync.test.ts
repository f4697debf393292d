/**
 * An import logged as bulk creation records (issue #15) reaches a teammate whole: every imported
 * item, with its values, whether the import was made before the team was set up (its creation heads
 * made explicit on joining) or after (explicit at once); and an edit of an imported item made on the
 * other computer comes back and supersedes the import's value.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { recordKinds } from '../../../src/core/domain/recordKinds'
import type { Backend } from '../../../src/main/backend/backend'
import { BULK_COL, BULK_ROWS_PER_CHUNK } from '../../../src/main/backend/bulkCreations'
import { sql } from '../../../src/main/backend/db/sql'
import { recordService } from '../../../src/main/backend/services/recordService'
import { syncNow, syncSetup } from '../../../src/main/backend/services/syncService'
import { syncedWorkspaces } from '../helpers/syncedWorkspaces'

const { tempRoot, workspace } = syncedWorkspaces()

const ROWS = BULK_ROWS_PER_CHUNK + 300

function importItems(b: Backend): string[] {
  const ids = Array.from({ length: ROWS }, () => b.newId())
  b.mutate('import plan.csv', ids.map((id, i) => ({
    op: 'create' as const, kind: 'content' as const, id,
    values: { ...recordKinds.content.defaults, title: `Post ${i}`, plannedDate: '2026-12-01', effortHours: i % 5, brief: i % 3 === 0 ? 'Brief' : '' }
  })))
  expect(b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_record WHERE col = ${BULK_COL}`)?.n).toBe(2)
  return ids
}

const items = (b: Backend) => JSON.stringify(b.db.all(sql`SELECT id, title, brief, planned_date, effort_hours, status FROM content_item ORDER BY id`))

describe('an import in a team', () => {
  for (const when of ['before the team is set up', 'after joining'] as const)
    it(`reaches the teammate whole when made ${when}, and an edit of an imported item comes back`, async () => {
      const root = tempRoot('smo-bulk-sync-')
      const folder = join(root, 'Dropbox')
      mkdirSync(folder)
      const a = await workspace(root, 'a')
      let ids: string[] = []
      if (when === 'before the team is set up') ids = importItems(a)
      syncSetup(a, { mode: 'create', folder })
      const b = await workspace(root, 'b')
      syncSetup(b, { mode: 'join', folder })
      if (when === 'after joining') {
        ids = importItems(a)
        syncNow(a)
        syncNow(b)
      }
      expect(b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM content_item`)?.n).toBe(ROWS)
      expect(items(b)).toBe(items(a))
      const id = ids[ROWS - 7] ?? ''
      recordService.update(b, 'content', { id, title: 'Renamed by Sam' })
      syncNow(b)
      syncNow(a)
      expect((recordService.get(a, 'content', id) as { title: string }).title).toBe('Renamed by Sam')
      expect(items(b)).toBe(items(a))
    }, 120_000)
})
