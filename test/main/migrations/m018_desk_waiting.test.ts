import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { formatHlc } from '../../../src/core/sync/hlc'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import m018 from '../../../src/main/backend/db/migrations/m018_desk_waiting'

describe('migration 018 (waiting pauses the clocks)', () => {
  it('dates the waits of conversations already waiting from their history, and re-marks clocks stale when a wait changes', () => {
    const db = new Database(':memory:')
    for (const m of migrations.filter((x) => x.version < 18)) m.up(db)
    const hlc = formatHlc({ millis: Date.parse('2026-01-06T09:30:00Z'), counter: 0, device: 'aaaaaaaaaaaaaaaa' })
    db.exec(`INSERT INTO conversation (id, occurred_at, author, summary, type, state, assignee_id, first_response_at, created_at, updated_at) VALUES
        ('C1', '2026-01-05T10:00:00Z', 'Sam', 'Q', 'question', 'waiting', 'E', '2026-01-05T11:00:00Z', 'x', 'x'),
        ('C2', '2026-01-05T10:00:00Z', 'Kim', 'Q', 'question', 'waiting', 'E', '2026-01-05T12:00:00Z', 'x', 'x'),
        ('C3', '2026-01-05T10:00:00Z', 'Lee', 'Q', 'question', 'assigned', 'E', NULL, 'x', 'x');
      INSERT INTO change_record (dev, seq, hlc, tbl, row_id, col, old_value, new_value) VALUES ('aaaaaaaaaaaaaaaa', 7, '${hlc}', 'conversation', 'C1', 'state', '"assigned"', '"waiting"');
      UPDATE conversation_clock SET stale = 0;`)
    m018.up(db)
    // C1 from the change that made it wait; C2 (no history) from its first response; C3 is not waiting.
    expect(db.prepare('SELECT id, waiting_since, waits FROM conversation ORDER BY id').all()).toEqual([
      { id: 'C1', waiting_since: '2026-01-06T09:30:00.000Z', waits: '[]' },
      { id: 'C2', waiting_since: '2026-01-05T12:00:00Z', waits: '[]' },
      { id: 'C3', waiting_since: null, waits: '[]' }
    ])
    expect(db.prepare('SELECT id FROM conversation_clock WHERE stale = 1 ORDER BY id').all()).toEqual([{ id: 'C1' }, { id: 'C2' }])
    db.exec("UPDATE conversation_clock SET stale = 0; UPDATE conversation SET waits = '[{\"from\":\"2026-01-05T11:00:00Z\",\"to\":\"2026-01-05T12:00:00Z\"}]' WHERE id = 'C3'")
    expect(db.prepare('SELECT id FROM conversation_clock WHERE stale = 1').all()).toEqual([{ id: 'C3' }])
  })
})
