import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import m015 from '../../../src/main/backend/db/migrations/m015_desk'

describe('migration 015 (listening desk)', () => {
  it('turns status into state, routed-to members into experts with their own ids, and keeps clocks stale until computed', () => {
    const db = new Database(':memory:')
    for (const m of migrations.filter((x) => x.version < 15)) m.up(db)
    db.exec(`INSERT INTO member (id, name, created_at, updated_at) VALUES ('M1', 'Olga', 'x', 'x'), ('M2', 'Nobody routed', 'x', 'x');
      INSERT INTO conversation (id, occurred_at, author, summary, type, routed_to_id, routed_at, status, created_at, updated_at) VALUES
        ('C1', '2026-01-05T10:00:00Z', 'Sam', 'Q', 'question', 'M1', '2026-01-05T11:00:00Z', 'routed', 'x', 'x'),
        ('C2', '2026-01-05T10:00:00Z', 'Kim', 'P', 'praise', NULL, NULL, 'new', 'x', 'x');
      INSERT INTO field_head (tbl, row_id, col, op, hlc, value) VALUES ('conversation', 'C1', 'status', 'd:1', 'h', '"routed"')`)
    m015.up(db)
    expect(db.prepare('SELECT id, state, assignee_id, assigned_at FROM conversation ORDER BY id').all()).toEqual([
      { id: 'C1', state: 'assigned', assignee_id: 'M1', assigned_at: '2026-01-05T11:00:00Z' },
      { id: 'C2', state: 'new', assignee_id: null, assigned_at: null }
    ])
    expect(db.prepare('SELECT id, name, member_id FROM expert').all()).toEqual([{ id: 'M1', name: 'Olga', member_id: 'M1' }])
    expect(db.prepare("SELECT col, value FROM field_head WHERE row_id = 'C1'").all()).toEqual([{ col: 'state', value: '"assigned"' }])
    expect(db.prepare('SELECT id, stale FROM conversation_clock ORDER BY id').all()).toEqual([{ id: 'C1', stale: 1 }, { id: 'C2', stale: 1 }])
    // A write to a field the clocks read marks the conversation stale again; the settings mark all.
    db.exec("UPDATE conversation_clock SET stale = 0; UPDATE conversation SET summary = 'Q2' WHERE id = 'C1'")
    expect(db.prepare('SELECT sum(stale) AS n FROM conversation_clock').get()).toEqual({ n: 0 })
    db.exec("UPDATE conversation SET priority = 'high' WHERE id = 'C1'")
    expect(db.prepare('SELECT id FROM conversation_clock WHERE stale = 1').all()).toEqual([{ id: 'C1' }])
    db.exec("INSERT INTO desk_policy (id, created_at, updated_at) VALUES ('P', 'x', 'x')")
    expect(db.prepare('SELECT sum(stale) AS n FROM conversation_clock').get()).toEqual({ n: 2 })
    for (const name of ['expert', 'watch', 'routing_rule', 'escalation_ladder', 'approved_answer', 'handoff', 'desk_policy', 'conversation_clock'])
      expect((db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(name) as { strict: number }).strict, name).toBe(1)
  })
})
