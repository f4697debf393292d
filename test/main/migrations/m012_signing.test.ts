import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import m012 from '../../../src/main/backend/db/migrations/m012_signing'
import { migrations } from '../../../src/main/backend/db/migrations/index'

describe('migration 012 (signing: member-list writes, refused changes)', () => {
  it('is version 12, in the list, and adds two local (never replicated) tables', () => {
    expect(m012.version).toBe(12)
    expect(migrations.map((m) => m.version)).toContain(12)
    const db = new Database(':memory:')
    for (const m of migrations) m.up(db)
    const cols = (t: string): string[] => (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).map((c) => c.name)
    expect(cols('sync_member_write')).toEqual(['dev', 'seq', 'hlc', 'author', 'member_id', 'col', 'value'])
    expect(cols('sync_refused')).toEqual(['path', 'dev', 'seq', 'hlc', 'key_id', 'member_id', 'who', 'reason', 'at'])
    // A refusal is recorded once per file and change, however often the file is read.
    const ins = db.prepare(`INSERT OR REPLACE INTO sync_refused (path, dev, seq, reason, at) VALUES (?, ?, ?, ?, ?)`)
    ins.run('devices/a/ops-1-1.log', 'a', 1, 'not signed', 'now')
    ins.run('devices/a/ops-1-1.log', 'a', 1, 'not signed', 'later')
    expect(db.prepare(`SELECT count(*) AS n FROM sync_refused`).get()).toEqual({ n: 1 })
    expect(() => db.prepare(`INSERT INTO sync_member_write (dev, seq, hlc, author, member_id, col, value) VALUES ('a', 'x', 'h', 'm', 'm', 'access', '"owner"')`).run()).toThrow(/INTEGER/)
  })
})
