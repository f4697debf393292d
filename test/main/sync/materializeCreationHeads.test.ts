import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { recordCodec } from '../../../src/main/backend/repo/recordCodec'
import { recordService } from '../../../src/main/backend/services/recordService'
import { materializeCreationHeads } from '../../../src/main/backend/sync/materializeCreationHeads'
import { tempBackend } from '../helpers/tempWorkspace'

let b: Backend
let cleanup: () => void
beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend())
})
afterEach(() => cleanup())

const heads = (id: string) => b.db.all<{ col: string; op: string; value: string }>(sql`SELECT col, op, value FROM field_head WHERE row_id = ${id} ORDER BY col`)

describe('creation heads', () => {
  it('stay implicit without a team, and become explicit (once) before the first sync', () => {
    const c = recordService.create(b, 'channel', { name: 'Blog', platform: 'blog' }) as { id: string }
    recordService.update(b, 'channel', { id: c.id, notes: 'edited' })
    // Only the edited field has a head row; the others point at the creation record implicitly.
    expect(heads(c.id).map((h) => h.col)).toEqual(['notes'])
    const created = b.db.get<{ dev: string; seq: number }>(sql`SELECT dev, seq FROM change_record WHERE row_id = ${c.id} AND col = '*'`)
    const added = materializeCreationHeads(b.db)
    const columns = recordCodec('channel').columns.length
    expect(added).toBe(columns - 1)
    const all = heads(c.id)
    expect(all).toHaveLength(columns)
    expect(all.find((h) => h.col === 'name')).toMatchObject({ op: `${created?.dev}:${created?.seq}`, value: '"Blog"' })
    expect(all.find((h) => h.col === 'notes')?.value).toBe('"edited"')
    expect(materializeCreationHeads(b.db)).toBe(0)
  })

  it('are written at creation once the workspace syncs with a team', () => {
    b.db.run(sql`INSERT INTO local_state (key, value) VALUES ('sync_team', 'T')`)
    const c = recordService.create(b, 'member', { name: 'Ada' }) as { id: string }
    expect(heads(c.id)).toHaveLength(recordCodec('member').columns.length)
  })
})
