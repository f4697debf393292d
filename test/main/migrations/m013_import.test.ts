import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import m013 from '../../../src/main/backend/db/migrations/m013_import'

describe('migration 013 (external ids)', () => {
  it('gives content items and influencers an external id, empty for the records already there', () => {
    const db = new Database(':memory:')
    for (const m of migrations.filter((x) => x.version < 13)) m.up(db)
    const cols = (t: string) => (db.prepare(`SELECT name FROM pragma_table_info('${t}')`).all() as { name: string }[]).map((c) => c.name)
    expect(cols('content_item')).not.toContain('external_id')
    m013.up(db)
    expect(cols('content_item')).toContain('external_id')
    expect(cols('influencer')).toContain('external_id')
    const idx = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%external_id'").all()
    expect(idx).toHaveLength(2)
  })
})
