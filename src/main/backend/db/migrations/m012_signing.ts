import { migration } from './migration'

/**
 * Signed team sync (issue #14 item 3, docs/SYNC-SECURITY.md). Local tables only, never replicated:
 * - `sync_member_write`: every accepted write to the member table with the member who signed it,
 *   so a reader can rebuild the member list as of any change's causal past (a small table: the
 *   member list changes rarely).
 * - `sync_refused`: changes this computer did not apply, with who and why, for sync health.
 */
export default migration({
  version: 12,
  name: 'signing: member-list writes and refused changes',
  up: (db) => {
    db.exec(`
CREATE TABLE sync_member_write (
  dev TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, author TEXT NOT NULL,
  member_id TEXT NOT NULL, col TEXT NOT NULL, value TEXT,
  PRIMARY KEY (dev, seq, member_id, col)
) STRICT, WITHOUT ROWID;
CREATE TABLE sync_refused (
  path TEXT NOT NULL, dev TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL DEFAULT '',
  key_id TEXT NOT NULL DEFAULT '', member_id TEXT NOT NULL DEFAULT '', who TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL, at TEXT NOT NULL,
  PRIMARY KEY (path, dev, seq)
) STRICT, WITHOUT ROWID;
`)
  }
})
