import { migration } from './migration'

/**
 * Idempotent creation (issue #13, "no junk records"): each create gesture in the app carries a
 * client-made creation id; the first request that uses it writes the record and this row, and any
 * repeat of it (a double click, Enter pressed twice, a retry on a slow network) gets the same record
 * back instead of a second one. Local bookkeeping, never synced: a teammate never replays our gestures.
 */
export default migration({
  version: 9,
  name: 'creation keys: one record per create gesture',
  up: (db) => {
    db.exec(`
CREATE TABLE creation_key (
  key TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL, input_hash TEXT NOT NULL,
  created_at TEXT NOT NULL) STRICT;
`)
  }
})
