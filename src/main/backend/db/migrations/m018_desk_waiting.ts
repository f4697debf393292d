import { parseHlc } from '../../../../core/sync/hlc'
import { migration } from './migration'

// Waiting for the author pauses the desk's clocks (issue #16): the conversation keeps since when it
// waits (`waiting_since`) and the waits it has finished (`waits`, JSON [{from, to}]), synced like any
// field, and the clock trigger marks its due times stale when either changes.
const ddl = `
ALTER TABLE conversation ADD COLUMN waiting_since TEXT DEFAULT NULL;
ALTER TABLE conversation ADD COLUMN waits TEXT NOT NULL DEFAULT '[]';
DROP TRIGGER conversation_clock_update;
CREATE TRIGGER conversation_clock_update AFTER UPDATE OF occurred_at, type, priority, state, first_response_at, resolved_at, deleted_at, waiting_since, waits ON conversation BEGIN
  INSERT INTO conversation_clock (id, stale) VALUES (NEW.id, 1) ON CONFLICT(id) DO UPDATE SET stale = 1;
END;
`

export default migration({
  version: 18,
  name: 'listening desk: waiting for the author pauses the clocks',
  up: (db) => {
    db.exec(ddl)
    // A conversation already waiting waits since the newest change that made it wait (its HLC wall time,
    // the same on every computer that has the history), else since its first response (the usual way in:
    // "sent, waiting for the author"), else since it happened. Every computer migrating on its own
    // derives the same value from the same synced data.
    const waiting = db.prepare(`SELECT id, occurred_at, first_response_at FROM conversation WHERE state = 'waiting' AND deleted_at IS NULL`).all() as {
      id: string
      occurred_at: string
      first_response_at: string | null
    }[]
    const newest = db.prepare(`SELECT max(hlc) AS hlc FROM change_record WHERE tbl = 'conversation' AND row_id = ? AND col = 'state' AND new_value = '"waiting"'`)
    const set = db.prepare(`UPDATE conversation SET waiting_since = ? WHERE id = ?`)
    for (const c of waiting) {
      const hlc = (newest.get(c.id) as { hlc: string | null } | undefined)?.hlc ?? null
      const millis = hlc === null ? null : (parseHlc(hlc)?.millis ?? null)
      const since = millis !== null ? new Date(millis).toISOString() : (c.first_response_at ?? c.occurred_at)
      set.run(since < c.occurred_at ? c.occurred_at : since, c.id)
    }
    db.exec(`UPDATE conversation_clock SET stale = 1 WHERE id IN (SELECT id FROM conversation WHERE state = 'waiting')`)
  }
})
