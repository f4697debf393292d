import { migration } from './migration'

// Pins and score snapshots are replicated records like the others (STRICT, TEXT ULID ids, every synced
// column with a default or nullable, tombstones), so a pin made on one laptop travels to the team.
const system = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT`

const ddl = `
CREATE TABLE pin (
  id TEXT PRIMARY KEY NOT NULL, channel_id TEXT NOT NULL DEFAULT '', min_hours REAL NOT NULL DEFAULT 0,
  exclude INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '',
  ${system}) STRICT;
CREATE INDEX pin_channel ON pin(channel_id);

CREATE TABLE score_snapshot (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', taken_on TEXT NOT NULL DEFAULT '',
  quarter TEXT NOT NULL DEFAULT '', auto INTEGER NOT NULL DEFAULT 0, capacity_hours REAL NOT NULL DEFAULT 0,
  ranking TEXT NOT NULL DEFAULT '[]', inputs TEXT NOT NULL DEFAULT '{}',
  ${system}) STRICT;
CREATE INDEX score_snapshot_quarter ON score_snapshot(quarter, taken_on);
`

export default migration({
  version: 2,
  name: 'scoring: pins (overrides with a reason) and score snapshots',
  up: (db) => {
    db.exec(ddl)
  }
})
